package org.disclosurereports.core.records;

import java.math.BigDecimal;

/** A yearly figure for table 二 items （五）（六）（八）: decisions, or fees in 万元 (exact). */
public record EnforcementFigure(String agencyCode, int year, EnforcementItem item, BigDecimal value) {}
