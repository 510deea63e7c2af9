package org.disclosurereports.render;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.records.Agency;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurereports.render.RenderFixtures.FORMAT;

class RenderReportHtmlTest {

    private static final ReportRenderer RENDERER = new ReportRenderer(FORMAT, Templates.shipped());
    private static final StatutoryTables TABLES = RenderFixtures.tables();
    private static final ReportView VIEW = ReportView.of(FORMAT, RenderFixtures.agency(), TABLES, List.of());
    private static final String HTML = RENDERER.html(VIEW);
    private static final Document DOC = Jsoup.parse(HTML);

    private static Element table(String name) {
        return DOC.selectFirst("table." + name);
    }

    private static List<String> texts(Elements elements) {
        return elements.stream().map(Element::text).toList();
    }

    private static int span(Element cell, String attribute) {
        String v = cell.attr(attribute);
        return v.isEmpty() ? 1 : Integer.parseInt(v);
    }

    private static Element headerCell(Element table, String text) {
        List<Element> found = table.select("th").stream().filter(th -> th.text().equals(text)).toList();
        assertThat(found).as("header cell %s", text).hasSize(1);
        return found.get(0);
    }

    @Test
    void isWellFormedXhtmlWithoutNamedEntities() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(HTML.getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
        assertThat(HTML).doesNotContain("&nbsp;");
    }

    @Test
    void sameInputGivesTheSameBytes() {
        ReportView again = ReportView.of(FORMAT, RenderFixtures.agency(), RenderFixtures.tables(), List.of());
        assertThat(new ReportRenderer(FORMAT, Templates.shipped()).html(again)).isEqualTo(HTML);
    }

    @Test
    void aTitleThatFitsOnOneLineIsNotBroken() {
        Agency town = new Agency("QP-LT", "练塘镇", "QP", "镇", null, null, null, null);
        ReportView view = ReportView.of(FORMAT, town, RenderFixtures.tables(), List.of());
        assertThat(view.titleWraps()).isFalse();
        assertThat(Jsoup.parse(new ReportRenderer(FORMAT, Templates.shipped()).html(view)).selectFirst("h1").html())
                .isEqualTo("练塘镇2023年政府信息公开工作年度报告");
    }

    @Test
    void titleAndTheSixHeadingsInLayoutOrder() {
        // too long for one line of the title: it breaks after the unit's name, not inside 年度报告
        assertThat(DOC.selectFirst("h1").html().replace("\n", "")).isEqualTo("上海市青浦区练塘镇人民政府<br>2023年政府信息公开工作年度报告");
        assertThat(DOC.title()).isEqualTo("上海市青浦区练塘镇人民政府2023年政府信息公开工作年度报告");
        assertThat(texts(DOC.select("h2"))).containsExactlyElementsOf(FORMAT.sections().stream().map(ReportFormat.Section::heading).toList());
        assertThat(texts(DOC.select("h2"))).containsExactly("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");
    }

    @Test
    void everyLabelOfTheLayoutIsPrintedExactlyInItsTable() {
        List<String> t2 = texts(table("table2").select("th"));
        for (ReportFormat.Table2Block block : FORMAT.table2().blocks()) {
            assertThat(t2).contains(block.article());
            block.columns().forEach(c -> assertThat(t2).contains(c.label()));
            block.rows().forEach(r -> assertThat(t2).contains(r.label()));
        }
        assertThat(t2.stream().filter(FORMAT.table2().firstColumnLabel()::equals)).hasSize(FORMAT.table2().blocks().size());

        List<String> t3 = texts(table("table3").select("th"));
        GridShape shape3 = FORMAT.table3Shape();
        assertThat(t3).contains(shape3.cornerNote(), shape3.columnGroupLabel());
        for (ReportFormat.Column c : shape3.columns()) {
            assertThat(t3).contains(c.label());
            if (c.group() != null) {
                assertThat(t3).contains(c.group());
            }
        }
        for (GridShape.Row r : shape3.rows()) {
            assertThat(t3).contains(r.label());
            r.groups().forEach(g -> assertThat(t3).contains(g));
        }

        List<String> t4 = texts(table("table4").select("th"));
        for (ReportFormat.Column kind : FORMAT.table4().kinds()) {
            assertThat(t4).contains(kind.label());
            if (kind.group() != null) {
                assertThat(t4).contains(kind.group());
            }
        }
        FORMAT.table4().columns().forEach(c -> assertThat(t4).contains(c.label()));
    }

    @Test
    void table2HasFourColumnsAndSingleValuesSpanThree() {
        Element t2 = table("table2");
        for (Element row : t2.select("tr")) {
            int width = row.children().stream().mapToInt(c -> span(c, "colspan")).sum();
            assertThat(width).as(row.text()).isEqualTo(4);
        }
        assertThat(t2.selectFirst("td[data-cell=table2.licensing.decisions]").attr("colspan")).isEqualTo("3");
        assertThat(t2.selectFirst("td[data-cell=table2.fees.amount_wan_yuan]").attr("colspan")).isEqualTo("3");
        assertThat(t2.selectFirst("td[data-cell=table2.regulations.made]").hasAttr("colspan")).isFalse();
        assertThat(headerCell(t2, "第二十条第（一）项").attr("colspan")).isEqualTo("4");
    }

    @Test
    void table3HeaderFollowsTheStatutoryDrawing() {
        Element t3 = table("table3");
        Element corner = t3.selectFirst("thead th.corner");
        assertThat(corner.text()).isEqualTo("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
        assertThat(corner.attr("rowspan")).isEqualTo("3");
        assertThat(corner.attr("colspan")).isEqualTo("3");
        assertThat(t3.select("thead tr")).hasSize(3);
        assertThat(headerCell(t3, "申请人情况").attr("colspan")).isEqualTo("7");
        assertThat(headerCell(t3, "自然人").attr("rowspan")).isEqualTo("2");
        assertThat(headerCell(t3, "法人或其他组织").attr("colspan")).isEqualTo("5");
        assertThat(headerCell(t3, "总计").attr("rowspan")).isEqualTo("2");
        assertThat(texts(t3.select("thead tr").get(2).select("th")))
                .containsExactly("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
    }

    @Test
    void table3BodyHasTwentyFiveRowsOfSevenNumbersUnderMergedLabels() {
        Element t3 = table("table3");
        Elements rows = t3.select("tbody tr");
        assertThat(rows).hasSize(25);
        for (Element row : rows) {
            assertThat(row.select("td.num")).hasSize(7);
            row.select("td.num").forEach(td -> assertThat(td.text()).matches("\\d+"));
            // every printed row is 3 label columns + 7 figures wide, counting cells spanning from above
        }
        assertThat(headerCell(t3, "三、本年度办理结果").attr("rowspan")).isEqualTo("22");
        assertThat(headerCell(t3, "（三）不予公开").attr("rowspan")).isEqualTo("8");
        assertThat(headerCell(t3, "（四）无法提供").attr("rowspan")).isEqualTo("3");
        assertThat(headerCell(t3, "（五）不予处理").attr("rowspan")).isEqualTo("5");
        assertThat(headerCell(t3, "（六）其他处理").attr("rowspan")).isEqualTo("3");
        assertThat(headerCell(t3, "一、本年新收政府信息公开申请数量").attr("colspan")).isEqualTo("3");
        assertThat(headerCell(t3, "（一）予以公开").attr("colspan")).isEqualTo("2");
        assertThat(headerCell(t3, "1.属于国家秘密").hasAttr("colspan")).isFalse();
        assertThat(headerCell(t3, "（七）总计").attr("colspan")).isEqualTo("2");
        assertThat(headerCell(t3, "四、结转下年度继续办理").attr("colspan")).isEqualTo("3");
        assertPrintedGridIsRectangular(t3, 10);
    }

    /** Lays out the rows with their row/col spans and checks that every row is exactly {@code width} wide. */
    private static void assertPrintedGridIsRectangular(Element table, int width) {
        Elements rows = table.select("tr");
        int[] carried = new int[width];
        for (Element row : rows) {
            int column = 0;
            for (Element cell : row.children()) {
                while (column < width && carried[column] > 0) {
                    column++;
                }
                int colspan = span(cell, "colspan");
                int rowspan = span(cell, "rowspan");
                for (int c = column; c < column + colspan; c++) {
                    assertThat(c).as("row %s overflows", row.text()).isLessThan(width);
                    carried[c] = rowspan;
                }
                column += colspan;
            }
            while (column < width && carried[column] > 0) {
                column++;
            }
            assertThat(column).as("row %s", row.text()).isEqualTo(width);
            for (int c = 0; c < width; c++) {
                carried[c] = Math.max(0, carried[c] - 1);
            }
        }
    }

    @Test
    void table4HeaderAndItsFifteenFigures() {
        Element t4 = table("table4");
        assertThat(t4.select("thead tr")).hasSize(3);
        assertThat(headerCell(t4, "行政复议").attr("colspan")).isEqualTo("5");
        assertThat(headerCell(t4, "行政诉讼").attr("colspan")).isEqualTo("10");
        assertThat(headerCell(t4, "未经复议直接起诉").attr("colspan")).isEqualTo("5");
        assertThat(headerCell(t4, "复议后起诉").attr("colspan")).isEqualTo("5");
        Elements second = t4.select("thead tr").get(1).select("th");
        assertThat(texts(second)).containsExactly("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉");
        second.stream().limit(5).forEach(th -> assertThat(th.attr("rowspan")).isEqualTo("2"));
        assertThat(t4.select("thead tr").get(2).select("th")).hasSize(10);
        assertThat(t4.select("tbody tr")).hasSize(1);
        assertThat(t4.select("tbody td.num")).hasSize(15);
        assertPrintedGridIsRectangular(t4, 15);
    }

    @Test
    void everyCellShowsItsTableValue() {
        List<String> refs = new ArrayList<>();
        FORMAT.table2().blocks().forEach(b -> b.rows().forEach(r -> b.columns().forEach(c -> refs.add("table2." + r.key() + "." + c.key()))));
        for (GridShape shape : List.of(FORMAT.table3Shape(), FORMAT.table4Shape())) {
            for (GridShape.Row r : shape.rows()) {
                for (int c = 0; c < shape.columns().size(); c++) {
                    refs.add(shape.cellRef(r.index(), c));
                }
            }
        }
        assertThat(refs).hasSize(10 + 175 + 15);
        assertThat(DOC.select("table td[data-cell]")).hasSize(refs.size());
        for (String ref : refs) {
            Element cell = DOC.selectFirst("table td[data-cell=" + ref + "]");
            assertThat(cell).as(ref).isNotNull();
            assertThat(new BigDecimal(cell.text())).as(ref).isEqualByComparingTo(TABLES.value(ref));
        }
        // spot checks against the fixture, so that resolve() is not trusted blindly
        assertThat(DOC.selectFirst("[data-cell=table3.granted.natural_person]").text()).isEqualTo("1");
        assertThat(DOC.selectFirst("[data-cell=table3.other_other.other]").text()).isEqualTo("126");
        assertThat(DOC.selectFirst("[data-cell=table3.total_processed.total]").text()).isEqualTo("8001");
        assertThat(DOC.selectFirst("[data-cell=table4.litigation_after_review.total]").text()).isEqualTo("40");
        assertThat(DOC.selectFirst("[data-cell=table2.licensing.decisions]").text()).isEqualTo("1234");
        assertThat(DOC.selectFirst("[data-cell=table2.normative_documents.valid]").text()).isEqualTo("57");
    }

    @Test
    void feeAmountIsPrintedExactly() {
        assertThat(DOC.selectFirst("td[data-cell=table2.fees.amount_wan_yuan]").text()).isEqualTo("5949.088667");
        assertThat(HTML).doesNotContain("1,234").doesNotContain("5,949");
    }

    @Test
    void everyNumberInTheNarrativeEqualsItsCells() {
        Elements figures = DOC.select("span.figure");
        assertThat(figures).hasSizeGreaterThan(20);
        for (Element figure : figures) {
            List<String> refs = Arrays.asList(figure.attr("data-cell").split(" "));
            BigDecimal sum = refs.stream().map(ref -> TABLES.value(ref)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(new BigDecimal(figure.text())).as(figure.attr("data-cell")).isEqualByComparingTo(sum);
            for (String ref : refs) {
                if (ref.startsWith("table")) {
                    assertThat(DOC.selectFirst("table td[data-cell=" + ref + "]")).as("a cell %s in a table", ref).isNotNull();
                }
            }
        }
        Element overview = DOC.getElementById("section-overview");
        String requests = DOC.select("h3:contains(（二）依申请公开) + p").text();
        assertThat(requests).startsWith("本年度新收政府信息公开申请6390件").contains("上年结转政府信息公开申请1668件")
                .contains("本年度办结8001件").contains("结转下年度继续办理57件");
        assertThat(overview).isNotNull();
        assertThat(DOC.select("span.figure[data-cell=table3.new_received.total]").text()).isEqualTo("6390");
    }

    @Test
    void otherMattersStateTheProcessingFee() {
        assertThat(DOC.selectFirst("span.figure[data-cell=processing_fees_yuan]").text()).isEqualTo("120.50");
        assertThat(DOC.text()).contains("收取信息处理费120.50元。");

        StatutoryTables noFees = RenderFixtures.tables("QP-LT", "上海市青浦区练塘镇人民政府", StatutoryTables.SCOPE_AGENCY, 1, null);
        Document none = Jsoup.parse(RENDERER.html(ReportView.of(FORMAT, RenderFixtures.agency(), noFees, List.of())));
        assertThat(none.text()).contains("本年度未收取信息处理费（0元）。");
    }

    @Test
    void narrativeWithoutRecordsIsMarkedToWriteAndTheReportIsADraft() {
        assertThat(VIEW.isDraft()).isTrue();
        Element banner = DOC.selectFirst(".draft-banner");
        assertThat(banner).isNotNull();
        assertThat(banner.text()).contains("草稿");
        assertThat(banner.select("li")).hasSize(VIEW.narrative().toWrite().size());
        assertThat(DOC.select(".to-write")).hasSize(VIEW.narrative().toWrite().size());
        assertThat(DOC.select(".to-write").first().text()).startsWith("【待填写：");
        assertThat(texts(DOC.select("h3"))).containsExactly("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障");
    }

    @Test
    void preambleStatesBasisPeriodPublicationAndContact() {
        String preamble = DOC.selectFirst(".preamble").text();
        assertThat(preamble).contains("《中华人民共和国政府信息公开条例》")
                .contains("《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）")
                .contains("由上海市青浦区练塘镇人民政府编制")
                .contains("2023年1月1日至2023年12月31日")
                .contains("https://www.example.gov.cn/lt/xxgk/ndbg/")
                .contains("练塘镇人民政府党政办公室").contains("地址：上海市青浦区练塘镇章练塘路1号").contains("电话：021-00000000");
        assertThat(DOC.selectFirst(".preamble a").attr("href")).isEqualTo("https://www.example.gov.cn/lt/xxgk/ndbg/");
    }

    @Test
    void preambleOmitsWhatIsNotKnown() {
        Document bare = Jsoup.parse(RENDERER.html(ReportView.of(FORMAT, RenderFixtures.agencyWithoutContacts(), TABLES, List.of())));
        String preamble = bare.selectFirst(".preamble").text();
        assertThat(preamble).contains("2023年1月1日至2023年12月31日")
                .doesNotContain("电子版").doesNotContain("联系").doesNotContain("地址").doesNotContain("电话");
        assertThat(bare.select(".preamble a")).isEmpty();
    }

    @Test
    void phoneOnlyContactIsPrintedAlone() {
        var agency = new Agency("QP-LT", "上海市青浦区练塘镇人民政府", null, null, null, null, null, "021-00000001");
        String preamble = Jsoup.parse(RENDERER.html(ReportView.of(FORMAT, agency, TABLES, List.of()))).selectFirst(".preamble").text();
        assertThat(preamble).contains("电话：021-00000001").doesNotContain("地址").doesNotContain("请与");
    }

    @Test
    void summaryReportNamesTheUnitsItCombines() {
        StatutoryTables summary = RenderFixtures.tables("QP-LT", "上海市青浦区练塘镇人民政府", StatutoryTables.SCOPE_SUMMARY, 1, null);
        List<String> units = List.of("上海市青浦区练塘镇人民政府", "练塘镇社区事务受理服务中心", "练塘镇城市运行管理中心");
        Document doc = Jsoup.parse(RENDERER.html(ReportView.of(FORMAT, RenderFixtures.agency(), summary, units)));
        String preamble = doc.selectFirst(".preamble").text();
        assertThat(preamble).contains("汇总编制").contains("以下3个单位")
                .contains("上海市青浦区练塘镇人民政府、练塘镇社区事务受理服务中心、练塘镇城市运行管理中心。");
        assertThat(DOC.selectFirst(".preamble").text()).doesNotContain("汇总");
    }

    @Test
    void pageIsSelfContainedReadableOnAPhoneAndPrintable() {
        assertThat(DOC.selectFirst("meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(DOC.select("link[rel=stylesheet], script[src], img")).isEmpty();
        String css = DOC.selectFirst("style").data();
        assertThat(css).contains("font-family: 'FangSong', '仿宋', 'STFangsong', 'LXGW WenKai', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Sans SC', serif;")
                .contains("margin: 37mm 26mm 35mm 28mm").contains("font-size: 16pt").contains("font-size: 22pt")
                .contains("size: A4").contains("counter(page)").contains("-fs-table-paginate: paginate").contains("@media screen");
        for (String t : List.of("table3", "table4")) {
            assertThat(table(t).parent().hasClass("table-wrap")).isTrue();
            assertThat(table(t).selectFirst("thead")).isNotNull();
        }
    }

    @Test
    void aTemplateDirectoryOverridesTheShippedTemplates(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("report.ftlh"), "<p>${view.title()} ${view.tables.table3.get('new_received', 'total')}</p>");
        assertThat(new ReportRenderer(FORMAT, new Templates(dir)).html(VIEW)).isEqualTo("<p>上海市青浦区练塘镇人民政府2023年政府信息公开工作年度报告 6390</p>");
    }
}
