package org.disclosurereports.core.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A measured figure: a count, or a rate with the counts it is made of. A rate with nothing to divide
 * by has no value ({@link #value} null): "no records", never 0 % or 100 %.
 */
public record MeasureValue(BigDecimal value, Long numerator, Long denominator) {

    public static MeasureValue count(long n) {
        return new MeasureValue(BigDecimal.valueOf(n), null, null);
    }

    /** Percent, one decimal, half-up; exact inputs are kept. */
    public static MeasureValue rate(long numerator, long denominator) {
        if (denominator == 0) {
            return new MeasureValue(null, numerator, 0L);
        }
        BigDecimal pct = BigDecimal.valueOf(numerator * 1000L).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                .movePointLeft(1);
        return new MeasureValue(pct, numerator, denominator);
    }

    public boolean hasValue() {
        return value != null;
    }

    /** Plain text as printed: 2, 85.7 (no grouping, no trailing .0 for whole percentages). */
    public String text() {
        if (value == null) {
            return "—";
        }
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }
}
