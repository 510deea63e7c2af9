package org.disclosurereports.core.compliance;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One agency's compliance for a year: targets met or not, reply deadlines, narrative findings. Written
 * as {@code scorecard.json} (schema {@code disclosure-scorecard/v1}), the source of the district page.
 */
public record Scorecard(String agencyCode, String agencyName, int year, Map<String, String> figures,
                        ReplyDeadlines.Summary replies, List<TargetResult> targets, boolean draft, List<String> findings) {

    /** Reply-time buckets in working days, for the distribution chart. */
    public static final int[][] BUCKETS = {{0, 5}, {6, 10}, {11, 15}, {16, 20}, {21, 30}, {31, 40}, {41, Integer.MAX_VALUE}};

    public long met() {
        return targets.stream().filter(t -> t.status() == TargetResult.Status.MET).count();
    }

    public long notMet() {
        return targets.stream().filter(t -> t.status() == TargetResult.Status.NOT_MET).count();
    }

    public static String bucketLabel(int[] b) {
        return b[1] == Integer.MAX_VALUE ? ">" + (b[0] - 1) : b[0] + "–" + b[1];
    }

    public List<Integer> histogram() {
        List<Integer> h = new ArrayList<>();
        for (int[] b : BUCKETS) {
            h.add((int) replies.replyDays().stream().filter(d -> d >= b[0] && d <= b[1]).count());
        }
        return h;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", "disclosure-scorecard/v1");
        m.put("agency_code", agencyCode);
        m.put("agency_name", agencyName);
        m.put("year", year);
        m.put("draft", draft);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("closed", replies.closed());
        r.put("on_time", replies.onTime());
        r.put("late", replies.late());
        r.put("open_overdue", replies.openOverdue());
        r.put("open_within", replies.openWithin());
        r.put("median_days", replies.medianDays() == null ? null : replies.medianDays().toPlainString());
        r.put("longest_days", replies.longestDays());
        r.put("histogram", histogram());
        r.put("calendar_missing_years", replies.yearsWithoutSchedule());
        m.put("replies", r);
        List<Map<String, Object>> ts = new ArrayList<>();
        for (TargetResult t : targets) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("plan", t.plan().title());
            x.put("plan_file", t.plan().file());
            x.put("id", t.target().id());
            x.put("wording", t.target().wording());
            x.put("measure", t.target().measure().key());
            x.put("requirement", t.target().requirement());
            x.put("value", t.value().hasValue() ? t.value().text() : null);
            x.put("unit", t.target().measure().unit().label());
            x.put("numerator", t.value().numerator());
            x.put("denominator", t.value().denominator());
            x.put("status", t.status().name().toLowerCase());
            x.put("status_label", t.status().label());
            ts.add(x);
        }
        m.put("targets", ts);
        m.put("findings", findings);
        m.put("figures", figures);
        return m;
    }
}
