package org.disclosurereports.store;

import org.disclosurereports.core.counting.AppealCounter;
import org.disclosurereports.core.counting.ApplicationCounter;
import org.disclosurereports.core.counting.Evidence;
import org.disclosurereports.core.counting.ProactiveCounter;
import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.Table2;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.core.records.Agency;

import java.util.function.IntFunction;

/** Streams one agency's records for a year from the store through the counters: nothing is held but the cells. */
public final class TablesFromRecords {

    private final IntFunction<ReportFormat> formatOfYear;
    private final RecordStore store;

    /** Every year's tables in one layout. */
    public TablesFromRecords(ReportFormat format, RecordStore store) {
        this(year -> format, store);
    }

    /** Each year's tables in the layout {@code formatOfYear} gives: a 2021 report's year before is a 2020 report. */
    public TablesFromRecords(IntFunction<ReportFormat> formatOfYear, RecordStore store) {
        this.formatOfYear = formatOfYear;
        this.store = store;
    }

    /** Records counted in {@code format} for {@code year}, and in their own year's layout for the years before. */
    public static TablesFromRecords inLayouts(ReportFormats formats, ReportFormat format, int year, RecordStore store) {
        return new TablesFromRecords(y -> y == year ? format : formats.forYear(y), store);
    }

    public StatutoryTables agency(Agency agency, int year, Evidence evidence) {
        return agency(agency, year, evidence, RecordSources.NONE);
    }

    /** As {@link #agency(Agency, int, Evidence)}, gathering into {@code sources} the record sets it counts. */
    public StatutoryTables agency(Agency agency, int year, Evidence evidence, RecordSources sources) {
        ReportFormat format = formatOfYear.apply(year);
        ReportYear y = new ReportYear(year);
        ProactiveCounter proactive = new ProactiveCounter(y, format.table2(), evidence);
        store.documents(agency.code(), year, proactive::accept, sources);
        store.enforcementFigures(agency.code(), year, proactive::accept, sources);
        if (proactive.needsPreviousYear()) {
            store.enforcementFigures(agency.code(), year - 1, proactive::accept, sources);
        }
        Table2 table2 = proactive.table();
        ApplicationCounter applications = new ApplicationCounter(y, format.table3Shape(), evidence);
        store.applications(agency.code(), year, applications::accept, sources);
        AppealCounter appeals = new AppealCounter(y, format.table4Shape(), evidence);
        store.appeals(agency.code(), year, appeals::accept, sources);
        return new StatutoryTables(agency.code(), agency.name(), year, StatutoryTables.SCOPE_AGENCY,
                table2, applications.table(), appeals.table(), applications.feesYuan());
    }
}
