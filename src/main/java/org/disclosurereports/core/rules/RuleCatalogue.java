package org.disclosurereports.core.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit rules of {@code audit/rules.yaml}: ids, severities, what each compares, messages in Chinese
 * and English, and the format section it enforces. The catalogue is data an auditor can read; the
 * {@link Auditor} only knows how to evaluate each {@code check} kind.
 */
public record RuleCatalogue(Text unchecked, List<Rule> rules) {

    public static final String RESOURCE = "audit/rules.yaml";

    public enum Severity {
        blocking, warning
    }

    public record Text(String zh, String en) {}

    /** A term of an equation: a row (each column) or column (each row) of this or last year's table. */
    public record Term(String row, String column, String year, Integer sign) {
        boolean previous() {
            return "previous".equals(year);
        }

        int signum() {
            return sign == null ? 1 : sign;
        }
    }

    public record Rule(String id, String check, Severity severity, String section, Text title, String zh, String en,
                       String identity, boolean crossYear, String table, String each, List<String> rows,
                       List<Term> left, List<Term> right, Integer factor, Integer minimum, String basis) {

        public String message(String language, Map<String, String> values) {
            return fill("en".equals(language) ? en : zh, values);
        }
    }

    static String fill(String template, Map<String, String> values) {
        String s = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            s = s.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
        }
        return s;
    }

    static final Set<String> CHECKS = Set.of("equation", "text-figures", "roll-up", "non-negative", "whole-number",
            "blank", "year-over-year", "records");

    public static RuleCatalogue load() {
        try (InputStream in = RuleCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the rule catalogue " + RESOURCE + " is missing from the classpath");
            }
            RuleCatalogue c = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, RuleCatalogue.class);
            c.check();
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule catalogue " + RESOURCE, e);
        }
    }

    private static volatile RuleCatalogue shipped;

    /** The shipped catalogue, read once. */
    public static RuleCatalogue shipped() {
        RuleCatalogue c = shipped;
        if (c == null) {
            c = load();
            shipped = c;
        }
        return c;
    }

    /** A mistyped rule fails at start-up, not in the middle of an audit. */
    private void check() {
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            if (r.id() == null || !ids.add(r.id())) {
                throw new IllegalStateException(RESOURCE + ": rule id " + r.id() + " is missing or used twice");
            }
            if (!CHECKS.contains(r.check())) {
                throw new IllegalStateException(RESOURCE + ": rule " + r.id() + " has unknown check '" + r.check() + "'");
            }
            if (r.severity() == null || r.section() == null || r.basis() == null || r.zh() == null || r.en() == null || r.title() == null) {
                throw new IllegalStateException(RESOURCE + ": rule " + r.id() + " needs severity, section, basis, title, zh and en");
            }
            if ("equation".equals(r.check()) && r.identity() == null
                    && (r.table() == null || r.each() == null || r.left() == null || r.right() == null)) {
                throw new IllegalStateException(RESOURCE + ": equation rule " + r.id() + " needs an identity or table, each, left and right");
            }
        }
    }

    public Rule rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no audit rule " + id));
    }

    /** Only the rules that check the layout's identities within one report (A–D). */
    public RuleCatalogue identities() {
        return new RuleCatalogue(unchecked, rules.stream().filter(r -> r.identity() != null).toList());
    }

    public List<Rule> ofCheck(String check) {
        return rules.stream().filter(r -> r.check().equals(check)).toList();
    }
}
