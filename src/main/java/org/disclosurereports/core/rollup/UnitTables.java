package org.disclosurereports.core.rollup;


import org.disclosurereports.core.counting.Evidence;
import org.disclosurereports.core.figures.FiguresSource;
import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Agency;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Where one unit's figures for a year come from, and the checks between its two possible sources.
 * <ul>
 *   <li>{@link FiguresSource#RETURN}: the unit submitted a return for the year (returns_table*.csv);</li>
 *   <li>{@link FiguresSource#RECORDS}: no return, and its records count something in the year;</li>
 *   <li>{@link FiguresSource#NONE}: neither: no return, and no record of the unit counts in the year. The
 *       report is all zeros, as real offices publish them, and the index marks the data as missing.
 *       An office with genuinely nothing to report says so by submitting a return (one row of 0 is
 *       enough), and is then not marked.</li>
 * </ul>
 * A unit with a return and records <em>of</em> the same year is refused, naming both sources. Records
 * of year Y are those that something happened to in Y: an application or appeal closed in Y, a
 * document issued or repealed in Y, an enforcement.csv figure for Y. Records that merely stay open
 * through Y (applications and cases still open at its end, documents in force) are allowed beside a
 * return: a unit moving from returns to records enters them, and the next year's 二、上年结转 counted
 * from them must equal the return's 四、结转下年度.
 */
public final class UnitTables {

    public record Sourced(StatutoryTables tables, FiguresSource source) {}

    private final ReportFormat format;
    private final RecordsCounter records;
    private final BiFunction<String, Integer, List<ReturnFigure>> returns;

    /**
     * @param records counts a unit's records for a year (tables from records, scope agency)
     * @param returns a unit's return figures for a year, empty when it submitted none
     */
    public UnitTables(ReportFormat format, RecordsCounter records,
                      BiFunction<String, Integer, List<ReturnFigure>> returns) {
        this.format = format;
        this.records = records;
        this.returns = returns;
    }

    /** Counts a unit's records for a year, reporting each count to {@code evidence}. */
    @FunctionalInterface
    public interface RecordsCounter {
        StatutoryTables count(Agency agency, int year, Evidence evidence);
    }

    public Sourced tables(Agency agency, int year) {
        return tables(agency, year, Evidence.NONE);
    }

    /**
     * A unit's tables of the year before {@code year}, as that year's report would have them, for the
     * cross-year rules; null when that year's data cannot make a report (the rules then say so).
     */
    public StatutoryTables tablesOfYearBefore(Agency agency, int year) {
        try {
            return tables(agency, year - 1).tables();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** As {@link #tables(Agency, int)}, tracing each count from records to {@code evidence} (audit trail). */
    public Sourced tables(Agency agency, int year, Evidence evidence) {
        List<ReturnFigure> ret = returns.apply(agency.code(), year);
        StatutoryTables fromRecords = records.count(agency, year, ret.isEmpty() ? evidence : Evidence.NONE);
        if (!ret.isEmpty()) {
            List<String> happened = recordsOfTheYear(fromRecords);
            if (!happened.isEmpty()) {
                throw new ReturnRefused(agency.code(), year, List.of("both records and a return for " + year
                        + ": the records count " + String.join(", ", happened) + ", and the return is "
                        + sources(ret) + "; a unit reports from one source per year: remove its rows from the one or the other"));
            }
            StatutoryTables previous = previousYear(agency, year - 1);
            // In the layout of the year the records were counted in (a run may name its layout; last year keeps its own).
            StatutoryTables fromReturn = ReturnTables.build(fromRecords.format(), agency.code(), agency.name(), year, ret, previous);
            // The trail of a figure from a return is the line of the return that gave it.
            for (ReturnFigure f : ret) {
                if (f.value().signum() != 0) {
                    evidence.counted(f.table(), f.row(), f.column(), f.source());
                }
            }
            // 上年结转 left out of a return is last year's 结转下年度: its trail is last year's return line.
            if (ret.stream().noneMatch(f -> f.table().equals("table3") && f.row().equals(ReturnTables.CARRIED_OVER))) {
                for (ReturnFigure f : returns.apply(agency.code(), year - 1)) {
                    if (f.table().equals("table3") && f.row().equals(ReturnTables.CARRIED_FORWARD) && f.value().signum() != 0) {
                        evidence.counted("table3", ReturnTables.CARRIED_OVER, f.column(), f.source());
                    }
                }
            }
            return new Sourced(fromReturn, FiguresSource.RETURN);
        }
        List<ReturnFigure> previousReturn = returns.apply(agency.code(), year - 1);
        if (!previousReturn.isEmpty()) {
            StatutoryTables previous = ReturnTables.build(records.count(agency, year - 1, Evidence.NONE).format(), agency.code(),
                    agency.name(), year - 1, previousReturn, null);
            checkChain(agency.code(), year, fromRecords, previous, previousReturn);
        }
        if (allZero(fromRecords)) {
            // Nothing counted: the zeros are no finding, and no fee was recorded either.
            return new Sourced(withoutFees(fromRecords), FiguresSource.NONE);
        }
        return new Sourced(fromRecords, FiguresSource.RECORDS);
    }

    /** Year − 1 as the report of that year would have it: its return, else its records, else unknown. */
    private StatutoryTables previousYear(Agency agency, int year) {
        List<ReturnFigure> ret = returns.apply(agency.code(), year);
        StatutoryTables rec = records.count(agency, year, Evidence.NONE);
        if (!ret.isEmpty()) {
            return ReturnTables.build(rec.format(), agency.code(), agency.name(), year, ret, null);
        }
        return allZero(rec) ? null : rec;
    }

    private static void checkChain(String code, int year, StatutoryTables current, StatutoryTables previous, List<ReturnFigure> previousReturn) {
        List<String> problems = new ArrayList<>();
        GridShape shape = current.table3().shape();
        for (var c : shape.columns()) {
            if (c.computed()) {
                continue;   // a total differs only when a part does, and the part is named
            }
            String previousSource = previousReturn.stream()
                    .filter(f -> f.table().equals("table3") && f.row().equals(ReturnTables.CARRIED_FORWARD) && f.column().equals(c.key()))
                    .map(ReturnFigure::source).findFirst().orElse(ReturnFigure.TABLE3_FILE + ": not given, so 0");
            long now = current.table3().get(ReturnTables.CARRIED_OVER, c.key());
            long before = previous.table3().get(ReturnTables.CARRIED_FORWARD, c.key());
            if (now != before) {
                problems.add("table3." + ReturnTables.CARRIED_OVER + "." + c.key() + " of " + year + " counted from records (applications.csv) is "
                        + now + " but table3." + ReturnTables.CARRIED_FORWARD + "." + c.key() + " of " + (year - 1) + " in the return ("
                        + previousSource + ") is " + before + " (二、上年结转 must equal last year's 四、结转下年度: enter the applications "
                        + "still open at the end of " + (year - 1) + " with their real dates)");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReturnRefused(code, year, problems);
        }
    }

    /** The non-zero cells of the records' tables that only records of the year itself can fill, with their files. */
    List<String> recordsOfTheYear(StatutoryTables t) {
        List<String> cells = new ArrayList<>();
        Grid t3 = t.table3();
        for (GridShape.Row row : t3.shape().rows()) {
            if (row.outcome() && !row.computed()) {
                long n = t3.get(row.key(), totalColumn(t3.shape()));
                if (n > 0) {
                    cells.add("table3." + row.key() + " = " + n + " (applications.csv)");
                }
            }
        }
        Grid t4 = t.table4();
        for (GridShape.Row row : t4.shape().rows()) {
            for (var c : t4.shape().columns()) {
                if (c.result() && t4.get(row.key(), c.key()) > 0) {
                    cells.add("table4." + row.key() + "." + c.key() + " = " + t4.get(row.key(), c.key()) + " (appeals.csv)");
                }
            }
        }
        // Stocks (现行有效 at 31 December, last year's item count) are not something that happened in the year.
        Set<String> stocks = new HashSet<>();
        t.table2().layout().blocks().forEach(b -> b.columns().stream().filter(ReportFormat.Column::stock)
                .forEach(c -> stocks.add(c.key())));
        for (Map.Entry<String, Map<String, BigDecimal>> row : t.table2().values().entrySet()) {
            for (Map.Entry<String, BigDecimal> cell : row.getValue().entrySet()) {
                if (!stocks.contains(cell.getKey()) && cell.getValue().signum() != 0) {
                    boolean documents = t.format().table2().blocks().stream().flatMap(b -> b.rows().stream())
                            .anyMatch(r -> r.key().equals(row.getKey()) && r.source() != null && r.source().documentCategory() != null);
                    cells.add("table2." + row.getKey() + "." + cell.getKey() + " = " + cell.getValue().toPlainString()
                            + (documents ? " (filings.csv)" : " (enforcement.csv)"));
                }
            }
        }
        return cells;
    }

    private static StatutoryTables withoutFees(StatutoryTables t) {
        return new StatutoryTables(t.agencyCode(), t.agencyName(), t.year(), t.scope(), t.table2(), t.table3(), t.table4(), null);
    }

    public static boolean allZero(StatutoryTables t) {
        for (Map<String, BigDecimal> row : t.table2().values().values()) {
            for (BigDecimal v : row.values()) {
                if (v.signum() != 0) {
                    return false;
                }
            }
        }
        return allZero(t.table3()) && allZero(t.table4());
    }

    private static boolean allZero(Grid g) {
        for (int r = 0; r < g.shape().rows().size(); r++) {
            for (int c = 0; c < g.shape().columns().size(); c++) {
                if (g.get(r, c) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String totalColumn(GridShape shape) {
        return shape.columns().stream().filter(ReportFormat.Column::computed).map(ReportFormat.Column::key)
                .reduce((a, b) -> b).orElseThrow();
    }

    /** "returns_table3.csv lines 2–30, returns_table4.csv line 4": where a return came from. */
    static String sources(List<ReturnFigure> figures) {
        Set<String> files = new LinkedHashSet<>();
        figures.forEach(f -> files.add(f.file()));
        return files.stream().map(file -> {
            List<Long> lines = figures.stream().filter(f -> f.file().equals(file)).map(ReturnFigure::line).sorted().toList();
            return file + (lines.size() == 1 ? " line " + lines.get(0) : " lines " + lines.get(0) + "–" + lines.get(lines.size() - 1));
        }).collect(Collectors.joining(", "));
    }
}
