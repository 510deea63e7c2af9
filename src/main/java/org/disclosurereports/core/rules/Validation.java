package org.disclosurereports.core.rules;

import org.disclosurereports.core.figures.TablesJson;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of auditing one report: per rule how many evaluations were made, passed, failed or
 * could not be checked, and every finding. Written as {@code validation.json} (schema
 * {@code disclosure-validation/v1}); the same input always gives the same bytes.
 */
public record Validation(String agencyCode, String agencyName, Integer year, String scope, Integer previousYear,
                         Integer units, boolean records, List<RuleResult> rules, List<Finding> findings) {

    public static final String SCHEMA = "disclosure-validation/v1";

    /**
     * @param applied false when the rule needs something this audit was not given (last year's report,
     *                the units of a summary, the records), or when every cell it compares is missing from the
     *                report's layout (or last year's); {@code notApplied} says what, and {@code notAppliedZh}
     *                says it in Chinese for the pages
     * @param basis   the statutory text the rule enforces, in Chinese
     * @param note    what an applied rule left out: the cells one of the two layouts lacks, when this year's and
     *                last year's reports are in different layouts; null when it compared everything
     */
    public record RuleResult(String id, String check, RuleCatalogue.Severity severity, String section, String titleZh,
                             String titleEn, boolean applied, String notApplied, int checked, int passed, int failed,
                             int unchecked, String basis, String notAppliedZh, String note, String noteZh) {}

    /** The statutory basis of a rule by its id, for a finding's page row. */
    public String basisOf(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).map(RuleResult::basis).findFirst().orElse("");
    }

    public Validation {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
    }

    public List<Finding> blocking() {
        return findings.stream().filter(Finding::blocks).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.status() == Finding.Status.failed && !f.blocks()).toList();
    }

    public List<Finding> unchecked() {
        return findings.stream().filter(f -> f.status() == Finding.Status.unchecked).toList();
    }

    /** {@code blocking}, {@code warnings} or {@code passed}. */
    public String result() {
        if (!blocking().isEmpty()) {
            return "blocking";
        }
        return warnings().isEmpty() ? "passed" : "warnings";
    }

    public Map<String, Object> toMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("agency_code", agencyCode);
        root.put("agency_name", agencyName);
        root.put("year", year);
        root.put("scope", scope);
        root.put("previous_year", previousYear);
        root.put("units", units);
        root.put("records", records);
        root.put("result", result());
        root.put("blocking", blocking().size());
        root.put("warnings", warnings().size());
        root.put("unchecked", unchecked().size());
        root.put("rules", rules.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("check", r.check());
            m.put("severity", r.severity().name());
            m.put("section", r.section());
            m.put("title_zh", r.titleZh());
            m.put("title_en", r.titleEn());
            m.put("applied", r.applied());
            if (!r.applied()) {
                m.put("not_applied", r.notApplied());
            }
            if (r.note() != null) {
                m.put("note", r.note());
            }
            m.put("checked", r.checked());
            m.put("passed", r.passed());
            m.put("failed", r.failed());
            m.put("unchecked", r.unchecked());
            return m;
        }).toList());
        root.put("findings", findings.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule());
            m.put("severity", f.severity().name());
            m.put("status", f.status().name());
            m.put("cell", f.cell());
            m.put("cells", f.cells());
            m.put("where", f.where());
            m.put("expected", f.expected());
            m.put("actual", f.actual());
            m.put("message_zh", f.messageZh());
            m.put("message_en", f.messageEn());
            m.put("section", f.section());
            return m;
        }).toList());
        return root;
    }

    public byte[] toJson() {
        try {
            return (TablesJson.JSON.writeValueAsString(toMap()) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write validation.json", e);
        }
    }
}
