package org.disclosurereports.render;

import org.disclosurereports.core.compliance.Scorecard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code scorecard.html} for an agency and for the district, from {@code scorecard.ftlh}. Charts
 * are inline SVG whose geometry is computed here (no script, no chart library): reply-time distribution
 * for an agency; targets met per unit and late replies per unit for the district.
 */
public final class ScorecardPage {

    static final String SCORECARD_TEMPLATE = "scorecard.ftlh";

    private final Templates templates;

    public ScorecardPage(Templates templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** A bar of a horizontal bar chart: label, segments (value, css class), geometry in SVG units. */
    public record Bar(String label, int y, List<Segment> segments, String total) {}

    public record Segment(int x, int width, long value, String css) {}

    public String agency(Scorecard card) {
        List<Integer> h = card.histogram();
        int max = Math.max(1, h.stream().mapToInt(Integer::intValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            int w = (int) Math.round((double) BAR_ROOM * h.get(i) / max);
            String css = Scorecard.BUCKETS[i][0] > 20 ? "late" : "ok";
            bars.add(new Bar(Scorecard.bucketLabel(Scorecard.BUCKETS[i]) + "个工作日", 10 + i * 26,
                    List.of(new Segment(150, w, h.get(i), css)), String.valueOf(h.get(i))));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("district", false);
        model.put("card", card);
        model.put("bars", bars);
        model.put("chartHeight", 20 + bars.size() * 26);
        model.put("chartWidth", 150 + BAR_ROOM + TOTAL_ROOM);
        return render(model);
    }

    /** Bars are at most this long; a chart is as wide as its longest label needs, plus the bars and their totals. */
    static final int BAR_ROOM = 360;
    private static final int TOTAL_ROOM = 70;

    /**
     * Where the bars start: after the longest label, at 13 px a character (a CJK character is as wide as
     * the font size, Latin and digits narrower), so no unit's name is cut at the chart's left edge.
     */
    static int labelRoom(List<String> labels) {
        int longest = labels.stream().mapToInt(l -> l.codePointCount(0, l.length())).max().orElse(0);
        return Math.max(150, longest * 13 + 16);
    }

    public String district(int year, List<Map<String, Object>> units) {
        int x0 = labelRoom(units.stream().map(u -> (String) u.get("name")).toList());
        long maxTargets = Math.max(1, units.stream().mapToLong(u -> (long) u.get("applicable")).max().orElse(1));
        long maxLate = Math.max(1, units.stream().mapToLong(u -> (long) u.get("overdue")).max().orElse(1));
        List<Bar> targets = new ArrayList<>();
        List<Bar> late = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Map<String, Object> u = units.get(i);
            long met = (long) u.get("met");
            long notMet = (long) u.get("not_met");
            long noData = (long) u.get("no_data");
            double scale = (double) BAR_ROOM / maxTargets;
            int x = x0;
            List<Segment> segs = new ArrayList<>();
            for (Object[] s : new Object[][]{{met, "ok"}, {notMet, "late"}, {noData, "none"}}) {
                int w = (int) Math.round(scale * (long) s[0]);
                segs.add(new Segment(x, w, (long) s[0], (String) s[1]));
                x += w;
            }
            targets.add(new Bar((String) u.get("name"), 10 + i * 26, segs, met + "/" + u.get("applicable")));
            long od = (long) u.get("overdue");
            late.add(new Bar((String) u.get("name"), 10 + i * 26,
                    List.of(new Segment(x0, (int) Math.round((double) BAR_ROOM * od / maxLate), od, "late")), String.valueOf(od)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("district", true);
        model.put("year", year);
        model.put("units", units);
        model.put("targetBars", targets);
        model.put("lateBars", late);
        model.put("chartHeight", 20 + units.size() * 26);
        model.put("chartWidth", x0 + BAR_ROOM + TOTAL_ROOM);
        return render(model);
    }

    private String render(Map<String, Object> model) {
        return templates.render(SCORECARD_TEMPLATE, model);
    }
}
