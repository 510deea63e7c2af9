package org.disclosurereports.job;

import org.disclosurereports.core.compliance.AgencyMeasures;
import org.disclosurereports.core.compliance.Measure;
import org.disclosurereports.core.compliance.MeasureValue;
import org.disclosurereports.core.compliance.Scorecard;
import org.disclosurereports.core.compliance.TargetResult;
import org.disclosurereports.core.compliance.WorkPlan;
import org.disclosurereports.inputs.WorkPlans;
import org.disclosurereports.render.ScorecardPage;
import org.disclosurereports.store.ActivityStore;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosurereports.store.HolidayStore;
import org.disclosurereports.core.compliance.WorkingDayCalendar;
import org.disclosurereports.outputs.LateRepliesCsv;
import org.disclosurereports.core.compliance.ReplyDeadlines;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.NarrativeCheck;
import org.disclosurereports.core.narrative.NarrativeComposer;
import org.disclosurereports.core.narrative.OfficeText;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.narrative.ReportNarrative.Figure;
import org.disclosurereports.core.narrative.ReportNarrative.Paragraph;
import org.disclosurereports.core.narrative.ReportNarrative.Part;
import org.disclosurereports.core.narrative.ReportNarrative.Text;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per agency, what the work plans, deadlines and office texts add to a report: the figures of
 * （五）监督保障 and section 六 (reply deadlines, each work-plan target met or not), the office's own
 * passages, and the files beside the report: {@code late-replies.csv} (internal), {@code scorecard.json},
 * {@code scorecard.html}, {@code narrative-check.json}.
 * <p>
 * Every number it puts in the text is a {@link Figure} whose reference names an entry of
 * {@code scorecard.json}'s {@code figures} ({@code measure.trainings.general.count},
 * {@code replies.late} …), taken from the same value: text and scorecard agree by construction.
 */
public final class ComplianceSupplement {

    /** The narrative to print and the extra files of one report. */
    public record Result(ReportNarrative narrative, Map<String, byte[]> files) {}

    private final ReportFormat format;
    private final RecordStore store;
    private final ActivityStore activities;
    private final WorkingDayCalendar calendar;
    private final WorkPlans plans;
    private final Path dataDir;
    private final int year;
    private final Map<String, Agency> agencies = new HashMap<>();
    private final boolean haveTrainings;
    private final boolean haveHearings;
    private final ScorecardPage page = new ScorecardPage();

    public ComplianceSupplement(ReportFormat format, RecordStore store, WorkingDayCalendar calendar, WorkPlans plans,
                                Path dataDir, int year) {
        this.format = format;
        this.store = store;
        this.activities = new ActivityStore(store);
        this.calendar = calendar;
        this.plans = plans;
        this.dataDir = dataDir;
        this.year = year;
        List<Agency> all = store.allAgencies();
        all.forEach(a -> agencies.put(a.code(), a));
        plans.checkAgencies(all);
        this.haveTrainings = count("training") > 0;
        this.haveHearings = count("hearing") > 0;
    }

    /** For a run: the shipped calendar with holidays.csv, the shipped and the data directory's work plans. */
    public static ComplianceSupplement forRun(ReportFormat format, RecordStore store, Path dataDir, int year) {
        return new ComplianceSupplement(format, store, new HolidayStore(store).calendar(), WorkPlans.load(dataDir), dataDir, year);
    }

    private long count(String table) {
        Long n = store.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }

    /** Codes and names of the agency's ancestors, nearest first (for plans that apply "under" a unit). */
    List<String> ancestors(String code) {
        List<String> up = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Agency a = agencies.get(code);
        while (a != null && a.parentCode() != null && seen.add(a.code())) {
            Agency p = agencies.get(a.parentCode());
            if (p == null) {
                break;
            }
            up.add(p.code());
            up.add(p.name());
            a = p;
        }
        return up;
    }

    public Result apply(Agency agency, StatutoryTables tables, ReportNarrative generated) {
        AgencyMeasures m = new AgencyMeasures(year, calendar);
        activities.trainings(agency.code(), year, m::training);
        activities.hearings(agency.code(), year, m::hearing);
        store.documents(agency.code(), year, m::document);
        ReplyDeadlines deadlines = new ReplyDeadlines(calendar, year);
        store.applications(agency.code(), year, deadlines::accept);
        m.replies(deadlines.summary());

        Map<String, String> figures = new LinkedHashMap<>();
        List<Part> supervision = supervision(m, figures);
        List<Paragraph> other = new ArrayList<>();
        other.addAll(replies(m.replies(), figures));
        List<TargetResult> results = new ArrayList<>();
        var inForce = plans.targetsFor(agency, year, this::ancestors);
        for (var e : inForce) {
            other.addAll(targets(e.getKey(), e.getValue(), m, figures, results));
        }
        OfficeText office = OfficeText.read(dataDir, agency.code(), year);
        ReportNarrative narrative = NarrativeComposer.compose(generated, office, supervision, other, !inForce.isEmpty());
        List<NarrativeCheck.Finding> findings = NarrativeCheck.check(narrative, office,
                OfficeText.read(dataDir, agency.code(), year - 1), tableValues(tables));

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("late-replies.csv", LateRepliesCsv.write(m.replies()));
        Map<String, Object> check = NarrativeCheck.json(agency.code(), year, narrative, findings);
        files.put("narrative-check.json", json(check));
        Scorecard card = new Scorecard(agency.code(), agency.name(), year, figures, m.replies(), results, narrative.isDraft(),
                findings.stream().map(NarrativeCheck.Finding::message).toList());
        files.put("scorecard.json", json(card.toJson()));
        files.put("scorecard.html", page.agency(card).getBytes(StandardCharsets.UTF_8));
        return new Result(narrative, files);
    }

    private List<Part> supervision(AgencyMeasures m, Map<String, String> figures) {
        List<Part> p = new ArrayList<>();
        if (haveTrainings) {
            p.add(new Text("本年度组织政务公开培训"));
            p.add(fig(figures, Measure.TRAININGS_COUNT, m));
            p.add(new Text("次（其中通识培训"));
            p.add(fig(figures, Measure.TRAININGS_GENERAL_COUNT, m));
            p.add(new Text("次、专业培训"));
            p.add(fig(figures, Measure.TRAININGS_SPECIALIST_COUNT, m));
            p.add(new Text("次），参训"));
            p.add(fig(figures, Measure.TRAININGS_ATTENDEES, m));
            p.add(new Text("人次"));
        }
        if (haveHearings) {
            p.add(new Text(p.isEmpty() ? "本年度主要领导听取政务公开工作汇报" : "；主要领导听取政务公开工作汇报"));
            p.add(fig(figures, Measure.LEADERSHIP_BRIEFINGS, m));
            p.add(new Text("次；邀请公众代表列席决策会议"));
            p.add(fig(figures, Measure.PUBLIC_ATTENDANCE, m));
            p.add(new Text("次，召开听证会"));
            p.add(fig(figures, Measure.PUBLIC_HEARINGS, m));
            p.add(new Text("次、座谈会"));
            p.add(fig(figures, Measure.FORUMS, m));
            p.add(new Text("次，开展政府开放活动"));
            p.add(fig(figures, Measure.OPEN_DAYS, m));
            p.add(new Text("次"));
        }
        if (!p.isEmpty()) {
            p.add(new Text("。"));
        }
        return p;
    }

    private List<Paragraph> replies(ReplyDeadlines.Summary r, Map<String, String> figures) {
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

    private List<Paragraph> targets(WorkPlan plan, List<WorkPlan.Target> ts, AgencyMeasures m, Map<String, String> figures,
                                    List<TargetResult> results) {
        List<Paragraph> out = new ArrayList<>();
        out.add(new Paragraph(null, List.of(new Text("《" + plan.title() + "》落实情况（" + ts.size() + "项可由记录核验的目标）："))));
        int i = 1;
        for (WorkPlan.Target t : ts) {
            MeasureValue v = m.value(t.measure(), t.days());
            TargetResult r = TargetResult.of(plan, t, v);
            results.add(r);
            String ref = r.ref();
            List<Part> p = new ArrayList<>();
            p.add(new Text(i++ + ".“" + t.wording() + "”：本年度" + t.measure().label()
                    + (t.days() != null ? "（" + t.days() + "个工作日内）" : "")));
            if (!v.hasValue()) {
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

    private static Figure fig(Map<String, String> figures, Measure measure, AgencyMeasures m) {
        return put(figures, "measure." + measure.key(), m.value(measure, null).text());
    }

    private static Figure put(Map<String, String> figures, String ref, String value) {
        String before = figures.putIfAbsent(ref, value);
        if (before != null && !before.equals(value)) {
            throw new IllegalStateException(ref + " stated as " + before + " and " + value);
        }
        return new Figure(value, List.of(ref));
    }

    /** Every number in the tables (tables.json), for the office-text check. */
    private static Set<BigDecimal> tableValues(StatutoryTables t) {
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

    static byte[] json(Object value) {
        try {
            return (TablesJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
