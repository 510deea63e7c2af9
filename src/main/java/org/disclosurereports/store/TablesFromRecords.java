package org.disclosurereports.store;

import org.disclosurereports.core.counting.AppealCounter;
import org.disclosurereports.core.counting.ApplicationCounter;
import org.disclosurereports.core.counting.Evidence;
import org.disclosurereports.core.counting.ProactiveCounter;
import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.records.AppealCase;
import org.disclosurereports.core.records.Application;
import org.disclosurereports.core.records.Document;

import java.time.LocalDate;

/**
 * Streams one agency's records for a year from the store through the counters: nothing is held but the cells.
 * <p>
 * A unit's report needs its year and, for the cross-year rules, the year before. In the report step
 * ({@link #keepingYearBefore()}) the count of a year with evidence reads each record kind once for
 * both years: each row goes to the year's counters and, when the year before's query would have
 * returned it too, to that year's counters, in the same order (by id), so both tables come out as two
 * separate counts would give them. The year before's tables are kept (per thread) and answer the next
 * request for them, without evidence, for that agency; records do not change while a step builds
 * reports.
 */
public final class TablesFromRecords {

    private final ReportFormat format;
    private final RecordStore store;
    private final ThreadLocal<Kept> kept;

    private record Kept(String agencyCode, int year, StatutoryTables tables) {}

    public TablesFromRecords(ReportFormat format, RecordStore store) {
        this(format, store, false);
    }

    private TablesFromRecords(ReportFormat format, RecordStore store, boolean keepYearBefore) {
        this.format = format;
        this.store = store;
        this.kept = keepYearBefore ? new ThreadLocal<>() : null;
    }

    /** The same counting, reading each kind once for a year and the year before (for a step that builds reports). */
    public TablesFromRecords keepingYearBefore() {
        return new TablesFromRecords(format, store, true);
    }

    public StatutoryTables agency(Agency agency, int year, Evidence evidence) {
        if (kept == null) {
            return count(agency, year, evidence);
        }
        if (evidence == Evidence.NONE) {
            Kept k = kept.get();
            if (k != null && k.agencyCode().equals(agency.code()) && k.year() == year) {
                return k.tables();
            }
            return count(agency, year, evidence);
        }
        kept.remove();
        StatutoryTables[] both = countWithYearBefore(agency, year, evidence);
        kept.set(new Kept(agency.code(), year - 1, both[1]));
        return both[0];
    }

    private StatutoryTables count(Agency agency, int year, Evidence evidence) {
        ReportYear y = new ReportYear(year);
        ProactiveCounter proactive = new ProactiveCounter(y, format.table2(), evidence);
        store.documents(agency.code(), year, proactive::accept);
        store.enforcementFigures(agency.code(), year, proactive::accept);
        ApplicationCounter applications = new ApplicationCounter(y, format.table3Shape(), evidence);
        store.applications(agency.code(), year, applications::accept);
        AppealCounter appeals = new AppealCounter(y, format.table4Shape(), evidence);
        store.appeals(agency.code(), year, appeals::accept);
        return tables(agency, year, proactive, applications, appeals);
    }

    /** The year's tables (with evidence) and the year before's (without), each kind read once. */
    private StatutoryTables[] countWithYearBefore(Agency agency, int year, Evidence evidence) {
        ReportYear y = new ReportYear(year);
        ReportYear before = new ReportYear(year - 1);
        // The windows of the year before's queries (RecordStore): issued, received or filed by its end,
        // not closed before its start. Rows of the wider read outside them are not that year's.
        LocalDate endBefore = LocalDate.of(year - 1, 12, 31);
        LocalDate start = LocalDate.of(year, 1, 1);
        ProactiveCounter proactive = new ProactiveCounter(y, format.table2(), evidence);
        ProactiveCounter proactiveBefore = new ProactiveCounter(before, format.table2(), Evidence.NONE);
        store.documents(agency.code(), year, (Document d) -> {
            proactive.accept(d);
            if (!d.issuedDate().isAfter(endBefore)) {
                proactiveBefore.accept(d);
            }
        });
        store.enforcementFigures(agency.code(), year - 1, year, f -> (f.year() == year ? proactive : proactiveBefore).accept(f));
        ApplicationCounter applications = new ApplicationCounter(y, format.table3Shape(), evidence);
        ApplicationCounter applicationsBefore = new ApplicationCounter(before, format.table3Shape(), Evidence.NONE);
        store.applications(agency.code(), year - 1, year, (Application a) -> {
            if (a.closedDate() == null || !a.closedDate().isBefore(start)) {
                applications.accept(a);
            }
            if (!a.receivedDate().isAfter(endBefore)) {
                applicationsBefore.accept(a);
            }
        });
        AppealCounter appeals = new AppealCounter(y, format.table4Shape(), evidence);
        AppealCounter appealsBefore = new AppealCounter(before, format.table4Shape(), Evidence.NONE);
        store.appeals(agency.code(), year - 1, year, (AppealCase c) -> {
            if (c.closedDate() == null || !c.closedDate().isBefore(start)) {
                appeals.accept(c);
            }
            if (!c.filedDate().isAfter(endBefore)) {
                appealsBefore.accept(c);
            }
        });
        return new StatutoryTables[] {tables(agency, year, proactive, applications, appeals),
                tables(agency, year - 1, proactiveBefore, applicationsBefore, appealsBefore)};
    }

    private static StatutoryTables tables(Agency agency, int year, ProactiveCounter proactive, ApplicationCounter applications,
                                          AppealCounter appeals) {
        return new StatutoryTables(agency.code(), agency.name(), year, StatutoryTables.SCOPE_AGENCY,
                proactive.table(), applications.table(), appeals.table(), applications.feesYuan());
    }
}
