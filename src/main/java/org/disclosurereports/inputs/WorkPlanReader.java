package org.disclosurereports.inputs;

import org.disclosurereports.core.compliance.Measure;
import org.disclosurereports.core.compliance.WorkPlan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads one work-plan YAML file. Everything is checked and every problem is reported with the file
 * and the field ({@code targets[1].measure}): an unknown measure, comparison or key, a missing wording
 * or threshold. Agency names and codes are checked later against agencies.csv ({@link WorkPlans}).
 * <pre>
 * plan: 2024年示例区政务公开工作要点
 * issuer: 示例区人民政府办公室
 * year: 2024
 * source: …                      # optional: where the plan was published
 * applies_to: {levels: [部门, 街道, 镇], under: SL}     # default for the targets
 * targets:
 *   - id: general-training
 *     wording: 各单位年内组织政务公开通识培训不少于1次
 *     measure: trainings.general.count
 *     comparison: at_least        # or at_most
 *     threshold: 1                # a rate is in percent: 70 for 70%
 *     days: 10                    # only for filings.published_within_working_days
 *     applies_to: all             # optional: all | {agencies: [codes]} | {agency_names: [names]} | {levels: […], under: CODE | under_name: NAME}
 * </pre>
 */
public final class WorkPlanReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> PLAN_KEYS = Set.of("plan", "issuer", "year", "source", "applies_to", "targets");
    private static final Set<String> TARGET_KEYS = Set.of("id", "wording", "measure", "comparison", "threshold", "days", "applies_to");
    private static final Set<String> APPLIES_KEYS = Set.of("agencies", "agency_names", "levels", "under", "under_name");

    private final List<String> problems = new ArrayList<>();
    private String file;

    public static WorkPlan read(String file, InputStream in, boolean strict) {
        return new WorkPlanReader().parse(file, in, strict);
    }

    private WorkPlan parse(String file, InputStream in, boolean strict) {
        this.file = file;
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new WorkPlanRefused(file + ": not readable YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new WorkPlanRefused(file + ": expected a mapping with plan, issuer, year and targets");
        }
        unknownKeys(root, PLAN_KEYS, "");
        String title = text(root, "plan", "plan", true);
        String issuer = text(root, "issuer", "issuer", true);
        String source = text(root, "source", "source", false);
        int year = 0;
        JsonNode y = root.get("year");
        if (y == null || !y.canConvertToInt() || !y.isIntegralNumber() || y.asInt() < 2000 || y.asInt() > 2100) {
            problem("year", "must be a 4-digit year, got " + (y == null ? "nothing" : y.asText()));
        } else {
            year = y.asInt();
        }
        WorkPlan.AppliesTo planDefault = root.has("applies_to") ? appliesTo(root.get("applies_to"), "applies_to") : null;
        List<WorkPlan.Target> targets = new ArrayList<>();
        JsonNode list = root.get("targets");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problem("targets", "must be a non-empty list of targets");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                WorkPlan.Target t = target(list.get(i), "targets[" + i + "]", planDefault);
                if (t != null && !ids.add(t.id())) {
                    problem("targets[" + i + "].id", "'" + t.id() + "' is used twice");
                }
                if (t != null) {
                    targets.add(t);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkPlanRefused(String.join("\n", problems));
        }
        return new WorkPlan(file, title, issuer, year, source, strict, List.copyOf(targets));
    }

    private WorkPlan.Target target(JsonNode n, String field, WorkPlan.AppliesTo planDefault) {
        if (n == null || !n.isObject()) {
            problem(field, "must be a mapping (id, wording, measure, comparison, threshold)");
            return null;
        }
        int before = problems.size();
        unknownKeys(n, TARGET_KEYS, field + ".");
        String id = text(n, "id", field + ".id", true);
        if (id != null && !id.matches("[A-Za-z0-9_-]{1,64}")) {
            problem(field + ".id", "'" + id + "' may contain only letters, digits, '-' and '_'");
        }
        String wording = text(n, "wording", field + ".wording", true);
        String measureKey = text(n, "measure", field + ".measure", true);
        Measure measure = null;
        if (measureKey != null) {
            measure = Measure.ofKey(measureKey).orElse(null);
            if (measure == null) {
                problem(field + ".measure", "unknown measure '" + measureKey + "' (known: " + Measure.catalogue() + ")");
            }
        }
        String comparisonKey = text(n, "comparison", field + ".comparison", true);
        WorkPlan.Comparison comparison = null;
        if (comparisonKey != null) {
            for (WorkPlan.Comparison c : WorkPlan.Comparison.values()) {
                if (c.key().equals(comparisonKey)) {
                    comparison = c;
                }
            }
            if (comparison == null) {
                problem(field + ".comparison", "'" + comparisonKey + "' is not at_least or at_most");
            }
        }
        BigDecimal threshold = null;
        JsonNode th = n.get("threshold");
        if (th == null || !th.isNumber() || th.decimalValue().signum() < 0) {
            problem(field + ".threshold", "must be a number ≥ 0" + (th == null ? "" : ", got " + th.asText()));
        } else {
            threshold = th.decimalValue();
            if (measure != null && measure.isRate() && threshold.compareTo(BigDecimal.valueOf(100)) > 0) {
                problem(field + ".threshold", "a rate is in percent (0–100), got " + threshold.toPlainString());
            }
        }
        Integer days = null;
        JsonNode d = n.get("days");
        if (measure != null && measure.needsDays()) {
            if (d == null || !d.isIntegralNumber() || d.asInt() < 0) {
                problem(field + ".days", measure.key() + " needs days: the working days allowed, a whole number");
            } else {
                days = d.asInt();
            }
        } else if (d != null) {
            problem(field + ".days", "only " + Measure.PUBLISHED_WITHIN.key() + " takes days");
        }
        WorkPlan.AppliesTo applies = n.has("applies_to") ? appliesTo(n.get("applies_to"), field + ".applies_to") : planDefault;
        if (applies == null && !n.has("applies_to")) {
            problem(field + ".applies_to", "no applies_to here or on the plan: say which agencies the target is for");
        }
        if (problems.size() > before) {
            return null;
        }
        return new WorkPlan.Target(id, wording, measure, comparison, threshold, days, applies, field);
    }

    private WorkPlan.AppliesTo appliesTo(JsonNode n, String field) {
        if (n.isTextual() && n.asText().equals("all")) {
            return new WorkPlan.AppliesTo(true, List.of(), List.of(), List.of(), null, null);
        }
        if (!n.isObject()) {
            problem(field, "must be 'all' or a mapping of agencies, agency_names, levels, under, under_name");
            return null;
        }
        unknownKeys(n, APPLIES_KEYS, field + ".");
        List<String> codes = strings(n, "agencies", field);
        List<String> names = strings(n, "agency_names", field);
        List<String> levels = strings(n, "levels", field);
        String under = text(n, "under", field + ".under", false);
        String underName = text(n, "under_name", field + ".under_name", false);
        if (codes.isEmpty() && names.isEmpty() && levels.isEmpty()) {
            problem(field, "names no agencies: give agencies, agency_names or levels (or 'all')");
        }
        if ((under != null || underName != null) && levels.isEmpty()) {
            problem(field, "under/under_name only restrict levels: give levels too");
        }
        return new WorkPlan.AppliesTo(false, codes, names, levels, under, underName);
    }

    private List<String> strings(JsonNode n, String key, String field) {
        JsonNode v = n.get(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            problem(field + "." + key, "must be a list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank()) {
                problem(field + "." + key, "every entry must be text");
            } else {
                out.add(e.asText().strip());
            }
        }
        return List.copyOf(out);
    }

    private String text(JsonNode n, String key, String field, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!v.isValueNode()) {
            problem(field, "must be text");
            return null;
        }
        return v.asText().strip();
    }

    private void unknownKeys(JsonNode n, Set<String> known, String prefix) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                problem(prefix + k, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private void problem(String field, String reason) {
        problems.add(file + ": " + field + ": " + reason);
    }
}
