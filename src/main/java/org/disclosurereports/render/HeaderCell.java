package org.disclosurereports.render;

import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cell of a grid table's printed header. The header rows are derived from the layout data (the
 * {@code group} of columns in table 三, of case kinds in table 四), so that a format revision that
 * regroups columns changes the printed header without touching the template.
 *
 * @param corner true for the merged top-left cell above the label columns
 */
public record HeaderCell(String text, int colspan, int rowspan, boolean corner) {

    /**
     * Table 三: the corner (label columns × all header rows) holding the 勾稽 note, the column group
     * label over every column, then one row of top-level columns and groups, then the grouped
     * columns. An ungrouped column spans down to the last header row.
     */
    public static List<List<HeaderCell>> forApplicantGrid(GridShape shape) {
        List<ReportFormat.Column> columns = shape.columns();
        boolean grouped = columns.stream().anyMatch(c -> c.group() != null);
        boolean titled = shape.columnGroupLabel() != null;
        int depth = (titled ? 1 : 0) + (grouped ? 2 : 1);
        List<List<HeaderCell>> rows = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            rows.add(new ArrayList<>());
        }
        rows.get(0).add(new HeaderCell(Objects.requireNonNullElse(shape.cornerNote(), ""), shape.labelColumns(), depth, true));
        int level = 0;
        if (titled) {
            rows.get(0).add(new HeaderCell(shape.columnGroupLabel(), columns.size(), 1, false));
            level = 1;
        }
        for (Run<ReportFormat.Column> run : runs(columns)) {
            if (run.group() == null) {
                for (ReportFormat.Column c : run.items()) {
                    rows.get(level).add(new HeaderCell(c.label(), 1, depth - level, false));
                }
            } else {
                rows.get(level).add(new HeaderCell(run.group(), run.items().size(), 1, false));
                for (ReportFormat.Column c : run.items()) {
                    rows.get(level + 1).add(new HeaderCell(c.label(), 1, 1, false));
                }
            }
        }
        return freeze(rows);
    }

    /**
     * Table 四, printed as one data row: a case kind without a group heads its result columns
     * (which span down to the last header row); grouped kinds sit under their group (行政诉讼)
     * with their result columns below them.
     */
    public static List<List<HeaderCell>> forCaseGrid(ReportFormat.Table4Layout layout) {
        List<ReportFormat.Column> kinds = layout.kinds();
        List<ReportFormat.Column> columns = layout.columns();
        boolean grouped = kinds.stream().anyMatch(k -> k.group() != null);
        int depth = grouped ? 3 : 2;
        List<List<HeaderCell>> rows = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            rows.add(new ArrayList<>());
        }
        for (Run<ReportFormat.Column> run : runs(kinds)) {
            if (run.group() == null) {
                for (ReportFormat.Column kind : run.items()) {
                    rows.get(0).add(new HeaderCell(kind.label(), columns.size(), 1, false));
                    for (ReportFormat.Column c : columns) {
                        rows.get(1).add(new HeaderCell(c.label(), 1, depth - 1, false));
                    }
                }
            } else {
                rows.get(0).add(new HeaderCell(run.group(), run.items().size() * columns.size(), 1, false));
                for (ReportFormat.Column kind : run.items()) {
                    rows.get(1).add(new HeaderCell(kind.label(), columns.size(), 1, false));
                    for (ReportFormat.Column c : columns) {
                        rows.get(2).add(new HeaderCell(c.label(), 1, 1, false));
                    }
                }
            }
        }
        return freeze(rows);
    }

    private record Run<T>(String group, List<T> items) {}

    /** Consecutive columns sharing a group; an ungrouped column is a run of its own. */
    private static List<Run<ReportFormat.Column>> runs(List<ReportFormat.Column> columns) {
        List<Run<ReportFormat.Column>> runs = new ArrayList<>();
        for (ReportFormat.Column c : columns) {
            Run<ReportFormat.Column> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (c.group() != null && last != null && c.group().equals(last.group())) {
                last.items().add(c);
            } else {
                List<ReportFormat.Column> items = new ArrayList<>();
                items.add(c);
                runs.add(new Run<>(c.group(), items));
            }
        }
        return runs;
    }

    private static List<List<HeaderCell>> freeze(List<List<HeaderCell>> rows) {
        return rows.stream().filter(r -> !r.isEmpty()).map(List::copyOf).toList();
    }
}
