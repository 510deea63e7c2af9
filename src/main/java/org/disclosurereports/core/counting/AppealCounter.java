package org.disclosurereports.core.counting;

import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.records.AppealCase;

/**
 * Table 四 by the counting rules of the data contract: cases filed by 31 December Y that were closed
 * in Y (by result) or are still open at 31 December Y (尚未审结). Cases closed before Y are not counted.
 */
public final class AppealCounter {

    private final ReportYear year;
    private final Grid grid;
    private final Evidence evidence;

    public AppealCounter(ReportYear year, GridShape table4, Evidence evidence) {
        this.year = year;
        this.grid = new Grid(table4);
        this.evidence = evidence;
    }

    public void accept(AppealCase c) {
        if (!year.byEnd(c.filedDate())) {
            return;
        }
        String column;
        if (year.openAtEnd(c.closedDate())) {
            column = "pending";
        } else if (year.contains(c.closedDate())) {
            column = c.result();
        } else {
            return;
        }
        grid.add(c.kind(), column, 1);
        evidence.counted("table4", c.kind(), column, c.agencyCode() + "/" + c.caseId());
    }

    public Grid table() {
        return grid.withTotals();
    }
}
