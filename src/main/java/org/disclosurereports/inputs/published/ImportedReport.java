package org.disclosurereports.inputs.published;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.layout.CellNames;
import org.disclosurereports.core.layout.CellRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published report read into the layout: its figures as printed (blank or unreadable cells null),
 * where each cell was found, and everything that could not be matched, with its text and position.
 *
 * @param format     the id of the layout the tables matched best
 * @param places     for each cell that was found, where it is printed
 * @param unmatched  what was printed but could not be placed, and the layout's cells that were not found
 */
public record ImportedReport(PublishedDocument document, String format, PublishedTables tables,
                             Map<String, Place> places, List<Unmatched> unmatched, int blankCells) {

    /**
     * Where something is printed: table {@code table} of the document (1-based), its row and column
     * (0-based slots), the page for PDF (0 for HTML), and the printed row and column labels.
     */
    public record Place(int page, int table, int row, int column, String rowLabel, String columnLabel) {
        @Override
        public String toString() {
            return (page > 0 ? "page " + page + ", " : "") + "table " + table + ", row " + (row + 1) + ", column " + (column + 1);
        }
    }

    /** Text that could not be matched to the layout, or a cell of the layout found nowhere ({@code place} null). */
    public record Unmatched(String text, Place place, String reason) {}

    public ImportedReport {
        places = Map.copyOf(places);
        unmatched = List.copyOf(unmatched);
    }

    /**
     * Where a cell is printed, for an auditor looking at the document: 表三, row “（一）予以公开”, column
     * “申请人情况·总计”, page 2 (table 3, row 7, column 10); or that the document does not print it. A
     * reference to last year's report ({@code previous:…}) is named as such.
     */
    public String where(String ref) {
        String cell = ref.startsWith("previous:") ? ref.substring("previous:".length()) : ref;
        String table = CellRef.isCell(cell) ? new CellNames(tables.format()).table(CellRef.parse(cell).table()) : cell;
        if (ref.startsWith("previous:")) {
            return table + " of last year's report (" + cell + ")";
        }
        Place p = places.get(cell);
        if (p == null) {
            return table + " " + cell + ": not printed in " + document.file().getFileName();
        }
        StringBuilder sb = new StringBuilder(table);
        if (!p.rowLabel().isEmpty()) {
            sb.append(", row “").append(p.rowLabel()).append("”");
        }
        if (!p.columnLabel().isEmpty()) {
            sb.append(", column “").append(p.columnLabel()).append("”");
        }
        return sb.append(" (").append(p).append(")").toString();
    }

    /** Cells of tables 二, 三, 四 that hold a number. */
    public int cellsRead() {
        return (int) tables.tableRefs().stream().filter(r -> tables.get(r) != null).count();
    }

    /** Cells of tables 二, 三, 四 with no number: not found, or printed as something that is not a number (blanks apart). */
    public int cellsUnreadable() {
        return tables.tableRefs().size() - cellsRead() - blankCells;
    }

    /** The extension fields of the imported tables.json: the layout matched, the file, and what could not be matched. */
    public Map<String, Object> extensions() {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put(FORMAT, format);
        ext.put(SOURCE, document.file().getFileName().toString());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Unmatched u : unmatched) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", u.text());
            m.put("where", u.place() == null ? null : u.place().toString());
            m.put("reason", u.reason());
            list.add(m);
        }
        ext.put(UNMATCHED, list);
        return ext;
    }

    /** Extension fields of an imported report's tables.json (data-contract.md section 3). */
    public static final String FORMAT = "format";
    public static final String SOURCE = "source_file";
    public static final String UNMATCHED = "unmatched";
}
