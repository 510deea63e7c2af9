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

/**
 * Counts one agency's records for a year: its records, read with those of the agencies counted next
 * ({@link RecordWindow}), pass through the counters in key order, as if read for that agency and year alone.
 */
public final class TablesFromRecords {

    private final IntFunction<ReportFormat> formatOfYear;
    private final RecordWindow records;

    /** Every year's tables in one layout. */
    public TablesFromRecords(ReportFormat format, RecordWindow records) {
        this(year -> format, records);
    }

    /** Each year's tables in the layout {@code formatOfYear} gives: a 2021 report's year before is a 2020 report. */
    public TablesFromRecords(IntFunction<ReportFormat> formatOfYear, RecordWindow records) {
        this.formatOfYear = formatOfYear;
        this.records = records;
    }

    /** Records counted in {@code format} for {@code year}, and in their own year's layout for the years before. */
    public static TablesFromRecords inLayouts(ReportFormats formats, ReportFormat format, int year, RecordWindow records) {
        return new TablesFromRecords(y -> y == year ? format : formats.forYear(y), records);
    }

    public StatutoryTables agency(Agency agency, int year, Evidence evidence) {
        return agency(agency, year, evidence, RecordSources.NONE);
    }

    /** As {@link #agency(Agency, int, Evidence)}, gathering into {@code sources} the record sets it counts. */
    public StatutoryTables agency(Agency agency, int year, Evidence evidence, RecordSources sources) {
        ReportFormat format = formatOfYear.apply(year);
        ReportYear y = new ReportYear(year);
        AgencyRecords read = records.of(agency.code(), year);
        ProactiveCounter proactive = new ProactiveCounter(y, format.table2(), evidence);
        read.documents(year, proactive::accept, sources);
        read.enforcementFigures(year, proactive::accept, sources);
        if (proactive.needsPreviousYear()) {
            read.enforcementFigures(year - 1, proactive::accept, sources);
        }
        Table2 table2 = proactive.table();
        ApplicationCounter applications = new ApplicationCounter(y, format.table3Shape(), evidence);
        read.applications(year, applications::accept, sources);
        AppealCounter appeals = new AppealCounter(y, format.table4Shape(), evidence);
        read.appeals(year, appeals::accept, sources);
        return new StatutoryTables(agency.code(), agency.name(), year, StatutoryTables.SCOPE_AGENCY,
                table2, applications.table(), appeals.table(), applications.feesYuan());
    }
}
