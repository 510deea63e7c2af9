package org.disclosurereports.core.rules;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.StatutoryTables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule G of annual-report-format.md section 5, on the files as written and read back: every cell of
 * tables 二, 三 and 四 of a summary, totals included, equals the sum of that cell over the units it
 * combines, added here cell by cell independently of the roll-up. Then identities A–D on the summary
 * itself. Self-contained so that the rule catalogue can take it over.
 */
public final class RollUpCheck {

    private final ReportFormat format;
    private final Map<String, BigDecimal> sums = new LinkedHashMap<>();
    private int units;

    public RollUpCheck(ReportFormat format) {
        this.format = format;
    }

    /** Adds one combined unit's tables (read back from its tables.json). */
    public void addUnit(StatutoryTables unit) {
        units++;
        forEachCell(unit, (cell, value) -> sums.merge(cell, value, BigDecimal::add));
    }

    /** The failures of rule G and of identities A–D for {@code summary}; empty when it holds. */
    public List<String> failures(StatutoryTables summary) {
        List<String> failures = new ArrayList<>();
        forEachCell(summary, (cell, value) -> {
            BigDecimal sum = sums.getOrDefault(cell, BigDecimal.ZERO);
            if (sum.compareTo(value) != 0) {
                failures.add("G " + cell + ": the summary has " + value.toPlainString() + ", the " + units + " units add up to " + sum.toPlainString());
            }
        });
        IdentityCheck.failures(format, summary).forEach(failures::add);
        return failures;
    }

    public int units() {
        return units;
    }

    private interface CellVisitor {
        void cell(String ref, BigDecimal value);
    }

    private static void forEachCell(StatutoryTables t, CellVisitor v) {
        t.table2().values().forEach((row, cells) -> cells.forEach((column, value) -> v.cell("table2." + row + "." + column, value)));
        grid(t.table3(), v);
        grid(t.table4(), v);
    }

    private static void grid(Grid g, CellVisitor v) {
        for (int r = 0; r < g.shape().rows().size(); r++) {
            for (int c = 0; c < g.shape().columns().size(); c++) {
                v.cell(g.shape().cellRef(r, c), BigDecimal.valueOf(g.get(r, c)));
            }
        }
    }
}
