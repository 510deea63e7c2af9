package org.disclosurereports.job;

import org.disclosurereports.cli.AuditCommand;
import org.disclosurereports.cli.ExitCode;
import org.disclosurereports.cli.Options;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.support.SampleData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit side of a run on the demo data: every generated report passes every rule, the evidence
 * leads from each figure to its records, the manifest hashes what was written, two runs give the same
 * bytes, and {@code audit --agency --year} compares a published file with the records.
 */
@SpringBootTest
@SpringBatchTest
// As AnnualReportJobContract: the same settings, so the test classes share one Spring context.
@TestPropertySource(properties = "disclosure.build.partitions=2")
abstract class AuditedRunContract {

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    InputSchema schema;
    @Autowired
    ReportFormat format;
    @Autowired
    AuditCommand auditCommand;

    @TempDir
    Path out;

    /** Kept off the test class: Spring Batch's test listener takes methods returning a JobExecution for factories. */
    final class Launcher {
        JobExecution run(int year, Path outDir) throws Exception {
            return run(SampleData.DIR, year, outDir);
        }

        JobExecution run(Path data, int year, Path outDir) throws Exception {
            InputSet inputs = new InputInspector(schema).inspect(data, null);
            RunParameters p = new RunParameters(inputs.directory(), year, outDir, RunParameters.ALL_AGENCIES, inputs.digest(),
                    inputs.encodings(), 0);
            return jobs.startJob(RunIdentity.of(p).jobParameters());
        }
    }

    private final Launcher launcher = new Launcher();

    private static List<Path> reportDirs(Path yearDir) throws Exception {
        try (Stream<Path> s = Files.list(yearDir)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("tables.json"))).sorted().toList();
        }
    }

    @Test
    void tablesJsonNamesTheRecordSetsOfItsOwnUnitSoAnotherUnitsChangeLeavesItAlone() throws Exception {
        Path data = SampleData.copyTo(out.resolve("data"));
        assertThat(launcher.run(data, 2024, out.resolve("before")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JsonNode jd1 = TablesJson.JSON.readTree(out.resolve("before/2024/SL-JD1/tables.json").toFile()).get(TablesJson.SOURCES);
        assertThat(jd1.fieldNames()).toIterable().containsExactly("filings", "enforcement", "applications", "appeals");
        long jd1Applications2024 = Files.readAllLines(data.resolve("applications.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(",SL-JD1,2024")).count();
        assertThat(jd1.get("applications").get("records").asLong()).isGreaterThanOrEqualTo(jd1Applications2024).isPositive();
        assertThat(jd1.get("applications").get("files")).extracting(JsonNode::asText).containsExactly("applications.csv");
        assertThat(jd1.get("applications").get("sha256").asText()).matches("[0-9a-f]{64}");
        JsonNode summary = TablesJson.JSON.readTree(out.resolve("before/2024/SL/summary/tables.json").toFile()).get(TablesJson.SOURCES);
        assertThat(summary.get("SL-JD1")).isEqualTo(jd1);

        // One of SL-JD1's applications is closed a day later: only its record set, and the summaries over it, change.
        Path applications = data.resolve("applications.csv");
        String csv = Files.readString(applications, StandardCharsets.UTF_8);
        String row = "CD2024-02,SL-JD1,2024年3月20日,自然人,2024年4月10日,";
        assertThat(csv).contains(row);
        Files.writeString(applications, csv.replace(row, "CD2024-02,SL-JD1,2024年3月20日,自然人,2024年4月11日,"), StandardCharsets.UTF_8);
        assertThat(launcher.run(data, 2024, out.resolve("after")).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        for (Path dir : reportDirs(out.resolve("before/2024"))) {
            Path after = out.resolve("after/2024").resolve(dir.getFileName()).resolve("tables.json");
            if (dir.getFileName().toString().equals("SL-JD1")) {
                JsonNode changed = TablesJson.JSON.readTree(after.toFile()).get(TablesJson.SOURCES);
                assertThat(changed.get("applications").get("sha256")).isNotEqualTo(jd1.get("applications").get("sha256"));
                for (String kind : List.of("filings", "enforcement", "appeals")) {
                    assertThat(changed.get(kind)).as(kind).isEqualTo(jd1.get(kind));
                }
            } else {
                assertThat(Files.readAllBytes(after)).as(dir.getFileName().toString()).isEqualTo(Files.readAllBytes(dir.resolve("tables.json")));
            }
        }
    }

    @Test
    void everyGeneratedReportPassesEveryRuleAndItsFiguresLeadToTheirRecords() throws Exception {
        assertThat(launcher.run(2024, out).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Path> dirs = reportDirs(out.resolve("2024"));
        assertThat(dirs).hasSize((int) SampleData.agencyCodes(2024).count());
        Set<String> applicationIds = new HashSet<>();
        for (String line : Files.readAllLines(SampleData.DIR.resolve("applications.csv"), StandardCharsets.UTF_8).subList(1, 10)) {
            applicationIds.add(line.split(",")[0]);
        }
        for (Path dir : dirs) {
            JsonNode v = TablesJson.JSON.readTree(dir.resolve("validation.json").toFile());
            assertThat(v.get("result").asText()).as(dir.toString()).isEqualTo("passed");
            assertThat(v.get("findings")).isEmpty();
            for (JsonNode rule : v.get("rules")) {
                String id = rule.get("id").asText();
                if (List.of("A", "B", "C", "D", "E1", "E2", "F", "N1", "N2", "N3", "Y1").contains(id)) {
                    assertThat(rule.get("applied").asBoolean()).as(id).isTrue();
                    assertThat(rule.get("checked").asInt()).as(id).isPositive();
                    assertThat(rule.get("passed").asInt()).as(id).isEqualTo(rule.get("checked").asInt());
                }
            }
            assertThat(Files.readString(dir.resolve("validation.html"))).contains("全部规则核验通过");
            // The report is what gets published; validation.html is not, so only the index links to it.
            assertThat(Files.readString(dir.resolve("report.html"))).doesNotContain("validation.html");

            // Evidence: the number of distinct records behind each count cell of table 三 is the cell.
            JsonNode t = TablesJson.JSON.readTree(dir.resolve("tables.json").toFile());
            Map<String, Set<String>> records = new HashMap<>();
            List<String> lines = Files.readAllLines(dir.resolve("evidence/table3.csv"), StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo("cell,table,row,column,value,record_id");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                records.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[5]);
            }
            List<String> columns = new ArrayList<>();
            t.get("table3").get("columns").forEach(c -> columns.add(c.asText()));
            boolean fromReturn = "return".equals(t.path("data_source").asText());
            t.get("table3").get("rows").fields().forEachRemaining(row -> {
                for (int c = 0; c < columns.size(); c++) {
                    String ref = "table3." + row.getKey() + "." + columns.get(c);
                    int value = row.getValue().get(c).asInt();
                    if (!fromReturn) {
                        assertThat(records.getOrDefault(ref, Set.of())).as(ref).hasSize(value);
                    } else if (value > 0 && !columns.get(c).equals("total") && !row.getKey().equals("total_processed")) {
                        // A submitted return has no case records: the trail is the return line that gave the figure.
                        assertThat(records.getOrDefault(ref, Set.of())).as(ref).isNotEmpty()
                                .allMatch(id -> id.startsWith("returns_table3.csv"));
                    }
                }
            });
            String drill = Files.readString(dir.resolve("evidence/index.html"));
            assertThat(drill).contains("内部资料", "不得公开发布");
            // The published files carry no internal ids; the evidence does.
            for (String published : List.of("report.html", "tables.json")) {
                String text = Files.readString(dir.resolve(published));
                assertThat(applicationIds).noneMatch(text::contains);
                assertThat(text).doesNotContain("evidence/");
            }
        }
        String sl = Files.readString(out.resolve("2024/SL/evidence/table3.csv"));
        assertThat(sl).containsPattern("\nSL/|,SL/YSQ2024");
        String index = Files.readString(out.resolve("2024/index.html"));
        assertThat(index).contains("SL/validation.html", "SL/evidence/index.html", "溯源（内部）");
    }

    @Test
    void theManifestHashesEveryInputAndOutputAndTwoRunsGiveTheSameBytes() throws Exception {
        Path a = out.resolve("a");
        Path b = out.resolve("b");
        assertThat(launcher.run(2024, a).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(launcher.run(2024, b).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JsonNode manifest = TablesJson.JSON.readTree(a.resolve("2024/manifest.json").toFile());
        assertThat(manifest.get("schema").asText()).isEqualTo(RunManifest.SCHEMA);
        assertThat(manifest.get("job").get("parameters").get("year").asInt()).isEqualTo(2024);
        assertThat(manifest.get("job").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(manifest.get("software").get("version").asText()).isNotBlank();
        assertThat(manifest.get("started").asText()).isNotBlank();
        // Every record file of the sample, and every work-plan and narrative file.
        long textInputs;
        try (var tree = Files.walk(SampleData.DIR)) {
            textInputs = tree.filter(Files::isRegularFile).map(f -> SampleData.DIR.relativize(f).toString())
                    .filter(f -> f.startsWith("workplans/") || f.startsWith("narrative/")).count();
        }
        assertThat(manifest.get("inputs")).hasSize(SampleData.loadCounts().size() + (int) textInputs);
        for (JsonNode in : manifest.get("inputs")) {
            assertThat(in.get("sha256").asText()).isEqualTo(RunManifest.sha256(SampleData.DIR.resolve(in.get("file").asText())));
        }
        Set<String> listed = new HashSet<>();
        for (JsonNode o : manifest.get("outputs")) {
            listed.add(o.get("file").asText());
            assertThat(o.get("sha256").asText()).as(o.get("file").asText())
                    .isEqualTo(RunManifest.sha256(a.resolve("2024").resolve(o.get("file").asText())));
        }
        try (Stream<Path> files = Files.walk(a.resolve("2024"))) {
            Set<String> present = new HashSet<>();
            // Dot files are bookkeeping (temporary names, the nightly fingerprints), not outputs.
            files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .forEach(f -> present.add(a.resolve("2024").relativize(f).toString()));
            present.remove(RunManifest.FILE);
            // The runs' own provenance is named by the manifest's job and run_summary, not as outputs.
            present.removeIf(f -> f.startsWith(RunManifest.RUNS_DIR + "/"));
            assertThat(listed).isEqualTo(present);
            assertThat(manifest.get("run_summary").get("sha256").asText())
                    .isEqualTo(RunManifest.sha256(a.resolve("2024").resolve(manifest.get("run_summary").get("file").asText())));
        }
        assertThat(listed).contains("run-summary.json", "index.html", "SL/report.pdf", "SL/validation.json", "SL/evidence/table3.csv");

        // Reproducibility: the same inputs give byte-identical tables.json, report.html and report.pdf.
        for (Path dir : reportDirs(a.resolve("2024"))) {
            Path other = b.resolve("2024").resolve(dir.getFileName());
            for (String f : List.of("tables.json", "report.html", "report.pdf", "validation.json", "evidence/table3.csv")) {
                assertThat(Files.readAllBytes(other.resolve(f))).as(dir.getFileName() + "/" + f).isEqualTo(Files.readAllBytes(dir.resolve(f)));
            }
        }
    }

    @Test
    void auditAgainstTheRecordsListsEveryDifferingCell() throws Exception {
        assertThat(launcher.run(2024, out).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path tables = out.resolve("2024/SL/tables.json");
        assertThat(auditCommand.execute(new Options("audit", Map.of("tables", tables.toString(), "agency", "SL", "year", "2024"), Set.of())))
                .isEqualTo(ExitCode.OK);

        // A published copy with one count changed (and its totals with it, so only the records can tell) and one blank.
        ObjectNode t = (ObjectNode) TablesJson.JSON.readTree(tables.toFile());
        var granted = (ArrayNode) t.get("table3").get("rows").get("granted");
        var processed = (ArrayNode) t.get("table3").get("rows").get("total_processed");
        var forward = (ArrayNode) t.get("table3").get("rows").get("carried_forward");
        granted.set(0, granted.get(0).asInt() + 1);
        granted.set(6, granted.get(6).asInt() + 1);
        processed.set(0, processed.get(0).asInt() + 1);
        processed.set(6, processed.get(6).asInt() + 1);
        forward.set(0, forward.get(0).asInt() - 1);
        forward.set(6, forward.get(6).asInt() - 1);
        ((ObjectNode) t.get("table2").get("licensing")).putNull("decisions");
        Path changed = out.resolve("published.json");
        Files.write(changed, TablesJson.JSON.writeValueAsBytes(t));
        Path json = out.resolve("validation.json");

        ExitCode code = auditCommand.execute(new Options("audit",
                Map.of("tables", changed.toString(), "agency", "SL", "year", "2024", "json", json.toString()), Set.of()));
        assertThat(code).isEqualTo(ExitCode.BLOCKING_FINDINGS);
        JsonNode v = TablesJson.JSON.readTree(json.toFile());
        List<String> r1 = new ArrayList<>();
        for (JsonNode f : v.get("findings")) {
            if (f.get("rule").asText().equals("R1")) {
                r1.add(f.get("cell").asText());
            }
        }
        assertThat(r1).containsExactly("table2.licensing.decisions", "table3.granted.natural_person", "table3.granted.total",
                "table3.total_processed.natural_person", "table3.total_processed.total", "table3.carried_forward.natural_person",
                "table3.carried_forward.total");
        assertThat(auditCommand.execute(new Options("audit", Map.of("tables", tables.toString(), "agency", "NOPE", "year", "2024"), Set.of())))
                .isEqualTo(ExitCode.INPUT_REFUSED);
    }
}
