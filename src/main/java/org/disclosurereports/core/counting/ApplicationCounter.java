package org.disclosurereports.core.counting;

import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.records.Application;

import java.math.BigDecimal;

/**
 * Table 三 by the counting rules of the data contract (section 2), for report year Y:
 * <ul>
 *   <li>一 new_received: received in Y;</li>
 *   <li>二 carried_over: received before Y and not closed before 1 January Y;</li>
 *   <li>三 result rows: closed in Y, by outcome, whichever year the application arrived;</li>
 *   <li>四 carried_forward: received by 31 December Y and not closed by then.</li>
 * </ul>
 * Each application lands in exactly one applicant column. With consistent records identity C
 * (一 + 二 = 总计 + 四) follows: everything open on 1 January or received in Y is either closed in Y or
 * still open at 31 December.
 * <p>
 * Also sums the 信息处理费 (fee_yuan) of applications closed in Y, for section 六.
 */
public final class ApplicationCounter {

    private final ReportYear year;
    private final Grid grid;
    private final Evidence evidence;
    private BigDecimal feesYuan = BigDecimal.ZERO;

    public ApplicationCounter(ReportYear year, GridShape table3, Evidence evidence) {
        this.year = year;
        this.grid = new Grid(table3);
        this.evidence = evidence;
    }

    public void accept(Application a) {
        String column = a.applicantType();
        String id = a.agencyCode() + "/" + a.applicationId();
        if (year.contains(a.receivedDate())) {
            count("new_received", column, id);
        }
        if (year.before(a.receivedDate()) && (a.closedDate() == null || !year.before(a.closedDate()))) {
            count("carried_over", column, id);
        }
        if (a.closedDate() != null && year.contains(a.closedDate())) {
            // The layout says which result row counts the outcome (one row may count several).
            count(grid.shape().rowOfOutcome(a.outcome()), column, id);
            if (a.feeYuan() != null) {
                feesYuan = feesYuan.add(a.feeYuan());
            }
        }
        if (year.byEnd(a.receivedDate()) && year.openAtEnd(a.closedDate())) {
            count("carried_forward", column, id);
        }
    }

    private void count(String row, String column, String id) {
        grid.add(row, column, 1);
        evidence.counted("table3", row, column, id);
    }

    /** The finished table, totals computed. */
    public Grid table() {
        return grid.withTotals();
    }

    /** 信息处理费 charged on applications closed in the year, in 元, exact. */
    public BigDecimal feesYuan() {
        return feesYuan;
    }
}
