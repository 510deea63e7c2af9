package org.disclosurereports.inputs.published;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.layout.CellNames;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the statutory tables in a published document by their labels, never by position: a table is
 * 表二, 三 or 四 by the row and column labels it prints; a row by its label (the merged group cells it
 * sits under included); a column by the header cells above it, however they are merged or split. A
 * table continued on the next page (or in a second {@code <table>}) without its header keeps the
 * columns of the part before it, aligned from the right. A column the document does not print (a
 * missing 总计) leaves its cells blank. Everything printed that cannot be placed, and every cell of the
 * layout found nowhere, is reported with its text and position.
 */
final class TableMatcher {

    private static final String T2 = "table2";
    private static final String T3 = "table3";
    private static final String T4 = "table4";

    private final ReportFormat format;
    private final CellNames names;
    private final GridShape shape3;
    private final GridShape shape4;

    private PublishedTables tables;
    private final Map<String, ImportedReport.Place> places = new LinkedHashMap<>();
    private final List<ImportedReport.Unmatched> unmatched = new ArrayList<>();
    private final Set<String> blanks = new LinkedHashSet<>();
    /** The columns of the last header seen of each table, by slot, and the width of its grid. */
    private final Map<String, Header> headers = new HashMap<>();

    private record Header(Map<Integer, String> columns, Map<Integer, String> labels, int width) {}

    TableMatcher(ReportFormat format) {
        this.format = format;
        this.names = new CellNames(format);
        this.shape3 = format.table3Shape();
        this.shape4 = format.table4Shape();
    }

    ImportedReport match(PublishedDocument document, String agencyName, Integer year) {
        tables = new PublishedTables(format, null, agencyName, year, "agency");
        for (TextGrid grid : rowsJoinedAcrossPages(document.tables())) {
            String table = classify(grid);
            if (table == null) {
                if (hasNumbers(grid)) {
                    unmatched.add(new ImportedReport.Unmatched(firstText(grid), place(grid, 0, 0, "", ""),
                            "a table with figures that is none of 表二, 表三, 表四"));
                }
                continue;
            }
            switch (table) {
                case T2 -> table2(grid);
                case T3 -> table3(grid);
                default -> table4(grid);
            }
        }
        reportMissing();
        return new ImportedReport(document, format.id(), tables, places, unmatched, blanks.size());
    }

    /**
     * Word and LibreOffice let a page break cut a row: its figures stay on the first page with the start of
     * its label, the end of the label opens the next page in a row without figures. Such a row is joined
     * back when the cut label names no row of the layout.
     */
    private List<TextGrid> rowsJoinedAcrossPages(List<TextGrid> grids) {
        List<TextGrid> out = new ArrayList<>();
        for (TextGrid grid : grids) {
            TextGrid previous = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean cut = previous != null && grid.page() == previous.page() + 1 && grid.rows() > 0 && previous.rows() > 0
                    && !hasNumbers(grid, 0) && hasNumbers(previous, previous.rows() - 1);
            if (cut) {
                String label = rowLabel(previous, previous.rows() - 1, Map.of());
                cut = table3Row(label) == null && table2Row(label) == null;
            }
            if (cut) {
                out.set(out.size() - 1, previous.joinedWithFirstRowOf(grid));
                out.add(grid.withoutFirstRow());
            } else {
                out.add(grid);
            }
        }
        return out;
    }

    // ---- which table ----

    private String classify(TextGrid grid) {
        int t2 = 0;
        int t3 = 0;
        int t4 = 0;
        for (int r = 0; r < grid.rows(); r++) {
            String label = rowLabel(grid, r, Map.of());
            if (table2Row(label) != null) {
                t2++;
            }
            GridShape.Row row = table3Row(label);
            if (row != null && Labels.normalize(row.label()).length() > 3) {
                t3++;
            }
            for (TextGrid.Cell c : grid.cells(r)) {
                for (ReportFormat.Column kind : format.table4().kinds()) {
                    if (c.normalized().equals(Labels.normalize(kind.label()))) {
                        t4 += 3;
                    }
                }
            }
        }
        int best = Math.max(t2, Math.max(t3, t4));
        if (best == 0) {
            return null;
        }
        return best == t3 ? T3 : best == t4 ? T4 : T2;
    }

    // ---- table 二: blocks, each with its own header row ----

    private void table2(TextGrid grid) {
        Map<Integer, String> columns = new HashMap<>();
        Map<Integer, String> labels = new HashMap<>();
        Header inherited = headers.get(T2);
        if (inherited != null) {
            columns.putAll(inherited.columns());
            labels.putAll(inherited.labels());
        }
        for (int r = 0; r < grid.rows(); r++) {
            Map<Integer, String> header = new HashMap<>();
            Map<Integer, String> headerLabels = new HashMap<>();
            for (int s = 0; s < grid.columns(); s++) {
                TextGrid.Cell c = grid.slot(r, s);
                if (c == null) {
                    continue;
                }
                for (ReportFormat.Table2Block block : format.table2().blocks()) {
                    for (ReportFormat.Column col : block.columns()) {
                        if (Labels.names(c.normalized(), col.label())) {
                            header.put(s, col.key());
                            headerLabels.put(s, c.text().strip());
                        }
                    }
                }
            }
            if (!header.isEmpty()) {
                columns = header;
                labels = headerLabels;
                continue;
            }
            String label = rowLabel(grid, r, columns);
            ReportFormat.Table2Row row = table2Row(label);
            if (row == null) {
                reportUnplacedNumbers(grid, r, columns.keySet(), T2);
                continue;
            }
            ReportFormat.Table2Block block = blockOf(row);
            Set<TextGrid.Cell> read = new LinkedHashSet<>();
            for (int s = 0; s < grid.columns(); s++) {
                String key = columns.get(s);
                TextGrid.Cell c = grid.slot(r, s);
                if (key == null || c == null || !read.add(c) || block.columns().stream().noneMatch(k -> k.key().equals(key))) {
                    continue;
                }
                put(CellRef.of(T2, row.key(), key).toString(), c, place(grid, r, s, label, labels.get(s)));
            }
        }
        headers.put(T2, new Header(columns, labels, grid.columns()));
    }

    private ReportFormat.Table2Block blockOf(ReportFormat.Table2Row row) {
        return format.table2().blocks().stream().filter(b -> b.rows().contains(row)).findFirst().orElseThrow();
    }

    private ReportFormat.Table2Row table2Row(String label) {
        if (label.isEmpty()) {
            return null;
        }
        for (ReportFormat.Table2Block block : format.table2().blocks()) {
            for (ReportFormat.Table2Row row : block.rows()) {
                if (label.equals(Labels.normalize(row.label())) || Labels.names(label, row.label())) {
                    return row;
                }
            }
        }
        return null;
    }

    // ---- table 三: labelled rows under one header ----

    private void table3(TextGrid grid) {
        int first = firstDataRow(grid, r -> table3Row(rowLabel(grid, r, Map.of())) != null);
        Header header = header(grid, first, T3, path -> longest(shape3.columns(), path));
        for (int r = first; r < grid.rows(); r++) {
            String label = rowLabel(grid, r, header.columns());
            GridShape.Row row = table3Row(label);
            if (row == null) {
                reportUnplacedNumbers(grid, r, header.columns().keySet(), T3);
                continue;
            }
            readRow(grid, r, header, s -> CellRef.of(T3, row.key(), header.columns().get(s)).toString(), label);
        }
    }

    private GridShape.Row table3Row(String label) {
        if (label.isEmpty()) {
            return null;
        }
        GridShape.Row best = null;
        for (GridShape.Row row : shape3.rows()) {
            if (Labels.names(label, row.label())
                    && (best == null || Labels.normalize(row.label()).length() > Labels.normalize(best.label()).length())) {
                best = row;
            }
        }
        return best;
    }

    // ---- table 四: case kinds and results in the header, one row of figures ----

    private void table4(TextGrid grid) {
        int first = 0;
        for (int r = 0; r < grid.rows(); r++) {
            if (grid.cells(r).stream().anyMatch(c -> namesTable4Header(c.normalized()))) {
                first = r + 1;
            }
        }
        Header header = header(grid, first, T4, this::table4Column);
        for (int r = first; r < grid.rows(); r++) {
            if (r == first) {
                readRow(grid, r, header, s -> header.columns().get(s), "");
            } else {
                reportUnplacedNumbers(grid, r, Set.of(), T4);
            }
        }
    }

    private boolean namesTable4Header(String text) {
        List<ReportFormat.Column> labels = new ArrayList<>(format.table4().kinds());
        labels.addAll(format.table4().columns());
        return !text.isEmpty() && labels.stream().anyMatch(k -> Labels.names(text, k.label())
                || (k.group() != null && text.equals(Labels.normalize(k.group()))));
    }

    /** The cell a table 四 header path names: kind (the longest kind label it contains) and result column. */
    private String table4Column(String path) {
        String column = longest(shape4.columns(), path);
        if (column == null) {
            return null;
        }
        ReportFormat.Column kind = null;
        for (ReportFormat.Column k : format.table4().kinds()) {
            String label = Labels.normalize(k.label());
            if (path.contains(label) && (kind == null || label.length() > Labels.normalize(kind.label()).length())) {
                kind = k;
            }
        }
        return kind == null ? null : CellRef.of(T4, kind.key(), column).toString();
    }

    // ---- shared ----

    private interface RowTest {
        boolean test(int row);
    }

    private interface ColumnNamer {
        String name(String headerPath);
    }

    private interface RefOf {
        String ref(int slot);
    }

    private int firstDataRow(TextGrid grid, RowTest test) {
        for (int r = 0; r < grid.rows(); r++) {
            if (test.test(r)) {
                return r;
            }
        }
        return grid.rows();
    }

    /**
     * The columns named by the header rows above {@code first}: each slot's header is the text of every
     * cell above it, top to bottom (a merged group cell and a cell split over two rows read the same).
     * A part of a table with no header of its own takes the last one, aligned from the right.
     */
    private Header header(TextGrid grid, int first, String table, ColumnNamer namer) {
        Map<Integer, String> columns = new HashMap<>();
        Map<Integer, String> labels = new HashMap<>();
        for (int s = 0; s < grid.columns(); s++) {
            StringBuilder path = new StringBuilder();
            StringBuilder printed = new StringBuilder();
            TextGrid.Cell last = null;
            for (int r = 0; r < first; r++) {
                TextGrid.Cell c = grid.slot(r, s);
                if (c != null && c != last) {
                    path.append(c.normalized());
                    if (!c.text().isBlank()) {
                        printed.append(printed.length() == 0 ? "" : "·").append(c.text().replaceAll("\\s+", ""));
                    }
                }
                last = c;
            }
            String name = path.length() == 0 ? null : namer.name(path.toString());
            if (name != null && !columns.containsValue(name)) {
                columns.put(s, name);
                labels.put(s, printed.toString());
            }
        }
        Header inherited = headers.get(table);
        if (columns.isEmpty() && inherited != null) {
            int shift = inherited.width() - grid.columns();
            inherited.columns().forEach((s, name) -> {
                if (s - shift >= 0) {
                    columns.put(s - shift, name);
                    labels.put(s - shift, inherited.labels().get(s));
                }
            });
        }
        Header header = new Header(columns, labels, grid.columns());
        if (!columns.isEmpty()) {
            headers.put(table, header);
        }
        return header;
    }

    private void readRow(TextGrid grid, int r, Header header, RefOf refOf, String label) {
        Set<TextGrid.Cell> read = new LinkedHashSet<>();
        for (int s = 0; s < grid.columns(); s++) {
            TextGrid.Cell c = grid.slot(r, s);
            if (!header.columns().containsKey(s) || c == null || !read.add(c)) {
                continue;
            }
            put(refOf.ref(s), c, place(grid, r, s, label, header.labels().get(s)));
        }
    }

    private static String longest(List<ReportFormat.Column> columns, String path) {
        ReportFormat.Column best = null;
        for (ReportFormat.Column c : columns) {
            if (Labels.names(path, c.label()) && (best == null || c.label().length() > best.label().length())) {
                best = c;
            }
        }
        return best == null ? null : best.key();
    }

    /** The row's label: the text of its cells outside the figure columns, merged group cells included. */
    private static String rowLabel(TextGrid grid, int r, Map<Integer, String> figureColumns) {
        StringBuilder label = new StringBuilder();
        TextGrid.Cell last = null;
        for (int s = 0; s < grid.columns(); s++) {
            TextGrid.Cell c = grid.slot(r, s);
            if (c == null || c == last || figureColumns.containsKey(s)) {
                continue;
            }
            last = c;
            String text = c.normalized();
            if (Labels.number(text) == null && !Labels.isBlank(text)) {
                label.append(text);
            }
        }
        return label.toString();
    }

    private void put(String ref, TextGrid.Cell cell, ImportedReport.Place place) {
        if (places.containsKey(ref)) {
            unmatched.add(new ImportedReport.Unmatched(cell.text(), place, names.cell(ref) + " is printed twice; the first is kept ("
                    + places.get(ref) + ")"));
            return;
        }
        places.put(ref, place);
        String text = cell.normalized();
        if (Labels.isBlank(text)) {
            blanks.add(ref);
            tables.set(ref, (BigDecimal) null);
            return;
        }
        BigDecimal value = Labels.number(text);
        if (value == null || (!tables.isDecimal(ref) && value.stripTrailingZeros().scale() > 0)) {
            unmatched.add(new ImportedReport.Unmatched(cell.text(), place, names.cell(ref) + " is not a "
                    + (tables.isDecimal(ref) ? "number" : "whole number") + ", read as blank"));
            tables.set(ref, (BigDecimal) null);
            return;
        }
        tables.set(ref, value);
    }

    private void reportUnplacedNumbers(TextGrid grid, int r, Set<Integer> skip, String table) {
        if (!hasNumbers(grid, r)) {
            return;
        }
        List<String> texts = grid.cells(r).stream().map(c -> c.text().strip()).toList();
        unmatched.add(new ImportedReport.Unmatched(String.join(" | ", texts), place(grid, r, 0, "", ""),
                "a row of " + names.table(table) + " whose label names no row of the layout " + format.id()));
    }

    private static boolean hasNumbers(TextGrid grid) {
        for (int r = 0; r < grid.rows(); r++) {
            if (hasNumbers(grid, r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNumbers(TextGrid grid, int r) {
        return grid.cells(r).stream().anyMatch(c -> Labels.number(c.normalized()) != null);
    }

    private static String firstText(TextGrid grid) {
        for (int r = 0; r < grid.rows(); r++) {
            for (TextGrid.Cell c : grid.cells(r)) {
                if (!c.text().isBlank()) {
                    return c.text().strip();
                }
            }
        }
        return "";
    }

    private static ImportedReport.Place place(TextGrid grid, int r, int s, String rowLabel, String columnLabel) {
        return new ImportedReport.Place(grid.page(), grid.number(), r, s, rowLabel, columnLabel == null ? "" : columnLabel);
    }

    /** The layout's cells found nowhere: a whole column or row once, other cells one by one. */
    private void reportMissing() {
        Set<String> missing = new LinkedHashSet<>();
        for (String ref : tables.tableRefs()) {
            if (!places.containsKey(ref)) {
                missing.add(ref);
            }
        }
        for (GridShape shape : List.of(shape3, shape4)) {
            for (ReportFormat.Column c : shape.columns()) {
                List<String> refs = shape.rows().stream().map(r -> CellRef.of(shape.table(), r.key(), c.key()).toString()).toList();
                if (missing.containsAll(refs)) {
                    unmatched.add(new ImportedReport.Unmatched(names.table(shape.table()) + "“" + c.label() + "”", null,
                            "the column is not printed: its cells are blank"));
                    refs.forEach(missing::remove);
                }
            }
        }
        for (String ref : missing) {
            unmatched.add(new ImportedReport.Unmatched(names.cell(ref), null, "not found in the document: blank"));
        }
    }
}
