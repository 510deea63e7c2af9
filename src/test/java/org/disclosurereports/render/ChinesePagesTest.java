package org.disclosurereports.render;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.rules.Auditor;
import org.disclosurereports.core.rules.Validation;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurereports.render.RenderFixtures.FORMAT;

/**
 * The Chinese pages speak Chinese and cite the statutory notice: no English sentence, no internal file
 * or spec section in what a reader sees (technical detail, where kept, is folded away and marked so).
 */
class ChinesePagesTest {

    /** Three English words in a row: a sentence, not a key or a file name. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+");

    private static String visibleText(String html) {
        Document d = Jsoup.parse(html);
        d.select("details, style, script").remove();
        return d.body().text();
    }

    @Test
    void theValidationPageCitesTheNoticeInChinese() {
        // A unit's report without last year's: the cross-year and roll-up rules are not applied, and say why.
        Validation v = Auditor.shipped(FORMAT).audit(Auditor.Subject.of(PublishedTables.of(FORMAT, RenderFixtures.tables())));
        String text = visibleText(new AuditPages(Templates.shipped()).validation(v));
        assertThat(text).contains("国办公开办函〔2021〕30号").contains("不是汇总报告").contains("没有上年度报告可供比较")
                .doesNotContain("annual-report-format").doesNotContain("§").doesNotContain("第5节")
                .doesNotContain("rules.yaml").doesNotContain("not a summary");
        assertThat(ENGLISH.matcher(text).find()).as(text).isFalse();
    }

    @Test
    void theIndexGivesFailedReportsReasonsInChineseAndTellsATemplateFromData() {
        List<IndexPage.FailedReport> failed = List.of(
                new IndexPage.FailedReport("SL-A", "示例局", false,
                        "template /tmp/t/report.ftlh, line 12, column 5: The following has evaluated to null or missing"),
                new IndexPage.FailedReport("SL", "示例区", true,
                        "incomplete: no report for SL-A, SL-B (its build failed), so the summary would be short of it"),
                new IndexPage.FailedReport("SL-B", "示例所", false, "SL-B 2024: both records and a return for 2024"));
        String html = new IndexPage(FORMAT, Templates.shipped()).html(2024, List.of(), List.of(), failed, Map.of());
        String text = visibleText(html);
        assertThat(text).contains("页面模板有误：/tmp/t/report.ftlh 第12行第5列").contains("数据无需修改")
                .contains("所汇总的单位（SL-A、SL-B）的报告未能生成")
                .contains("该单位的数据有误")
                .doesNotContain("因数据问题");
        assertThat(ENGLISH.matcher(text).find()).as(text).isFalse();
        // The recorded reason is still there, folded away as technical detail.
        assertThat(Jsoup.parse(html).select("details code").eachText()).hasSize(3);
    }

    @Test
    void theScorecardNamesNoInternalFile(@TempDir Path unused) {
        String district = visibleText(new ScorecardPage(Templates.shipped()).district(2024, List.of()));
        assertThat(district).doesNotContain("scorecard.json");
    }

    @Test
    void theReportDoesNotLinkToTheUnpublishedValidationPage() {
        String html = new ReportRenderer(FORMAT, Templates.shipped()).html(ReportView.of(FORMAT, RenderFixtures.agency(), RenderFixtures.tables(), List.of()));
        assertThat(html).doesNotContain("validation.html");
    }
}
