package org.disclosurereports.store;

import org.disclosurereports.core.counting.AppealCounter;
import org.disclosurereports.core.counting.ApplicationCounter;
import org.disclosurereports.core.counting.Evidence;
import org.disclosurereports.core.counting.ProactiveCounter;
import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Agency;

/** Streams one agency's records for a year from the store through the counters: nothing is held but the cells. */
public final class TablesFromRecords {

    private final ReportFormat format;
    private final RecordStore store;

    public TablesFromRecords(ReportFormat format, RecordStore store) {
        this.format = format;
        this.store = store;
    }

    public StatutoryTables agency(Agency agency, int year, Evidence evidence) {
        ReportYear y = new ReportYear(year);
        ProactiveCounter proactive = new ProactiveCounter(y, format.table2(), evidence);
        store.documents(agency.code(), year, proactive::accept);
        store.enforcementFigures(agency.code(), year, proactive::accept);
        ApplicationCounter applications = new ApplicationCounter(y, format.table3Shape(), evidence);
        store.applications(agency.code(), year, applications::accept);
        AppealCounter appeals = new AppealCounter(y, format.table4Shape(), evidence);
        store.appeals(agency.code(), year, appeals::accept);
        return new StatutoryTables(agency.code(), agency.name(), year, StatutoryTables.SCOPE_AGENCY,
                proactive.table(), applications.table(), appeals.table(), applications.feesYuan());
    }
}
