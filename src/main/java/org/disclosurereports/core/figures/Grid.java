package org.disclosurereports.core.figures;

import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole-number cells of table 三 or 四. Counting adds to the parts only; every total (a column
 * or row with {@code sumOf} in the layout) is computed from its parts by {@link #withTotals()} and
 * can never be set by hand.
 */
public final class Grid {

    private final GridShape shape;
    private final long[][] cells;
    private boolean totalsComputed;

    public Grid(GridShape shape) {
        this.shape = shape;
        this.cells = new long[shape.rows().size()][shape.columns().size()];
    }

    public GridShape shape() {
        return shape;
    }

    public void add(String rowKey, String columnKey, long n) {
        add(shape.rowIndex(rowKey), shape.columnIndex(columnKey), n);
    }

    public void add(int row, int column, long n) {
        if (totalsComputed) {
            throw new IllegalStateException("totals of " + shape.table() + " were already computed");
        }
        if (shape.rows().get(row).computed() || shape.columns().get(column).computed()) {
            throw new IllegalArgumentException(shape.cellRef(row, column) + " is a total: it is computed from its parts, never counted");
        }
        if (n < 0) {
            throw new IllegalArgumentException("negative count for " + shape.cellRef(row, column));
        }
        cells[row][column] = Math.addExact(cells[row][column], n);
    }

    /** Adds every part cell of {@code other} (same shape) into this grid: used by roll-ups. */
    public void addAll(Grid other) {
        for (int r = 0; r < cells.length; r++) {
            if (shape.rows().get(r).computed()) {
                continue;
            }
            for (int c = 0; c < cells[r].length; c++) {
                if (!shape.columns().get(c).computed()) {
                    add(r, c, other.cells[r][c]);
                }
            }
        }
    }

    /** Fills total rows, then total columns (the corner is both, and agrees either way). */
    public Grid withTotals() {
        if (totalsComputed) {
            return this;
        }
        List<GridShape.Row> rows = shape.rows();
        List<ReportFormat.Column> columns = shape.columns();
        for (GridShape.Row row : rows) {
            if (row.computed()) {
                for (int c = 0; c < columns.size(); c++) {
                    long sum = 0;
                    for (String part : row.sumOf()) {
                        sum = Math.addExact(sum, cells[shape.rowIndex(part)][c]);
                    }
                    cells[row.index()][c] = sum;
                }
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            ReportFormat.Column column = columns.get(c);
            if (column.computed()) {
                for (int r = 0; r < rows.size(); r++) {
                    long sum = 0;
                    for (String part : column.sumOf()) {
                        sum = Math.addExact(sum, cells[r][shape.columnIndex(part)]);
                    }
                    cells[r][c] = sum;
                }
            }
        }
        totalsComputed = true;
        return this;
    }

    public long get(String rowKey, String columnKey) {
        return get(shape.rowIndex(rowKey), shape.columnIndex(columnKey));
    }

    public long get(int row, int column) {
        requireTotals();
        return cells[row][column];
    }

    /** The values of one row, in column order. */
    public List<Long> row(String rowKey) {
        requireTotals();
        long[] r = cells[shape.rowIndex(rowKey)];
        List<Long> values = new ArrayList<>(r.length);
        for (long v : r) {
            values.add(v);
        }
        return values;
    }

    private void requireTotals() {
        if (!totalsComputed) {
            throw new IllegalStateException("read " + shape.table() + " before its totals were computed");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && g.shape == shape && Arrays.deepEquals(g.cells, cells);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(cells);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(shape.table()).append('\n');
        for (GridShape.Row row : shape.rows()) {
            sb.append(String.format("%-24s", row.key())).append(Arrays.toString(cells[row.index()])).append('\n');
        }
        return sb.toString();
    }
}
