package org.disclosurereports.cli;

import org.disclosurereports.core.layout.ReportFormats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import} and {@code audit} on reports as published (HTML, PDF), one at a time and a folder at once. */
class PublishedAuditCommandTest {

    static final Path PUBLISHED = Path.of("src/test/resources/published");
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final AuditCommand audit = new AuditCommand(ReportFormats.shipped(), null,
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path temp;

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBrokenPdfIsFlaggedWithThePageRowAndColumnOfEachCell() {
        ExitCode code = audit.execute(new Options("audit", Map.of("pdf", PUBLISHED.resolve("libreoffice-2023-broken.pdf").toString()), Set.of()));
        assertThat(code).isEqualTo(ExitCode.BLOCKING_FINDINGS);
        assertThat(stdout()).contains("BLOCKING  D   table4.litigation_after_review.total")
                .contains("at 表四, column “行政诉讼·复议后起诉·总计” (page 3,")
                .contains("BLOCKING  F   table3.new_received.total")
                .contains("at 表三, row “一、本年新收政府信息公开申请数量”, column “申请人情况·总计” (page 1,");
    }

    @Test
    void aCleanPageFromWordPasses() {
        ExitCode code = audit.execute(new Options("audit", Map.of("html", PUBLISHED.resolve("word-2023.html").toString()), Set.of()));
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(stdout()).contains("0 blocking");
    }

    @Test
    void aFolderOfMixedReportsGivesOneFindingsFileEachAndTheSummary() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("reports"));
        try (var files = Files.list(PUBLISHED)) {
            for (Path f : files.filter(f -> !f.toString().endsWith(".json")).toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        Path results = temp.resolve("results");
        ExitCode code = audit.execute(new Options("audit", Map.of("published", folder.toString(), "out", results.toString()), Set.of()));
        assertThat(code).isEqualTo(ExitCode.BLOCKING_FINDINGS);
        List<String> csv = Files.readAllLines(results.resolve("summary.csv"));
        assertThat(csv.get(0)).endsWith("file,agency,year,kind,format,cells_read,cells_unreadable,cells_blank,blocking,warnings,result,findings_file");
        assertThat(csv.subList(1, csv.size())).containsExactly(
                "cms-2023-broken.html,某区人民政府,2023,html,gov-2021-30,174,25,1,2,26,blocking,cms-2023-broken.html.findings.json",
                "libreoffice-2023-broken.pdf,某区人民政府,2023,pdf,gov-2021-30,200,0,0,2,0,blocking,libreoffice-2023-broken.pdf.findings.json",
                "libreoffice-2023.pdf,某区人民政府,2023,pdf,gov-2021-30,199,0,1,0,1,warnings,libreoffice-2023.pdf.findings.json",
                "renderer-2024.pdf,示例区规划和自然资源局,2024,pdf,gov-2021-30,200,0,0,0,0,passed,renderer-2024.pdf.findings.json",
                "word-2023.html,某区人民政府,2023,html,gov-2021-30,198,0,2,0,2,warnings,word-2023.html.findings.json");
        String html = Files.readString(results.resolve("summary.html"));
        assertThat(html).contains("共 5 份报告，其中 2 份有阻断性问题").contains("<td>libreoffice-2023-broken.pdf</td>");
        String findings = Files.readString(results.resolve("cms-2023-broken.html.findings.json"));
        assertThat(findings).contains("\"printed_at\"").contains("表四, column “行政复议·总计”").contains("\"format\": \"gov-2021-30\"");
    }

    @Test
    void lastYearsReportInTheFolderIsFoundByAgencyAndYear() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("two-years"));
        Files.copy(PUBLISHED.resolve("word-2023.html"), folder.resolve("word-2023.html"));
        // The same page said to be of 2022: its 结转下年度 (27 in total) is not the 2023 上年结转 (18), so E1 fails.
        Charset gb = Charset.forName("GB2312");
        Files.writeString(folder.resolve("word-2022.html"),
                Files.readString(PUBLISHED.resolve("word-2023.html"), gb).replace("2023年", "2022年"), gb);
        ExitCode code = audit.execute(new Options("audit", Map.of("published", folder.toString()), Set.of()));
        assertThat(code).isEqualTo(ExitCode.BLOCKING_FINDINGS);
        assertThat(stdout()).contains("(against word-2022.html)");
        String findings = Files.readString(folder.resolve("audit/word-2023.html.findings.json"));
        assertThat(findings).contains("\"rule\": \"E1\"").contains("\"cell\": \"table3.carried_over.total\"")
                .contains("\"previous_year\": 2022");
    }

    @Test
    void importWritesTablesJsonWithNullForBlankCells() throws Exception {
        Path target = temp.resolve("tables.json");
        ExitCode code = new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(new Options("import", Map.of("html", PUBLISHED.resolve("cms-2023-broken.html").toString(), "out", target.toString()), Set.of()));
        assertThat(code).isEqualTo(ExitCode.OK);
        String json = Files.readString(target);
        assertThat(json).contains("\"schema\": \"disclosure-tables/v1\"").contains("\"format\": \"gov-2021-30\"")
                .contains("\"granted\": [80, 3, null, 0, 1, 0, null]")
                .contains("\"text\": \"表三“总计”\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Not matched: 表三“总计”: the column is not printed");
    }
}
