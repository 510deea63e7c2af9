package org.disclosurereports.render;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.narrative.ReportNarrative;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurereports.render.RenderFixtures.FORMAT;

class RenderNarrativeTest {

    private static final StatutoryTables TABLES = RenderFixtures.tables();
    private static final ReportNarrative NARRATIVE = ReportNarrative.of(FORMAT, TABLES);

    private static ReportNarrative.Paragraph overview(int i) {
        return NARRATIVE.section("overview").get(i);
    }

    @Test
    void coversTheNarrativeSectionsOfTheLayoutOnly() {
        assertThat(NARRATIVE.sections().keySet()).containsExactly("overview", "problems", "other");
    }

    @Test
    void requestsParagraphRestatesTable3ByResultGroup() {
        ReportNarrative.Paragraph requests = overview(1);
        assertThat(requests.heading()).isEqualTo("（二）依申请公开");
        assertThat(requests.text()).isEqualTo("本年度新收政府信息公开申请6390件（其中自然人1017件、法人或其他组织5373件）；"
                + "上年结转政府信息公开申请1668件。本年度办结8001件，其中予以公开21件、部分公开57件、不予公开1752件、"
                + "无法提供1251件、不予处理2805件、其他处理2115件；结转下年度继续办理57件。");
        List<ReportNarrative.Figure> figures = requests.parts().stream()
                .filter(ReportNarrative.Figure.class::isInstance).map(ReportNarrative.Figure.class::cast).toList();
        // the six result groups cover every result row once, so they add up to （七）总计
        BigDecimal groups = figures.subList(5, 11).stream().map(f -> new BigDecimal(f.value())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(groups).isEqualByComparingTo(BigDecimal.valueOf(TABLES.table3().get("total_processed", "total")));
        assertThat(figures.subList(5, 11).stream().mapToInt(f -> f.cells().size()).sum()).isEqualTo(FORMAT.table3Shape().outcomeRows().size());
        assertThat(figures.get(7).cells()).hasSize(8).allMatch(ref -> ref.startsWith("table3.denied_") && ref.endsWith(".total"));
    }

    @Test
    void everyFigureIsTheSumOfItsCells() {
        for (ReportNarrative.Figure f : NARRATIVE.figures()) {
            BigDecimal sum = f.cells().stream().map(ref -> TABLES.value(ref)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(new BigDecimal(f.value())).as(f.cellRef()).isEqualByComparingTo(sum);
        }
    }

    @Test
    void proactiveParagraphStatesTable2Exactly() {
        assertThat(overview(0).text()).isEqualTo("本年度制发规章2件、行政规范性文件13件；废止规章1件、行政规范性文件4件；"
                + "截至2023年12月31日，现行有效规章7件、行政规范性文件57件；本年度作出行政许可决定1234件、行政处罚决定5678件、"
                + "行政强制决定91件；本年度收取行政事业性收费5949.088667万元。");
    }

    @Test
    void sectionOneStaysWithinTheThousandCharacterLimit() {
        int length = NARRATIVE.section("overview").stream().mapToInt(p -> p.text().length() + (p.heading() == null ? 0 : p.heading().length())).sum();
        assertThat(length).isLessThanOrEqualTo(1000);
    }

    @Test
    void passagesWithoutRecordsAreToWriteAndMakeADraft() {
        assertThat(NARRATIVE.isDraft()).isTrue();
        assertThat(NARRATIVE.toWrite()).hasSize(5);
        assertThat(NARRATIVE.section("problems").get(0).parts()).singleElement().isInstanceOf(ReportNarrative.ToWrite.class);
        assertThat(new ReportNarrative.ToWrite("x").text()).isEqualTo("【待填写：x】");
        ReportNarrative written = new ReportNarrative(Map.of("overview", List.of(
                new ReportNarrative.Paragraph(null, List.of(new ReportNarrative.Text("已写")))))) ;
        assertThat(written.isDraft()).isFalse();
    }

    @Test
    void processingFeeIsAlwaysStated() {
        assertThat(NARRATIVE.section("other").get(0).text()).isEqualTo("本年度依据《政府信息公开信息处理费管理办法》收取信息处理费120.50元。");
        StatutoryTables none = RenderFixtures.tables("QP-LT", "上海市青浦区练塘镇人民政府", StatutoryTables.SCOPE_AGENCY, 1, null);
        assertThat(ReportNarrative.of(FORMAT, none).section("other").get(0).text()).isEqualTo("本年度未收取信息处理费（0元）。");
    }
}
