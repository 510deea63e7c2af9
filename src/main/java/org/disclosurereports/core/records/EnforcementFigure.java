package org.disclosurereports.core.records;

import java.math.BigDecimal;

/**
 * A yearly figure for the enforcement items of table 二: decisions, or an amount in 万元 (exact), and
 * optionally the item count (事项数 at 31 December, or the year's 采购项目) that the 2019 layout prints.
 *
 * @param item  the contract's key of the item (the layouts' {@code enforcementItems()})
 * @param items the item count, or null when enforcement.csv does not give one
 */
public record EnforcementFigure(String agencyCode, int year, String item, BigDecimal value, Long items) {

    /** A figure without an item count. */
    public EnforcementFigure(String agencyCode, int year, String item, BigDecimal value) {
        this(agencyCode, year, item, value, null);
    }
}
