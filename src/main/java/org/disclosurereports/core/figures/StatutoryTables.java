package org.disclosurereports.core.figures;

import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.ReportFormat;

import java.math.BigDecimal;

/**
 * The three statutory tables of one report, plus the 信息处理费 figure section 六 must state.
 *
 * @param scope {@code agency} for one agency's own records, {@code summary} for a subtree roll-up
 */
public record StatutoryTables(String agencyCode, String agencyName, int year, String scope,
                              Table2 table2, Grid table3, Grid table4, BigDecimal processingFeesYuan) {

    public static final String SCOPE_AGENCY = "agency";
    public static final String SCOPE_SUMMARY = "summary";

    /** The layout the tables are in. */
    public ReportFormat format() {
        return table3.shape().format();
    }

    /** The value of a figure reference: a cell ({@link CellRef}) or {@link CellRef#PROCESSING_FEES}. */
    public BigDecimal value(String ref) {
        if (CellRef.PROCESSING_FEES.equals(ref)) {
            return processingFeesYuan;
        }
        return value(CellRef.parse(ref));
    }

    public BigDecimal value(CellRef cell) {
        return switch (cell.table()) {
            case "table2" -> table2.get(cell.row(), cell.column());
            case "table3" -> BigDecimal.valueOf(table3.get(cell.row(), cell.column()));
            case "table4" -> BigDecimal.valueOf(table4.get(cell.row(), cell.column()));
            default -> throw new IllegalArgumentException("no table " + cell.table() + " in " + cell);
        };
    }
}
