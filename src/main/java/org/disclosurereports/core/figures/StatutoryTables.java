package org.disclosurereports.core.figures;

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
}
