package org.disclosurereports.core.rollup;

import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.Table2;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.narrative.ReportNarrative.Paragraph;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two units state their trainings, hearings and fees; a third (a return) states none of them. */
class SummaryNarrativeTest {

    private static final ReportFormat FORMAT = ReportFormat.current();

    private static Map<String, String> stated(int trainings, int general, int specialist, int attendees, int briefings) {
        Map<String, String> f = new HashMap<>();
        f.put("measure.trainings.count", String.valueOf(trainings));
        f.put("measure.trainings.general.count", String.valueOf(general));
        f.put("measure.trainings.specialist.count", String.valueOf(specialist));
        f.put("measure.trainings.attendees", String.valueOf(attendees));
        f.put("measure.hearings.leadership_briefing.count", String.valueOf(briefings));
        f.put("measure.hearings.public_attendance.count", "1");
        f.put("measure.hearings.public_hearing.count", "0");
        f.put("measure.hearings.forum.count", "2");
        f.put("measure.hearings.open_day.count", "0");
        return f;
    }

    /** The summary's fee is unknown when a unit's is, as {@link RollUp} sums it. */
    private static ReportNarrative summaryOf(List<SummaryNarrative.Unit> units) {
        BigDecimal fees = units.stream().anyMatch(u -> u.feesYuan() == null) ? null
                : units.stream().map(SummaryNarrative.Unit::feesYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        StatutoryTables t = new StatutoryTables("D", "区", 2024, StatutoryTables.SCOPE_SUMMARY, new Table2(FORMAT.table2()),
                new Grid(FORMAT.table3Shape()).withTotals(), new Grid(FORMAT.table4Shape()).withTotals(), fees);
        return SummaryNarrative.of(ReportNarrative.of(FORMAT, t), units);
    }

    @Test
    void trainingsAndHearingsAreSummedAndTheUnitsThatStateNoneAreNamed() {
        ReportNarrative n = summaryOf(List.of(
                new SummaryNarrative.Unit("甲局", new BigDecimal("20"), stated(2, 1, 1, 30, 1)),
                new SummaryNarrative.Unit("乙局", new BigDecimal("5.5"), stated(3, 3, 0, 40, 2)),
                new SummaryNarrative.Unit("丙所", null, Map.of())));
        List<Paragraph> overview = n.section("overview");
        int at = overview.stream().map(Paragraph::heading).toList().indexOf("（五）监督保障");
        assertThat(overview.get(at).text()).isEqualTo("本年度组织政务公开培训5次（其中通识培训4次、专业培训1次），参训70人次；"
                + "主要领导听取政务公开工作汇报3次；邀请公众代表列席决策会议2次，召开听证会0次、座谈会4次，开展政府开放活动0次。"
                + "【待填写：丙所未报送培训和听取汇报等情况，上述数字未计入，请补充】");
        assertThat(n.toWrite()).contains("本年度收取信息处理费情况（丙所未报送信息处理费；其余2个单位合计25.5元）");
    }

    @Test
    void whenEveryUnitStatesThemNothingIsLeftToWriteAboutThem() {
        ReportNarrative n = summaryOf(List.of(new SummaryNarrative.Unit("甲局", BigDecimal.ZERO, stated(1, 1, 0, 9, 1))));
        assertThat(String.join("", n.toWrite())).doesNotContain("未报送");
        assertThat(n.section("other").get(0).text()).isEqualTo("本年度未收取信息处理费（0元）。");
        assertThat(n.section("overview").stream().map(Paragraph::text)).anySatisfy(t -> assertThat(t).startsWith("本年度组织政务公开培训1次"));
    }
}
