package org.disclosurereports.core.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid table of the layout (table 三 or 四) flattened to leaf rows and columns, with the merged
 * label cells each leaf row sits under. Row and column keys index the cells everywhere else.
 */
public final class GridShape {

    /**
     * A leaf row: its key, label, the merged group labels above it (outermost first). A result row counts the
     * applications closed with one of its {@code outcomes}: its own key ({@code outcome: true} in the layout),
     * or the outcomes it lists (the 2019 layout's single （六）其他处理 counts three).
     */
    public record Row(int index, String key, String label, List<String> groups, List<String> outcomes, List<String> sumOf) {
        public boolean computed() {
            return sumOf != null && !sumOf.isEmpty();
        }

        /** A result row: applications closed in the year are counted here. */
        public boolean outcome() {
            return !outcomes.isEmpty();
        }

        /** The row is itself an outcome of the input vocabulary (its key and label are accepted in applications.csv). */
        public boolean ownOutcome() {
            return outcomes.equals(List.of(key));
        }
    }

    /**
     * A label cell as printed at the start of a table row: a merged group cell that begins on this
     * row (rowspan over its leaves), or the row's own label (colspan over the unused label columns).
     */
    public record LabelCell(String text, int rowspan, int colspan, int depth, boolean group) {}

    // Keyed by the layout object itself: a format is loaded once and its shapes are reused by every report.
    private static final Map<ReportFormat, Map<String, GridShape>> CACHE = new IdentityHashMap<>();

    private final ReportFormat format;
    private final String table;
    private final List<Row> rows;
    private final List<ReportFormat.Column> columns;
    private final Map<String, Integer> rowIndex = new LinkedHashMap<>();
    private final Map<String, Integer> columnIndex = new LinkedHashMap<>();
    private final Map<String, String> rowByOutcome = new HashMap<>();
    private final List<List<LabelCell>> labelCells;
    private final int labelColumns;
    private final String cornerNote;
    private final String columnGroupLabel;

    private GridShape(ReportFormat format, String table, ReportFormat.GridLayout layout) {
        this.format = format;
        this.table = table;
        this.columns = List.copyOf(layout.columns());
        this.cornerNote = layout.cornerNote();
        this.columnGroupLabel = layout.columnGroupLabel();
        List<Row> flat = new ArrayList<>();
        flatten(layout.rows(), List.of(), flat);
        this.rows = List.copyOf(flat);
        for (Row r : rows) {
            rowIndex.put(r.key(), r.index());
            r.outcomes().forEach(o -> rowByOutcome.putIfAbsent(o, r.key()));
        }
        for (int c = 0; c < columns.size(); c++) {
            columnIndex.put(columns.get(c).key(), c);
        }
        this.labelColumns = 1 + rows.stream().mapToInt(r -> r.groups().size()).max().orElse(0);
        this.labelCells = buildLabelCells();
    }

    static synchronized GridShape of(ReportFormat format, String table, ReportFormat.GridLayout layout) {
        return CACHE.computeIfAbsent(format, f -> new HashMap<>()).computeIfAbsent(table, t -> new GridShape(format, t, layout));
    }

    private static void flatten(List<ReportFormat.LayoutRow> in, List<String> groups, List<Row> out) {
        for (ReportFormat.LayoutRow r : in) {
            if (r.isGroup()) {
                List<String> inner = new ArrayList<>(groups);
                inner.add(r.label());
                flatten(r.rows(), List.copyOf(inner), out);
            } else {
                List<String> outcomes = r.outcomes() != null ? List.copyOf(r.outcomes())
                        : r.outcome() ? List.of(r.key()) : List.of();
                out.add(new Row(out.size(), r.key(), r.label(), groups, outcomes,
                        r.sumOf() == null ? List.of() : List.copyOf(r.sumOf())));
            }
        }
    }

    private List<List<LabelCell>> buildLabelCells() {
        List<List<LabelCell>> result = new ArrayList<>();
        for (Row row : rows) {
            List<LabelCell> cells = new ArrayList<>();
            for (int depth = 0; depth < row.groups().size(); depth++) {
                if (startsGroup(row.index(), depth)) {
                    cells.add(new LabelCell(row.groups().get(depth), leavesUnder(row.index(), depth), 1, depth, true));
                }
            }
            cells.add(new LabelCell(row.label(), 1, labelColumns - row.groups().size(), row.groups().size(), false));
            result.add(Collections.unmodifiableList(cells));
        }
        return List.copyOf(result);
    }

    private boolean startsGroup(int index, int depth) {
        if (index == 0) {
            return true;
        }
        Row prev = rows.get(index - 1);
        Row row = rows.get(index);
        return prev.groups().size() <= depth
                || !prev.groups().subList(0, depth + 1).equals(row.groups().subList(0, depth + 1));
    }

    private int leavesUnder(int index, int depth) {
        List<String> path = rows.get(index).groups().subList(0, depth + 1);
        int n = 0;
        for (int i = index; i < rows.size(); i++) {
            List<String> g = rows.get(i).groups();
            if (g.size() > depth && g.subList(0, depth + 1).equals(path)) {
                n++;
            } else {
                break;
            }
        }
        return n;
    }

    public String table() {
        return table;
    }

    /** The layout this table is part of. */
    public ReportFormat format() {
        return format;
    }

    /** The id of the layout this table is part of (gov-2021-30 …). */
    public String formatId() {
        return format.id();
    }

    public List<Row> rows() {
        return rows;
    }

    public List<ReportFormat.Column> columns() {
        return columns;
    }

    public List<String> rowKeys() {
        return List.copyOf(rowIndex.keySet());
    }

    public List<String> columnKeys() {
        return List.copyOf(columnIndex.keySet());
    }

    /** The rows applications closed in the year are counted in (table 三's result rows). */
    public List<Row> outcomeRows() {
        return rows.stream().filter(Row::outcome).toList();
    }

    /** The rows that are outcomes of the input vocabulary themselves (2021: all 22 result rows). */
    public List<Row> ownOutcomeRows() {
        return rows.stream().filter(Row::ownOutcome).toList();
    }

    /** The row that counts applications closed with {@code outcome}; refused when the layout has none. */
    public String rowOfOutcome(String outcome) {
        String row = rowByOutcome.get(outcome);
        if (row == null) {
            throw new IllegalArgumentException(table + " has no result row for the outcome " + outcome);
        }
        return row;
    }

    /** Every outcome a result row counts, in row order. */
    public List<String> countedOutcomes() {
        return rows.stream().flatMap(r -> r.outcomes().stream()).toList();
    }

    public int rowIndex(String key) {
        Integer i = rowIndex.get(key);
        if (i == null) {
            throw new IllegalArgumentException(table + " has no row " + key);
        }
        return i;
    }

    public int columnIndex(String key) {
        Integer i = columnIndex.get(key);
        if (i == null) {
            throw new IllegalArgumentException(table + " has no column " + key);
        }
        return i;
    }

    public boolean hasRow(String key) {
        return rowIndex.containsKey(key);
    }

    public boolean hasColumn(String key) {
        return columnIndex.containsKey(key);
    }

    public Row row(String key) {
        return rows.get(rowIndex(key));
    }

    public ReportFormat.Column column(String key) {
        return columns.get(columnIndex(key));
    }

    /** The label cells that open printed row {@code index}, for HTML and PDF. */
    public List<LabelCell> labelCells(int index) {
        return labelCells.get(index);
    }

    /** How many label columns the printed table has (3 for table 三). */
    public int labelColumns() {
        return labelColumns;
    }

    public String cornerNote() {
        return cornerNote;
    }

    public String columnGroupLabel() {
        return columnGroupLabel;
    }

    /** A human reference to a cell, e.g. {@code table3.granted.natural_person}. */
    public String cellRef(int row, int column) {
        return CellRef.of(table, rows.get(row).key(), columns.get(column).key()).toString();
    }
}
