package org.disclosurereports.render;

import org.disclosurereports.core.figures.StatutoryTables;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurereports.render.RenderFixtures.FORMAT;

class RenderIndexPageTest {

    private static final StatutoryTables TOWN = RenderFixtures.tables();
    private static final StatutoryTables DISTRICT =
            RenderFixtures.tables("QP", "上海市青浦区人民政府", StatutoryTables.SCOPE_SUMMARY, 3, null);

    private static final List<IndexPage.IndexEntry> ENTRIES = List.of(
            IndexPage.IndexEntry.of(FORMAT, TOWN, true),
            IndexPage.IndexEntry.of(FORMAT, DISTRICT, false));
    private static final List<IndexPage.InputFileLine> INPUTS = List.of(
            new IndexPage.InputFileLine("agencies.csv", 2, 2, 0, null),
            new IndexPage.InputFileLine("applications.csv", 9000, 8997, 3, "rejects/applications.csv"));
    private static final String HTML = new IndexPage(FORMAT, Templates.shipped()).html(2023, ENTRIES, INPUTS);
    private static final Document DOC = Jsoup.parse(HTML);

    @Test
    void entryTakesTheKeyFiguresFromTheTables() {
        IndexPage.IndexEntry town = ENTRIES.get(0);
        assertThat(town.agencyCode()).isEqualTo("QP-LT");
        assertThat(town.summary()).isFalse();
        assertThat(town.figure("new_received")).isEqualTo(TOWN.table3().get("new_received", "total")).isEqualTo(6390);
        assertThat(town.figure("carried_over")).isEqualTo(1668);
        assertThat(town.figure("processed")).isEqualTo(8001);
        assertThat(town.figure("carried_forward")).isEqualTo(57);
        assertThat(town.figure("review")).isEqualTo(10);
        assertThat(town.figure("litigation")).isEqualTo(18 + 40);
        assertThat(ENTRIES.get(1).summary()).isTrue();
    }

    @Test
    void listsEveryReportByCodeWithLinksAndStatus() {
        var rows = DOC.select("table.reports tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.stream().map(r -> r.attr("data-code")).toList()).containsExactly("QP", "QP-LT");
        Element town = DOC.selectFirst("tr[data-code=QP-LT]");
        assertThat(town.text()).contains("上海市青浦区练塘镇人民政府").contains("QP-LT").contains("单位").contains("草稿")
                .contains("6390").contains("1668").contains("8001").contains("57");
        assertThat(town.select("a").eachAttr("href")).containsExactly("QP-LT/report.html", "QP-LT/report.pdf", "QP-LT/report.docx", "QP-LT/tables.xlsx", "QP-LT/tables.json",
                "QP-LT/validation.html", "QP-LT/scorecard.html", "QP-LT/evidence/index.html");
        Element district = DOC.selectFirst("tr[data-code=QP]");
        assertThat(district.text()).contains("汇总").contains("完成").doesNotContain("草稿");
        assertThat(district.selectFirst("td[data-label=本年新收]").text()).isEqualTo(Long.toString(ENTRIES.get(1).figure("new_received")));
        assertThat(DOC.selectFirst("h1").text()).isEqualTo("2023年政府信息公开工作年度报告");
    }

    @Test
    void countsUnitReportsAndSummariesApartAsTheNightLineDoes() {
        assertThat(DOC.select("p.meta").text()).startsWith("共2份报告（单位报告1份、汇总报告1份）");
    }

    @Test
    void reportsWhatHappenedToTheInputFiles() {
        assertThat(DOC.select("a[href=run-summary.json]")).hasSize(1);
        assertThat(DOC.select("p.meta a[href=tables.xlsx]")).hasSize(1);
        assertThat(DOC.select("a[href=rejects/applications.csv]")).hasSize(1);
        assertThat(DOC.select(".warn").first().text()).contains("3行");
        Element applications = DOC.select("table.inputs tbody tr").get(1);
        assertThat(applications.select("td").eachText()).startsWith("applications.csv", "9000", "8997", "3");
    }

    @Test
    void flagsCountsThatDoNotAddUp() {
        String html = new IndexPage(FORMAT, Templates.shipped()).html(2023, ENTRIES, List.of(new IndexPage.InputFileLine("filings.csv", 10, 8, 1, null)));
        assertThat(Jsoup.parse(html).selectFirst("table.inputs").text()).contains("读取行数不等于载入与拒收之和");
    }

    @Test
    void worksWithoutScriptAndIsWellFormed() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(HTML.getBytes(StandardCharsets.UTF_8)));
        assertThat(DOC.selectFirst("meta[name=viewport]")).isNotNull();
        // the filter box is hidden until the script announces itself; rows are plain table rows
        assertThat(DOC.selectFirst(".search").hasClass("needs-js")).isTrue();
        assertThat(DOC.select("script[src]")).isEmpty();
        assertThat(new IndexPage(FORMAT, Templates.shipped()).html(2023, List.of(ENTRIES.get(1), ENTRIES.get(0)), INPUTS)).isEqualTo(HTML);
    }
}
