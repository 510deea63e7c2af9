package org.disclosurereports.core.compliance;

import org.disclosurereports.core.records.Agency;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A 政务公开工作要点 as data: the measurable targets of one year's plan, each with the records it counts
 * ({@link Measure}), its threshold and the agencies it applies to.
 *
 * @param file   where it was read from (named in every message about it)
 * @param strict from the data directory: every agency it names must exist. Shipped plans name real
 *               agencies by name and are simply not in force where no such agency is listed.
 */
public record WorkPlan(String file, String title, String issuer, int year, String source, boolean strict, List<Target> targets) {

    public enum Comparison {
        AT_LEAST("at_least", "不少于"), AT_MOST("at_most", "不多于");

        private final String key;
        private final String label;

        Comparison(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public boolean holds(BigDecimal value, BigDecimal threshold) {
            int c = value.compareTo(threshold);
            return this == AT_LEAST ? c >= 0 : c <= 0;
        }
    }

    /**
     * The agencies a target applies to: everyone ({@code all}), listed codes, listed names, or levels
     * (agencies.csv {@code level}) optionally restricted to the units under one agency (by code or name).
     */
    public record AppliesTo(boolean all, List<String> codes, List<String> names, List<String> levels, String under, String underName) {

        public boolean matches(Agency a, Function<String, List<String>> ancestorsOf) {
            if (all) {
                return true;
            }
            if (codes.contains(a.code()) || names.contains(a.name())) {
                return true;
            }
            if (!levels.isEmpty() && a.level() != null && levels.contains(a.level())) {
                if (under == null && underName == null) {
                    return true;
                }
                List<String> up = ancestorsOf.apply(a.code());
                return up.contains(under) || up.contains(underName);
            }
            return false;
        }

        /** Agency codes and names this names, to be checked against agencies.csv. */
        public Set<String> namedCodes() {
            Set<String> s = new LinkedHashSet<>(codes);
            if (under != null) {
                s.add(under);
            }
            return s;
        }

        public Set<String> namedNames() {
            Set<String> s = new LinkedHashSet<>(names);
            if (underName != null) {
                s.add(underName);
            }
            return s;
        }
    }

    /**
     * @param wording the plan's own words, quoted exactly
     * @param days    for {@link Measure#PUBLISHED_WITHIN}: the working days allowed; otherwise null
     * @param field   where the target is in its file ({@code targets[2]}), for messages
     */
    public record Target(String id, String wording, Measure measure, Comparison comparison, BigDecimal threshold,
                         Integer days, AppliesTo appliesTo, String field) {

        /** 不少于1次, 不低于70%: what the threshold reads as. */
        public String requirement() {
            String n = threshold.stripTrailingZeros().toPlainString();
            if (measure.isRate()) {
                return (comparison == Comparison.AT_LEAST ? "不低于" : "不高于") + n + "%";
            }
            return comparison.label() + n + measure.unit().label();
        }
    }
}
