package org.disclosurereports.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorecards come from {@code scorecard.ftlh} of the run's templates, like every other page. */
class ScorecardPageTest {

    private static final List<Map<String, Object>> UNITS = List.of(Map.ofEntries(Map.entry("name", "示例局"), Map.entry("code", "SL-A"),
            Map.entry("draft", false), Map.entry("applicable", 3L), Map.entry("met", 2L), Map.entry("not_met", 1L),
            Map.entry("no_data", 0L), Map.entry("closed", 9L), Map.entry("late", 3L), Map.entry("open_overdue", 1L),
            Map.entry("overdue", 4L), Map.entry("median_days", "7"), Map.entry("longest_days", "31"),
            Map.entry("missed", List.of("培训不少于1次")), Map.entry("findings", List.<String>of())));

    @Test
    void theShippedTemplateDrawsTheDistrictCharts() {
        String html = new ScorecardPage(Templates.shipped()).district(2024, UNITS);
        assertThat(html).contains("2024年政务公开工作要点落实及答复时限情况（全区）")
                // 2 of 3 targets met on a 360-unit scale after a short label: 240 wide, then the missed one (120) beside it
                .contains("<rect x=\"150\" y=\"10\" width=\"240\" height=\"20\" class=\"ok\">")
                .contains("<rect x=\"390\" y=\"10\" width=\"120\" height=\"20\" class=\"late\">");
    }

    @Test
    void aTemplateDirectoryReplacesTheScorecardAndLeavesTheOtherPagesShipped(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("scorecard.ftlh"), "<p>${year?c}: <#list targetBars as b>${b.label} ${b.total}</#list></p>");
        Templates templates = new Templates(dir);
        assertThat(new ScorecardPage(templates).district(2024, UNITS)).isEqualTo("<p>2024: 示例局 2/3</p>");
        // index.ftlh is not in the directory: the shipped one is used.
        assertThat(new IndexPage(RenderFixtures.FORMAT, templates).html(2024, List.of(), List.of()))
                .contains("2024年政府信息公开工作年度报告");
    }

    @Test
    void theLongestUnitNameFitsLeftOfTheBars() {
        String name = "示例区市场监督管理局新河市场监督管理所";
        List<Map<String, Object>> units = List.of(Map.ofEntries(Map.entry("name", name), Map.entry("code", "SL-X"),
                Map.entry("draft", false), Map.entry("applicable", 3L), Map.entry("met", 2L), Map.entry("not_met", 1L),
                Map.entry("no_data", 0L), Map.entry("closed", 9L), Map.entry("late", 3L), Map.entry("open_overdue", 1L),
                Map.entry("overdue", 4L), Map.entry("median_days", "7"), Map.entry("longest_days", "31"),
                Map.entry("missed", List.<String>of()), Map.entry("findings", List.<String>of())));
        String html = new ScorecardPage(Templates.shipped()).district(2024, units);
        // The label ends 8 units left of the first bar and is drawn right-aligned: it needs 13 units a character.
        Matcher label = Pattern.compile("<text x=\"(\\d+)\"[^>]*text-anchor=\"end\"[^>]*>" + name).matcher(html);
        assertThat(label.find()).isTrue();
        assertThat(Integer.parseInt(label.group(1))).isGreaterThanOrEqualTo(name.length() * 13);
    }
}
