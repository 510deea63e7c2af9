package org.disclosurereports.cli;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.core.rules.Auditor;
import org.disclosurereports.core.rules.Finding;
import org.disclosurereports.core.rules.Validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audit} on published reports as printed: the two published reports the issue cites are flagged
 * with exactly the cited cells, a clean one passes.
 */
class AuditCommandTest {

    static final Path FIXTURES = Path.of("src/test/resources/audit");
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final AuditCommand command = new AuditCommand(ReportFormats.shipped(), null,
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path temp;

    ExitCode audit(String... kv) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put(kv[i], kv[i + 1].endsWith(".json") && !kv[i].equals("json") ? FIXTURES.resolve(kv[i + 1]).toString() : kv[i + 1]);
        }
        return command.execute(new Options("audit", values, Set.of()));
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theReviewTotalsPrintedAsZeroAreFlaggedAtExactlyThoseTwoCells() throws Exception {
        Path json = temp.resolve("v.json");
        assertThat(audit("tables", "published-2023-review-totals.json", "json", json.toString())).isEqualTo(ExitCode.BLOCKING_FINDINGS);
        assertThat(ExitCode.BLOCKING_FINDINGS.code()).isEqualTo(5);
        assertThat(stdout()).contains("BLOCKING  D   table4.review.total  expected 11, actual 0")
                .contains("BLOCKING  D   table4.litigation_after_review.total  expected 5, actual 0")
                .contains("表四“行政复议”行：总计 0，但 结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11")
                .contains("2 blocking, 0 warnings");
        Validation v = Auditor.shipped(ReportFormat.current()).audit(Auditor.Subject.of(
                TablesJson.readAsPrinted(FIXTURES.resolve("published-2023-review-totals.json"), ReportFormat.current())));
        assertThat(v.findings()).extracting(Finding::cell)
                .containsExactly("table4.review.total", "table4.litigation_after_review.total");
        assertThat(Files.readString(json)).contains("\"result\": \"blocking\"", "\"cell\": \"table4.review.total\"");
    }

    @Test
    void theNormativeDocumentsReportIsFlaggedInItsTextAndWarnedAcrossYears() throws Exception {
        assertThat(audit("tables", "published-2023-normative.json", "previous", "published-2022-normative.json"))
                .isEqualTo(ExitCode.BLOCKING_FINDINGS);
        Validation v = Auditor.shipped(ReportFormat.current()).audit(Auditor.Subject.of(
                        TablesJson.readAsPrinted(FIXTURES.resolve("published-2023-normative.json"), ReportFormat.current()))
                .withPrevious(TablesJson.readAsPrinted(FIXTURES.resolve("published-2022-normative.json"), ReportFormat.current())));
        assertThat(v.findings()).extracting(f -> f.rule() + " " + f.cell() + " " + f.expected() + " " + f.actual())
                .containsExactly("E2 table2.normative_documents.valid 643 470", "F table2.normative_documents.valid 470 393");
        assertThat(v.blocking()).extracting(Finding::rule).containsExactly("F");
        assertThat(stdout()).contains("WARNING   E2  table2.normative_documents.valid  expected 643, actual 470")
                .contains("BLOCKING  F   table2.normative_documents.valid  expected 470, actual 393");
    }

    @Test
    void aPublished2020ReportIsReadInThe2019LayoutAndComparedWith2021OnSharedCellsOnly() throws Exception {
        Path json = temp.resolve("v2020.json");
        // No format field: the year 2020 chooses gov-2019-60, with its 本年增/减 (negative here) and one （六）其他处理.
        assertThat(audit("tables", "published-2020-trial.json", "json", json.toString())).isEqualTo(ExitCode.OK);
        assertThat(stdout()).contains("0 blocking, 0 warnings");
        assertThat(Files.readString(json)).contains("\"result\": \"passed\"");

        out.reset();
        Path across = temp.resolve("v2021.json");
        assertThat(audit("tables", "published-2021-after-trial.json", "previous", "published-2020-trial.json",
                "json", across.toString())).isEqualTo(ExitCode.OK);
        String v = Files.readString(across);
        assertThat(v).contains("\"previous_year\": 2020")
                .contains("cells not in both layouts (gov-2021-30, previous year gov-2019-60), not compared: previous:table2.regulations.valid");

        // A hand-typed 总计 of （六）其他处理 that is not the sum of its columns: identity A of the 2019 layout.
        Path typed = temp.resolve("typed.json");
        Files.writeString(typed, Files.readString(FIXTURES.resolve("published-2020-trial.json"))
                .replaceFirst("(\"other_processing\": \\[[^\\]]*, )(\\d+)\\]", "$19]"));
        out.reset();
        assertThat(audit("tables", typed.toString())).isEqualTo(ExitCode.BLOCKING_FINDINGS);
        assertThat(stdout()).contains("BLOCKING  A   table3.other_processing.total");
    }

    @Test
    void aCleanPublishedReportPassesWithAndWithoutLastYear() {
        assertThat(audit("tables", "published-2023-clean.json")).isEqualTo(ExitCode.OK);
        assertThat(audit("tables", "published-2023-clean.json", "previous", "published-2022-normative.json")).isEqualTo(ExitCode.OK);
        assertThat(stdout()).contains("0 blocking, 0 warnings, 0 could not be checked (blank cells). Result: passed.");
    }

    @Test
    void warningsAloneExitZero() throws Exception {
        String clean = Files.readString(FIXTURES.resolve("published-2023-clean.json"));
        Path blank = temp.resolve("blank.json");
        Files.writeString(blank, clean.replace("\"coercion\": {\n      \"decisions\": 38", "\"coercion\": {\n      \"decisions\": null"));
        assertThat(audit("tables", blank.toString())).isEqualTo(ExitCode.OK);
        assertThat(stdout()).contains("WARNING   N3  table2.coercion.decisions").contains("Result: warnings.");
    }

    @Test
    void anUnreadableOrForeignFileIsRefusedWithExitThree() throws Exception {
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, "{\"schema\": \"disclosure-tables/v1\", \"table4\": {\"review\": {\"upheld\": \"十\"}}}");
        assertThat(audit("tables", bad.toString())).isEqualTo(ExitCode.INPUT_REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("table4.review.upheld has value '十'");
        assertThat(audit("tables", "published-2023-clean.json", "previous", "published-2023-normative.json")).isEqualTo(ExitCode.INPUT_REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--previous is the report of 2023, not of 2022");
    }

    @Test
    void aMissingFileIsNamedAsMissingNotAsBadJson() {
        Path missing = temp.resolve("missing.json");
        assertThat(audit("tables", missing.toString())).isEqualTo(ExitCode.INPUT_REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tables " + missing + ": the file does not exist")
                .doesNotContain("JSON");
        err.reset();
        assertThat(audit("tables", "published-2023-clean.json", "previous", missing.toString())).isEqualTo(ExitCode.INPUT_REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--previous " + missing + ": the file does not exist");
        err.reset();
        assertThat(audit("tables", temp.toString())).isEqualTo(ExitCode.INPUT_REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is a directory");
    }
}
