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

    /** A leaf row: its key, label, the merged group labels above it (outermost first). */
    public record Row(int index, String key, String label, List<String> groups, boolean outcome, List<String> sumOf) {
        public boolean computed() {
            return sumOf != null && !sumOf.isEmpty();
        }
    }

    /**
     * A label cell as printed at the start of a table row: a merged group cell that begins on this
     * row (rowspan over its leaves), or the row's own label (colspan over the unused label columns).
     */
    public record LabelCell(String text, int rowspan, int colspan, int depth, boolean group) {}

    // Keyed by the layout object itself: a format is loaded once and its shapes are reused by every report.
    private static final Map<ReportFormat, Map<String, GridShape>> CACHE = new IdentityHashMap<>();

    private final String table;
    private final List<Row> rows;
    private final List<ReportFormat.Column> columns;
    private final Map<String, Integer> rowIndex = new LinkedHashMap<>();
    private final Map<String, Integer> columnIndex = new LinkedHashMap<>();
    private final List<List<LabelCell>> labelCells;
    private final int labelColumns;
    private final String cornerNote;
    private final String columnGroupLabel;

    private GridShape(String table, ReportFormat.GridLayout layout) {
        this.table = table;
        this.columns = List.copyOf(layout.columns());
        this.cornerNote = layout.cornerNote();
        this.columnGroupLabel = layout.columnGroupLabel();
        List<Row> flat = new ArrayList<>();
        flatten(layout.rows(), List.of(), flat);
        this.rows = List.copyOf(flat);
        for (Row r : rows) {
            rowIndex.put(r.key(), r.index());
        }
        for (int c = 0; c < columns.size(); c++) {
            columnIndex.put(columns.get(c).key(), c);
        }
        this.labelColumns = 1 + rows.stream().mapToInt(r -> r.groups().size()).max().orElse(0);
        this.labelCells = buildLabelCells();
    }

    static synchronized GridShape of(ReportFormat format, String table, ReportFormat.GridLayout layout) {
        return CACHE.computeIfAbsent(format, f -> new HashMap<>()).computeIfAbsent(table, t -> new GridShape(t, layout));
    }

    private static void flatten(List<ReportFormat.LayoutRow> in, List<String> groups, List<Row> out) {
        for (ReportFormat.LayoutRow r : in) {
            if (r.isGroup()) {
                List<String> inner = new ArrayList<>(groups);
                inner.add(r.label());
                flatten(r.rows(), List.copyOf(inner), out);
            } else {
                out.add(new Row(out.size(), r.key(), r.label(), groups, r.outcome(),
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

    /** The rows an application can close with (table 三's 22 result rows). */
    public List<Row> outcomeRows() {
        return rows.stream().filter(Row::outcome).toList();
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
