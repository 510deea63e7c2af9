package org.disclosurereports.core.records;

import java.math.BigDecimal;

/**
 * A yearly figure for table 二 items （五）（六）（八）: decisions, or fees in 万元 (exact).
 *
 * @param item the contract's key of the item (the layout's {@code enforcementItems()})
 */
public record EnforcementFigure(String agencyCode, int year, String item, BigDecimal value) {}
