package org.disclosurereports.core.layout;

import java.util.Objects;

/**
 * A reference to one cell of tables 二, 三 or 四, written {@code table3.granted.total}: table, row key,
 * column key (table 四's row is the kind of case). Narrative figures, findings, evidence and tables.json
 * paths all name cells this way.
 * <p>
 * The 信息处理费 that section 六 states is a figure of the report but no table cell: its reference is
 * {@link #PROCESSING_FEES}, which is not a {@code CellRef}.
 */
public record CellRef(String table, String row, String column) {

    /** Reference of the 信息处理费 figure (section 六, tables.json {@code processing_fees_yuan}). */
    public static final String PROCESSING_FEES = "processing_fees_yuan";

    public CellRef {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(column, "column");
        if (!isKey(table) || !isKey(row) || !isKey(column)) {
            throw new IllegalArgumentException("not a cell reference: '" + table + "." + row + "." + column
                    + "' (table, row and column are keys without dots, e.g. table3.granted.total)");
        }
    }

    public static CellRef of(String table, String row, String column) {
        return new CellRef(table, row, column);
    }

    /** Reads {@code table.row.column}; anything else is refused with a message naming the text. */
    public static CellRef parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("not a cell reference: null (expected table.row.column, e.g. table3.granted.total)");
        }
        int first = text.indexOf('.');
        int second = first < 0 ? -1 : text.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == text.length() - 1 || text.indexOf('.', second + 1) >= 0) {
            throw new IllegalArgumentException("not a cell reference: '" + text + "' (expected table.row.column, e.g. table3.granted.total)");
        }
        return new CellRef(text.substring(0, first), text.substring(first + 1, second), text.substring(second + 1));
    }

    /** True for {@code table.row.column} text; the 信息处理费 reference is not a cell. */
    public static boolean isCell(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isKey(String s) {
        return !s.isEmpty() && s.indexOf('.') < 0 && s.strip().equals(s);
    }

    @Override
    public String toString() {
        return table + "." + row + "." + column;
    }
}
