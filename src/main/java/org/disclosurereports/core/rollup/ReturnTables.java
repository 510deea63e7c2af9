package org.disclosurereports.core.rollup;


import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.Table2;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.rules.Auditor;
import org.disclosurereports.core.rules.Finding;
import org.disclosurereports.core.rules.RuleCatalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit's tables for a year from its submitted return. Only the parts are taken as figures; every
 * total is computed. A total the return states itself is a check: when it disagrees with the
 * computed one the return is refused, naming the cell, its line and both values. A cell the return
 * does not mention is 0.
 * <p>
 * 二、上年结转 chains to the year before: when the return leaves it out and the previous year is known
 * (its return, or its records), it is that year's 四、结转下年度; when the return states it, it must
 * equal it. A return whose figures break identity C (一 + 二 = （七）总计 + 四) is refused too.
 * The 信息处理费 is not part of a return: it stays unknown (section 六 asks the office to state it).
 */
public final class ReturnTables {

    static final String CARRIED_OVER = "carried_over";
    static final String CARRIED_FORWARD = "carried_forward";

    private ReturnTables() {}

    /**
     * @param previousYear the unit's tables of year − 1 (from its return or records), or null when unknown
     */
    public static StatutoryTables build(ReportFormat format, String agencyCode, String agencyName, int year,
                                        List<ReturnFigure> figures, StatutoryTables previousYear) {
        Table2 t2 = new Table2(format.table2());
        Grid t3 = new Grid(format.table3Shape());
        Grid t4 = new Grid(format.table4Shape());
        List<ReturnFigure> stated = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean carriedOverGiven = false;
        for (ReturnFigure f : figures) {
            // The files are checked against the layout of each row's year; a run that names another layout may lack a cell.
            if (!hasCell(format, f)) {
                problems.add(f.source() + ": " + f.cell() + " is not a cell of the layout " + format.id() + " this report is built in");
                continue;
            }
            switch (f.table()) {
                case "table2" -> t2.add(f.row(), f.column(), f.value());
                case "table3" -> {
                    carriedOverGiven |= CARRIED_OVER.equals(f.row());
                    addPart(t3, f, stated);
                }
                case "table4" -> addPart(t4, f, stated);
                default -> throw new IllegalArgumentException("unknown table " + f.table() + " in " + f.source());
            }
        }
        GridShape s3 = t3.shape();
        if (!carriedOverGiven && previousYear != null) {
            for (ReportFormat.Column c : s3.columns()) {
                if (!c.computed()) {
                    t3.add(CARRIED_OVER, c.key(), previousYear.table3().get(CARRIED_FORWARD, c.key()));
                }
            }
        }
        t3.withTotals();
        t4.withTotals();
        for (ReturnFigure f : stated) {
            Grid g = f.table().equals("table3") ? t3 : t4;
            long computed = g.get(f.row(), f.column());
            if (f.value().longValueExact() != computed) {
                problems.add(f.source() + ": " + f.cell() + " is given as " + f.value() + " but its parts add up to " + computed
                        + " (totals are computed, never taken from a return)");
            }
        }
        if (carriedOverGiven && previousYear != null) {
            for (ReportFormat.Column c : s3.columns()) {
                long here = t3.get(CARRIED_OVER, c.key());
                long before = previousYear.table3().get(CARRIED_FORWARD, c.key());
                if (here != before) {
                    problems.add("table3." + CARRIED_OVER + "." + c.key() + " of " + year + " is " + here + " in " + ReturnFigure.TABLE3_FILE
                            + " but table3." + CARRIED_FORWARD + "." + c.key() + " of " + (year - 1) + " is " + before
                            + " (二、上年结转 must equal last year's 四、结转下年度)");
                }
            }
        }
        StatutoryTables tables = new StatutoryTables(agencyCode, agencyName, year, StatutoryTables.SCOPE_AGENCY, t2, t3, t4, null);
        if (problems.isEmpty()) {
            Auditor identities = new Auditor(RuleCatalogue.shipped().identities(), format);
            for (Finding f : identities.audit(Auditor.Subject.of(PublishedTables.of(format, tables))).blocking()) {
                problems.add("the return's figures break identity " + f.rule() + " (" + f.messageEn() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReturnRefused(agencyCode, year, problems);
        }
        return tables;
    }

    private static boolean hasCell(ReportFormat format, ReturnFigure f) {
        return switch (f.table()) {
            case "table2" -> format.table2().blocks().stream().anyMatch(b -> b.rows().stream().anyMatch(r -> r.key().equals(f.row()))
                    && b.columns().stream().anyMatch(c -> c.key().equals(f.column())));
            case "table3" -> format.table3Shape().hasRow(f.row()) && format.table3Shape().hasColumn(f.column());
            case "table4" -> format.table4Shape().hasRow(f.row()) && format.table4Shape().hasColumn(f.column());
            default -> throw new IllegalArgumentException("unknown table " + f.table() + " in " + f.source());
        };
    }

    private static void addPart(Grid grid, ReturnFigure f, List<ReturnFigure> stated) {
        GridShape shape = grid.shape();
        if (shape.row(f.row()).computed() || shape.column(f.column()).computed()) {
            stated.add(f);
        } else {
            grid.add(f.row(), f.column(), f.value().longValueExact());
        }
    }
}
