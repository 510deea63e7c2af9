package org.disclosurereports.core.compliance;

import org.disclosurereports.core.counting.AppealCounter;
import org.disclosurereports.core.counting.ApplicationCounter;
import org.disclosurereports.core.counting.Evidence;
import org.disclosurereports.core.counting.ProactiveCounter;
import org.disclosurereports.core.figures.FiguresSource;
import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.OfficeText;
import org.disclosurereports.core.narrative.ReportNarrative.Paragraph;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.records.Activity;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.records.Application;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One agency's year by hand: two trainings of 2024 and one of 2023, one application answered in time, one target. */
class AgencyComplianceTest {

    private static final ReportFormat FORMAT = ReportFormat.current();
    private static final int YEAR = 2024;
    private static final Agency AGENCY = new Agency("SL-A", "示例局", null, "部门", null, null, null, null);

    private static StatutoryTables emptyTables() {
        ReportYear year = new ReportYear(YEAR);
        return new StatutoryTables(AGENCY.code(), AGENCY.name(), YEAR, StatutoryTables.SCOPE_AGENCY,
                new ProactiveCounter(year, FORMAT.table2(), Evidence.NONE).table(),
                new ApplicationCounter(year, FORMAT.table3Shape(), Evidence.NONE).table(),
                new AppealCounter(year, FORMAT.table4Shape(), Evidence.NONE).table(), BigDecimal.ZERO);
    }

    private static AgencyCompliance compliance(boolean hearingsRecorded, OfficeText office) {
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        AgencyMeasures m = new AgencyMeasures(YEAR, calendar);
        m.training(new Activity("SL-A", "T1", LocalDate.of(2024, 3, 1), "通识", "general", 10L));
        m.training(new Activity("SL-A", "T2", LocalDate.of(2024, 5, 6), "专业", "specialist", 5L));
        m.training(new Activity("SL-A", "T0", LocalDate.of(2023, 12, 1), "上年", "general", 99L));
        ReplyDeadlines deadlines = new ReplyDeadlines(calendar, YEAR);
        deadlines.accept(new Application("SL-A", "A1", LocalDate.of(2024, 3, 4), "natural_person", LocalDate.of(2024, 3, 11),
                "granted", false, null));
        m.replies(deadlines.summary());
        return compliance(hearingsRecorded, office, m, FiguresSource.RECORDS, emptyTables());
    }

    /** A unit with no trainings, hearings or applications of its own in a run that has all three. */
    private static AgencyCompliance withoutRecords(FiguresSource source, StatutoryTables tables) {
        AgencyMeasures m = new AgencyMeasures(YEAR, WorkingDayCalendar.official());
        m.replies(new ReplyDeadlines(WorkingDayCalendar.official(), YEAR).summary());
        return compliance(true, OfficeText.none(), m, source, tables);
    }

    private static AgencyCompliance compliance(boolean hearingsRecorded, OfficeText office, AgencyMeasures m,
                                               FiguresSource source, StatutoryTables tables) {
        WorkPlan.AppliesTo all = new WorkPlan.AppliesTo(true, List.of(), List.of(), List.of(), null, null);
        WorkPlan.Target target = new WorkPlan.Target("general-training", "各单位年内组织通识培训不少于2次",
                Measure.TRAININGS_GENERAL_COUNT, WorkPlan.Comparison.AT_LEAST, BigDecimal.valueOf(2), null, all, "targets[0]");
        WorkPlan plan = new WorkPlan("workplans/x.yaml", "2024年测试工作要点", "测试区", YEAR, null, true, List.of(target));
        AgencyCompliance.Inputs in = new AgencyCompliance.Inputs(AGENCY, YEAR, true, hearingsRecorded, m,
                List.of(new AgencyCompliance.PlanInForce(plan, List.of(target))), office, OfficeText.none(), source);
        return AgencyCompliance.of(in, tables, ReportNarrative.of(FORMAT, tables, source));
    }

    private static List<Paragraph> supervision(ReportNarrative n) {
        List<Paragraph> overview = n.section("overview");
        int at = overview.stream().map(Paragraph::heading).toList().indexOf("（五）监督保障");
        return overview.subList(at, overview.size());
    }

    @Test
    void trainingFiguresOfTheYearOpenSupervisionAndTheOfficeTextFollows() {
        AgencyCompliance c = compliance(false, OfficeText.of(Map.of(OfficeText.Slot.SUPERVISION, "本单位建立了考核制度。")));
        List<Paragraph> supervision = supervision(c.narrative());
        assertThat(supervision.get(0).text()).isEqualTo("本年度组织政务公开培训2次（其中通识培训1次、专业培训1次），参训15人次。");
        assertThat(supervision.get(1).heading()).isNull();
        assertThat(supervision.get(1).text()).isEqualTo("本单位建立了考核制度。");
        assertThat(c.scorecard().figures())
                .containsEntry("measure." + Measure.TRAININGS_COUNT.key(), "2")
                .containsEntry("measure." + Measure.TRAININGS_ATTENDEES.key(), "15")
                .containsEntry("replies.on_time", "1")
                .containsEntry("replies.late", "0");
    }

    @Test
    void hearingFiguresAreStatedOnlyWhenTheRunHasHearings() {
        assertThat(supervision(compliance(false, OfficeText.none()).narrative()).get(0).text()).doesNotContain("听取");
        assertThat(supervision(compliance(true, OfficeText.none()).narrative()).get(0).text())
                .contains("；主要领导听取政务公开工作汇报0次");
    }

    @Test
    void aTargetMissedIsStatedInSectionSixAndCountedOnTheScorecard() {
        AgencyCompliance c = compliance(false, OfficeText.none());
        assertThat(c.scorecard().targets()).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TargetResult.Status.NOT_MET));
        assertThat(c.scorecard().notMet()).isEqualTo(1);
        assertThat(c.narrative().section("other").stream().map(Paragraph::text))
                .contains("《2024年测试工作要点》落实情况（1项可由记录核验的目标）：")
                .anySatisfy(t -> assertThat(t).startsWith("1.“各单位年内组织通识培训不少于2次”：本年度").endsWith("要求不少于2次，未完成。"));
        // The office has written nothing, so the report stays a draft and the scorecard says so.
        assertThat(c.scorecard().draft()).isTrue();
    }

    private static StatutoryTables withFees(StatutoryTables t, BigDecimal fees) {
        return new StatutoryTables(t.agencyCode(), t.agencyName(), t.year(), t.scope(), t.table2(), t.table3(), t.table4(), fees);
    }

    @Test
    void aReturnStatesNoTrainingsHearingsOrFeesItDoesNotCarry() {
        // A return: its tables, no fee (unknown), and no trainings or hearings of the unit on record.
        AgencyCompliance c = withoutRecords(FiguresSource.RETURN, withFees(emptyTables(), null));
        String all = String.join("\n", c.narrative().sections().values().stream()
                .flatMap(ps -> ps.stream().map(Paragraph::text)).toList());
        assertThat(all).doesNotContain("培训0次").doesNotContain("汇报0次").doesNotContain("0元");
        assertThat(c.narrative().toWrite())
                .contains("教育培训、领导听取工作汇报、工作考核、社会评议和责任追究结果等情况")
                .anySatisfy(w -> assertThat(w).startsWith("本年度收取信息处理费情况"));
        assertThat(c.scorecard().targets()).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TargetResult.Status.NO_DATA));
    }

    @Test
    void aUnitWithoutDataSaysSoAndStatesNoZeroAsFact() {
        AgencyCompliance c = withoutRecords(FiguresSource.NONE, withFees(emptyTables(), null));
        assertThat(c.narrative().toWrite().get(0)).startsWith("本单位2024年无数据");
        String other = String.join("\n", c.narrative().section("other").stream().map(Paragraph::text).toList());
        assertThat(other).doesNotContain("未收取信息处理费").doesNotContain("已完成").doesNotContain("未完成")
                .contains("本单位本年度无数据，无法核验");
        assertThat(c.scorecard().targets()).singleElement()
                .satisfies(t -> assertThat(t.value().hasValue()).isFalse());
    }

    @Test
    void recordsOfAUnitStateTheirZeros() {
        // The run's trainings and hearings are the whole truth of a unit whose account is its records.
        AgencyCompliance c = withoutRecords(FiguresSource.RECORDS, emptyTables());
        assertThat(supervision(c.narrative()).get(0).text()).startsWith("本年度组织政务公开培训0次").contains("汇报0次");
        assertThat(c.narrative().section("other").get(0).text()).isEqualTo("本年度未收取信息处理费（0元）。");
    }
}
