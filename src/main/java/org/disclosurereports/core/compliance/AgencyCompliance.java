package org.disclosurereports.core.compliance;

import org.disclosurereports.core.figures.FiguresSource;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.narrative.NarrativeCheck;
import org.disclosurereports.core.narrative.NarrativeComposer;
import org.disclosurereports.core.narrative.OfficeText;
import org.disclosurereports.core.narrative.ReportNarrative.Figure;
import org.disclosurereports.core.narrative.ReportNarrative.Paragraph;
import org.disclosurereports.core.narrative.ReportNarrative.Part;
import org.disclosurereports.core.narrative.ReportNarrative.Text;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.records.Agency;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an agency's records, the work plans in force and the office's own texts add to its report for
 * the year: the figures of （五）监督保障 and section 六 (reply deadlines, each work-plan target met or
 * not), the office's passages in their places, the checks of the text, and the {@link Scorecard}.
 * <p>
 * Every number it puts in the text is a {@link Figure} whose reference names an entry of the scorecard's
 * {@code figures} ({@code measure.trainings.general.count}, {@code replies.late} …), taken from the same
 * value: text and scorecard agree by construction.
 *
 * @param narrative the report's narrative with everything added
 * @param findings  the checks of the narrative ({@code narrative-check.json})
 * @param scorecard targets, reply deadlines and findings ({@code scorecard.json}, {@code scorecard.html})
 */
public record AgencyCompliance(ReportNarrative narrative, List<NarrativeCheck.Finding> findings, Scorecard scorecard) {

    /** The year's work plan that applies to the agency, with those of its targets that do. */
    public record PlanInForce(WorkPlan plan, List<WorkPlan.Target> targets) {
        public PlanInForce {
            targets = List.copyOf(targets);
        }
    }

    /**
     * What is known about one agency's year, as read by the job.
     *
     * @param trainingsRecorded true when the run has trainings at all: only then are training figures stated
     * @param hearingsRecorded  true when the run has hearings at all
     * @param measures          the agency's records of the year, counted
     * @param plans             the plans in force for it, in file order
     * @param office            the office's texts of the year
     * @param officeLastYear    those of the year before, for the repetition check
     * @param source            where the unit's tables come from: a count of 0 is a fact only for
     *                          {@link FiguresSource#RECORDS}; a return states no trainings, hearings or replies,
     *                          and a unit without data has nothing behind any zero
     */
    public record Inputs(Agency agency, int year, boolean trainingsRecorded, boolean hearingsRecorded, AgencyMeasures measures,
                         List<PlanInForce> plans, OfficeText office, OfficeText officeLastYear, FiguresSource source) {
        public Inputs {
            plans = List.copyOf(plans);
            Objects.requireNonNull(source, "source");
        }

        /** Zero of a count is stated only where records are the unit's whole account of the year. */
        boolean zeroIsAFact() {
            return source == FiguresSource.RECORDS;
        }
    }

    /**
     * @param tables    the report's tables, for the check of numbers in office-written text
     * @param generated the narrative generated from the tables alone ({@link ReportNarrative#of})
     */
    public static AgencyCompliance of(Inputs in, StatutoryTables tables, ReportNarrative generated) {
        AgencyMeasures m = in.measures();
        Map<String, String> figures = new LinkedHashMap<>();
        List<Part> supervision = supervision(in, figures);
        List<Paragraph> other = new ArrayList<>(replies(m.replies(), in.year(), figures));
        List<TargetResult> results = new ArrayList<>();
        for (PlanInForce p : in.plans()) {
            other.addAll(targets(p, in, figures, results));
        }
        ReportNarrative narrative = NarrativeComposer.compose(generated, in.office(), supervision, other, !in.plans().isEmpty());
        List<NarrativeCheck.Finding> findings = NarrativeCheck.check(narrative, in.office(), in.officeLastYear(), tableValues(tables));
        Scorecard card = new Scorecard(in.agency().code(), in.agency().name(), in.year(), figures, m.replies(), results,
                narrative.isDraft(), findings.stream().map(NarrativeCheck.Finding::message).toList());
        return new AgencyCompliance(narrative, List.copyOf(findings), card);
    }

    private static List<Part> supervision(Inputs in, Map<String, String> figures) {
        AgencyMeasures m = in.measures();
        // A unit whose account is not its records has its trainings and hearings stated only where
        // records of them exist; otherwise the layout's passage stays to be written.
        boolean trainings = in.trainingsRecorded() && (in.zeroIsAFact() || m.value(Measure.TRAININGS_COUNT, null).value().signum() > 0);
        boolean hearings = in.hearingsRecorded() && (in.zeroIsAFact() || hearings(m) > 0);
        Map<Measure, String> values = new LinkedHashMap<>();
        for (Measure measure : trainings ? TRAINING_MEASURES : List.<Measure>of()) {
            values.put(measure, m.value(measure, null).text());
        }
        for (Measure measure : hearings ? HEARING_MEASURES : List.<Measure>of()) {
            values.put(measure, m.value(measure, null).text());
        }
        List<Part> p = supervisionParts(values);
        p.stream().filter(part -> part instanceof Figure).map(part -> (Figure) part)
                .forEach(f -> put(figures, f.cells().get(0), f.value()));
        return p;
    }

    /** The measures of （五）监督保障's sentence on trainings, in the order it states them. */
    public static final List<Measure> TRAINING_MEASURES = List.of(Measure.TRAININGS_COUNT, Measure.TRAININGS_GENERAL_COUNT,
            Measure.TRAININGS_SPECIALIST_COUNT, Measure.TRAININGS_ATTENDEES);
    /** Those of its sentence on hearings. */
    public static final List<Measure> HEARING_MEASURES = List.of(Measure.LEADERSHIP_BRIEFINGS, Measure.PUBLIC_ATTENDANCE,
            Measure.PUBLIC_HEARINGS, Measure.FORUMS, Measure.OPEN_DAYS);

    /**
     * The sentence of （五）监督保障 on trainings and hearings: the trainings clause when {@code values}
     * has {@link #TRAINING_MEASURES}, the hearings clause when it has {@link #HEARING_MEASURES}; each
     * number a figure referring to {@code measure.<key>} (as the scorecard's {@code figures} name it).
     * One wording for a unit's report and a summary's.
     */
    public static List<Part> supervisionParts(Map<Measure, String> values) {
        List<Part> p = new ArrayList<>();
        if (values.keySet().containsAll(TRAINING_MEASURES)) {
            p.add(new Text("本年度组织政务公开培训"));
            p.add(measure(values, Measure.TRAININGS_COUNT));
            p.add(new Text("次（其中通识培训"));
            p.add(measure(values, Measure.TRAININGS_GENERAL_COUNT));
            p.add(new Text("次、专业培训"));
            p.add(measure(values, Measure.TRAININGS_SPECIALIST_COUNT));
            p.add(new Text("次），参训"));
            p.add(measure(values, Measure.TRAININGS_ATTENDEES));
            p.add(new Text("人次"));
        }
        if (values.keySet().containsAll(HEARING_MEASURES)) {
            p.add(new Text(p.isEmpty() ? "本年度主要领导听取政务公开工作汇报" : "；主要领导听取政务公开工作汇报"));
            p.add(measure(values, Measure.LEADERSHIP_BRIEFINGS));
            p.add(new Text("次；邀请公众代表列席决策会议"));
            p.add(measure(values, Measure.PUBLIC_ATTENDANCE));
            p.add(new Text("次，召开听证会"));
            p.add(measure(values, Measure.PUBLIC_HEARINGS));
            p.add(new Text("次、座谈会"));
            p.add(measure(values, Measure.FORUMS));
            p.add(new Text("次，开展政府开放活动"));
            p.add(measure(values, Measure.OPEN_DAYS));
            p.add(new Text("次"));
        }
        if (!p.isEmpty()) {
            p.add(new Text("。"));
        }
        return p;
    }

    /** Figure reference of a measure, as the scorecard's {@code figures} name it. */
    public static String measureRef(Measure measure) {
        return "measure." + measure.key();
    }

    private static Figure measure(Map<Measure, String> values, Measure m) {
        return new Figure(values.get(m), List.of(measureRef(m)));
    }

    private static List<Paragraph> replies(ReplyDeadlines.Summary r, int year, Map<String, String> figures) {
        if (r.closed() + r.openOverdue() + r.openWithin() == 0) {
            return List.of();
        }
        List<Part> p = new ArrayList<>();
        p.add(new Text("依申请公开答复时限（《条例》第三十三条：自收到申请之日起20个工作日内答复，经批准可延长不超过20个工作日；收到申请当日不计，按国务院公布的节假日安排计算工作日）：本年度办结的申请中，按期答复"));
        p.add(put(figures, "replies.on_time", String.valueOf(r.onTime())));
        p.add(new Text("件，逾期答复"));
        p.add(put(figures, "replies.late", String.valueOf(r.late())));
        p.add(new Text("件；截至" + year + "年12月31日已超过答复期限仍未办结"));
        p.add(put(figures, "replies.open_overdue", String.valueOf(r.openOverdue())));
        p.add(new Text("件。"));
        if (r.closed() > 0) {
            p.add(new Text("答复用时中位数为"));
            p.add(put(figures, "replies.median_days", r.medianDays().toPlainString()));
            p.add(new Text("个工作日，最长"));
            p.add(put(figures, "replies.longest_days", String.valueOf(r.longestDays())));
            p.add(new Text("个工作日。"));
        }
        figures.put("replies.closed", String.valueOf(r.closed()));
        figures.put("replies.open_within", String.valueOf(r.openWithin()));
        return List.of(new Paragraph(null, p));
    }

    private static long hearings(AgencyMeasures m) {
        long n = 0;
        for (Measure h : HEARING_MEASURES) {
            n += m.value(h, null).value().longValue();
        }
        return n;
    }

    private static List<Paragraph> targets(PlanInForce inForce, Inputs in, Map<String, String> figures,
                                           List<TargetResult> results) {
        AgencyMeasures m = in.measures();
        WorkPlan plan = inForce.plan();
        List<WorkPlan.Target> ts = inForce.targets();
        List<Paragraph> out = new ArrayList<>();
        out.add(new Paragraph(null, List.of(new Text("《" + plan.title() + "》落实情况（" + ts.size() + "项可由记录核验的目标）："))));
        int i = 1;
        for (WorkPlan.Target t : ts) {
            MeasureValue v = m.value(t.measure(), t.days());
            // A count of nothing is no result where records are not the unit's account of the year.
            boolean unsupported = !in.zeroIsAFact() && !t.measure().isRate() && v.hasValue() && v.value().signum() == 0;
            TargetResult r = unsupported ? new TargetResult(plan, t, new MeasureValue(null, null, null), TargetResult.Status.NO_DATA) : TargetResult.of(plan, t, v);
            results.add(r);
            String ref = r.ref();
            List<Part> p = new ArrayList<>();
            p.add(new Text(i++ + ".“" + t.wording() + "”：本年度" + t.measure().label()
                    + (t.days() != null ? "（" + t.days() + "个工作日内）" : "")));
            if (unsupported) {
                p.add(new Text(in.source() == FiguresSource.NONE ? "：本单位本年度无数据，无法核验。" : "：本单位本年度以报表报送，报表不含此项，无记录，无法核验。"));
            } else if (!v.hasValue()) {
                p.add(new Text("无可计算的记录（"));
                p.add(put(figures, ref + ".denominator", "0"));
                p.add(new Text("件），无法核验。"));
            } else if (t.measure().isRate()) {
                p.add(new Text("为"));
                p.add(put(figures, ref, v.text()));
                p.add(new Text("%（"));
                p.add(put(figures, ref + ".numerator", String.valueOf(v.numerator())));
                p.add(new Text("/"));
                p.add(put(figures, ref + ".denominator", String.valueOf(v.denominator())));
                p.add(new Text("件），要求" + t.requirement() + "，" + r.status().label() + "。"));
            } else {
                p.add(new Text(t.measure() == Measure.REPLIES_OVERDUE ? "" : "为"));
                p.add(put(figures, ref, v.text()));
                p.add(new Text(t.measure().unit().label() + "，要求" + t.requirement() + "，" + r.status().label() + "。"));
            }
            out.add(new Paragraph(null, p));
        }
        return out;
    }

    private static Figure put(Map<String, String> figures, String ref, String value) {
        String before = figures.putIfAbsent(ref, value);
        if (before != null && !before.equals(value)) {
            throw new IllegalStateException(ref + " stated as " + before + " and " + value);
        }
        return new Figure(value, List.of(ref));
    }

    /** Every number in the tables (as tables.json has them), for the office-text check. */
    static Set<BigDecimal> tableValues(StatutoryTables t) {
        Set<BigDecimal> values = new HashSet<>();
        try {
            collect(TablesJson.JSON.readTree(TablesJson.write(t)), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private static void collect(JsonNode n, Set<BigDecimal> values) {
        if (n.isNumber()) {
            values.add(n.decimalValue());
        } else if (n.isTextual() && n.asText().matches("\\d+(\\.\\d+)?")) {
            values.add(new BigDecimal(n.asText()));
        }
        n.forEach(c -> collect(c, values));
    }
}
