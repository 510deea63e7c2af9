package org.disclosurereports.core.figures;

import org.disclosurereports.core.layout.ReportFormat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Table 二 values by row key and column key, in layout order. Counts are whole numbers; the fee
 * amount (万元) is kept as an exact decimal and never rounded.
 */
public final class Table2 {

    private final ReportFormat.Table2Layout layout;
    private final Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
    /** Columns that may go below zero (a change from last year, 本年增/减); every other cell is a count or an amount. */
    private final Set<String> signedColumns = new HashSet<>();

    public Table2(ReportFormat.Table2Layout layout) {
        this.layout = layout;
        for (ReportFormat.Table2Block block : layout.blocks()) {
            for (ReportFormat.Table2Row row : block.rows()) {
                Map<String, BigDecimal> cells = new LinkedHashMap<>();
                for (ReportFormat.Column c : block.columns()) {
                    cells.put(c.key(), BigDecimal.ZERO);
                    if (c.signed()) {
                        signedColumns.add(c.key());
                    }
                }
                values.put(row.key(), cells);
            }
        }
    }

    public ReportFormat.Table2Layout layout() {
        return layout;
    }

    public void add(String row, String column, BigDecimal amount) {
        Map<String, BigDecimal> cells = values.get(row);
        if (cells == null || !cells.containsKey(column)) {
            throw new IllegalArgumentException("table2 has no cell " + row + "." + column);
        }
        if (amount.signum() < 0 && !signedColumns.contains(column)) {
            throw new IllegalArgumentException("negative value for table2." + row + "." + column);
        }
        cells.merge(column, amount, BigDecimal::add);
    }

    public BigDecimal get(String row, String column) {
        Map<String, BigDecimal> cells = values.get(row);
        if (cells == null || !cells.containsKey(column)) {
            throw new IllegalArgumentException("table2 has no cell " + row + "." + column);
        }
        return cells.get(column);
    }

    /** Row key to (column key to value), in layout order. */
    public Map<String, Map<String, BigDecimal>> values() {
        return values;
    }

    public void addAll(Table2 other) {
        other.values.forEach((row, cells) -> cells.forEach((column, v) -> add(row, column, v)));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Table2 t)) {
            return false;
        }
        // compareTo, not equals: 1.50 and 1.5 are the same amount.
        for (var row : values.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                if (cell.getValue().compareTo(t.get(row.getKey(), cell.getKey())) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return values.keySet().hashCode();
    }

    @Override
    public String toString() {
        return "table2" + values;
    }
}
