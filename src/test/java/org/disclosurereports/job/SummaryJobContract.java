package org.disclosurereports.job;

import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.support.SampleData;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job on summary reports over the agency tree, submitted returns, units without
 * data, and units that fail without stopping the others. Run on H2 and MySQL by the subclasses.
 */
@SpringBootTest
@SpringBatchTest
// As AnnualReportJobContract: the same settings, so the test classes share one Spring context.
@TestPropertySource(properties = "disclosure.build.partitions=2")
abstract class SummaryJobContract {

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    InputSchema schema;

    @TempDir
    Path out;

    /** Kept off the test class: Spring Batch's test listener takes a method returning JobExecution for a factory. */
    final class Launcher {
        JobExecution run(Path data, int year, Path outDir) throws Exception {
            InputSet inputs = new InputInspector(schema).inspect(data, null);
            RunParameters p = new RunParameters(inputs.directory(), year, outDir, RunParameters.ALL_AGENCIES, inputs.digest(), inputs.encodings(), 0);
            return jobs.startJob(RunIdentity.of(p).jobParameters());
        }

        /** A 2024 run of all agencies; a rerun stamp other than 0 makes a new run of inputs already run. */
        JobExecution run(Path data, Path outDir, long rerun) throws Exception {
            InputSet inputs = new InputInspector(schema).inspect(data, null);
            RunParameters p = new RunParameters(inputs.directory(), 2024, outDir, RunParameters.ALL_AGENCIES, inputs.digest(), inputs.encodings(), rerun);
            return jobs.startJob(RunIdentity.of(p).jobParameters());
        }
    }

    final Launcher launcher = new Launcher();

    /** The run (job instance) that last wrote a report's files, from its fingerprint file. */
    private static long builtBy(Path reportDir) {
        return NightlyReportBuilder.builtBy(reportDir).orElseThrow();
    }

    @Test
    void aNightBuildsOnlyTheSummariesAboveAChangedUnitAndLastYearKeptByTheUnitsEqualsLastYearCounted() throws Exception {
        Path data = SampleData.copyTo(out.resolve("data"));
        Path outDir = out.resolve("nights");
        Path year = outDir.resolve("2024");
        Path district = year.resolve("SL").resolve(SummaryReports.DIR);
        Path samr = year.resolve("SL-SAMR").resolve(SummaryReports.DIR);
        JobExecution first = launcher.run(data, outDir, 0);
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(year.resolve("SL-PNR").resolve(YearBeforeTables.FILE)).isRegularFile();
        Map<Path, byte[]> built = new LinkedHashMap<>();
        for (Path dir : List.of(district, samr)) {
            for (String f : List.of("tables.json", "validation.json", "report.html")) {
                built.put(dir.resolve(f), Files.readAllBytes(dir.resolve(f)));
            }
        }

        // Units whose reports kept no year before (as an earlier version built them): it is counted from records.
        try (var dirs = Files.list(year)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve(YearBeforeTables.FILE))).toList()) {
                Files.delete(dir.resolve(YearBeforeTables.FILE));
                Path fp = dir.resolve(NightlyReportBuilder.FINGERPRINT_FILE);
                Files.write(fp, Files.readAllLines(fp).stream().filter(l -> !l.equals(YearBeforeTables.FILE)).toList());
            }
        }
        Files.delete(district.resolve(NightlyReportBuilder.FINGERPRINT_FILE));
        Files.delete(samr.resolve(NightlyReportBuilder.FINGERPRINT_FILE));
        JobExecution counted = launcher.run(data, outDir, 1);
        assertThat(counted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(builtBy(district)).isEqualTo(counted.getJobInstance().getInstanceId());
        assertThat(builtBy(year.resolve("SL-PNR"))).as("unit unchanged").isEqualTo(first.getJobInstance().getInstanceId());
        built.forEach((file, bytes) -> assertThat(file).as("counted from records").hasBinaryContent(bytes));

        // One application more for SL-PNR (under SL, not under SL-SAMR): SL's summary is built again, SL-SAMR's is not.
        Files.writeString(data.resolve("applications.csv"), "NIGHT-0001,SL-PNR,2024-12-30,natural_person,,,,\n", StandardOpenOption.APPEND);
        JobExecution night = launcher.run(data, outDir, 0);
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(builtBy(year.resolve("SL-PNR"))).isEqualTo(night.getJobInstance().getInstanceId());
        assertThat(builtBy(district)).isEqualTo(night.getJobInstance().getInstanceId());
        assertThat(builtBy(samr)).isEqualTo(counted.getJobInstance().getInstanceId());
        assertThat(district.resolve("tables.json")).satisfies(f -> assertThat(Files.readAllBytes(f)).isNotEqualTo(built.get(f)));
    }

    @Test
    void summariesEqualTheIndependentOracleAndPassRuleG() throws Exception {
        for (int year : new int[] {2023, 2024}) {
            JobExecution e = launcher.run(SampleData.DIR, year, out);
            assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(UnitFailures.of(jobRepository, e)).isEmpty();
            List<Path> expected = SampleData.summaryCodes(year).toList();
            assertThat(expected).extracting(p -> p.getFileName().toString()).containsExactly("SL-SAMR.json", "SL.json");
            for (Path p : expected) {
                String code = p.getFileName().toString().replace(".json", "");
                JsonNode want = SampleData.read(p);
                Path dir = out.resolve(String.valueOf(year)).resolve(code).resolve("summary");
                JsonNode got = SampleData.read(dir.resolve("tables.json"));
                for (String field : List.of("schema", "agency_code", "agency_name", "year", "scope", "table2", "table3", "table4", "processing_fees_yuan")) {
                    assertThat(got.get(field)).as("%d summary %s %s", year, code, field).isEqualTo(want.get(field));
                }
                // The same rule catalogue as the units': G against the units as written, A–D, N1–N3, and the
                // cross-year rules against last year's summary rolled up the same way.
                JsonNode validation = SampleData.read(dir.resolve("validation.json"));
                assertThat(validation.get("scope").asText()).isEqualTo("summary");
                for (JsonNode rule : validation.get("rules")) {
                    if (List.of("G", "A", "B", "C", "D", "N1", "N2").contains(rule.get("id").asText())) {
                        assertThat(rule.get("failed").asInt()).as("%d %s rule %s", year, code, rule).isZero();
                    }
                }
                // A cross-year finding of a summary is one of a unit it combines (2023: 新河所's return states
                // applications carried over from 2022, which has no data for it), never one of its own.
                for (JsonNode f : validation.get("findings")) {
                    if (f.get("severity").asText().equals("blocking")) {
                        assertThat(blockingCells(year, got.get("units"), f.get("rule").asText())).as(f.toString()).contains(f.get("cell").asText());
                    }
                }
                assertThat(validation.get("units").asInt()).isEqualTo(got.get("units").size());
                assertThat(validation.get("previous_year").asInt()).isEqualTo(year - 1);
                for (JsonNode rule : validation.get("rules")) {
                    if (!rule.get("id").asText().equals("R1")) {
                        assertThat(rule.get("applied").asBoolean()).as("%d %s rule %s", year, code, rule).isTrue();
                    }
                }
                assertThat(dir.resolve("checks.json")).doesNotExist();
                assertThat(Files.readString(dir.resolve("validation.html"))).contains("汇总").contains("G");
                assertThat(Files.size(dir.resolve("report.pdf"))).isPositive();
                String html = Files.readString(dir.resolve("report.html"));
                assertThat(html).contains("汇总").contains("示例区市场监督管理局新河市场监督管理所");
            }
            // The unit with a return and the unit with nothing: figures and where they came from.
            for (String code : List.of("SL-SAMR-XH", "SL-JD3")) {
                JsonNode want = SampleData.expectedTables(year, code);
                JsonNode got = SampleData.read(out.resolve(String.valueOf(year)).resolve(code).resolve("tables.json"));
                for (String field : List.of("scope", "table2", "table3", "table4", "processing_fees_yuan")) {
                    assertThat(got.get(field)).as("%d %s %s", year, code, field).isEqualTo(want.get(field));
                }
            }
            assertThat(dataSource(year, "SL-SAMR-XH")).isEqualTo("return");
            assertThat(dataSource(year, "SL-JD3")).isEqualTo("none");
            assertThat(dataSource(year, "SL-PNR")).isEqualTo("records");
        }
    }

    @Test
    void theDistrictSummaryStatesTrainingsSummedOverItsUnitsAndNamesThoseWithoutFees() throws Exception {
        JobExecution e = launcher.run(SampleData.DIR, 2024, out);
        assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // Counted here from trainings.csv itself: the valid rows of 2024 (line 31's kind is rejected).
        long trainings = 0;
        long attendees = 0;
        for (String line : Files.readAllLines(SampleData.DIR.resolve("trainings.csv")).subList(1, 30)) {
            String[] f = line.split(",", -1);
            if (f[2].startsWith("2024-")) {
                trainings++;
                attendees += f[5].isBlank() ? 0 : Long.parseLong(f[5]);
            }
        }
        Document summary = Jsoup.parse(Files.readString(out.resolve("2024/SL/summary/report.html")));
        String supervision = summary.select("h3:containsOwn(（五）监督保障) ~ p").first().text();
        assertThat(supervision).startsWith("本年度组织政务公开培训" + trainings + "次").contains("参训" + attendees + "人次")
                .contains("主要领导听取政务公开工作汇报");
        // The units whose reports state no trainings (a return, a unit without data) are named, not counted as 0.
        assertThat(summary.text()).contains("示例区城北街道办事处、示例区市场监督管理局新河市场监督管理所未报送培训和听取汇报等情况，上述数字未计入")
                .contains("【待填写：本年度收取信息处理费情况（示例区城北街道办事处、示例区市场监督管理局新河市场监督管理所未报送信息处理费；其余10个单位合计");
        // Neither unit states a zero it has no record of.
        for (String code : List.of("SL-SAMR-XH", "SL-JD3")) {
            String unit = Jsoup.parse(Files.readString(out.resolve("2024").resolve(code).resolve("report.html"))).text();
            assertThat(unit).as(code).doesNotContain("培训0次").doesNotContain("汇报0次").doesNotContain("未收取信息处理费")
                    .contains("【待填写：本年度收取信息处理费情况");
        }
        assertThat(Jsoup.parse(Files.readString(out.resolve("2024/SL-JD3/report.html"))).select(".draft-banner").text())
                .contains("本单位2024年无数据");
    }

    /** The cells of the units' own validation.json where {@code rule} blocks. */
    private List<String> blockingCells(int year, JsonNode units, String rule) throws Exception {
        List<String> cells = new ArrayList<>();
        for (JsonNode unit : units) {
            JsonNode v = SampleData.read(out.resolve(String.valueOf(year)).resolve(unit.asText()).resolve("validation.json"));
            for (JsonNode f : v.get("findings")) {
                if (f.get("rule").asText().equals(rule) && f.get("severity").asText().equals("blocking")) {
                    cells.add(f.get("cell").asText());
                }
            }
        }
        return cells;
    }

    @Test
    void everyReportIsReachableFromTheIndexAndMissingDataIsMarked() throws Exception {
        launcher.run(SampleData.DIR, 2024, out);
        Path yearDir = out.resolve("2024");
        Document index = Jsoup.parse(Files.readString(yearDir.resolve("index.html")));
        List<Element> rows = index.select("table#reports tbody tr");
        assertThat(rows).hasSize(12 + 2);
        assertThat(index.select("tr[data-scope=summary]")).extracting(r -> r.attr("data-code")).containsExactly("SL", "SL-SAMR");
        // Tree order: the district summary first, then the district's own report, then its units.
        assertThat(rows.get(0).attr("data-code")).isEqualTo("SL");
        assertThat(rows.get(0).attr("data-scope")).isEqualTo("summary");
        assertThat(rows.get(1).attr("data-scope")).isEqualTo("agency");
        List<String> links = new ArrayList<>();
        for (Element a : index.select("table#reports a[href]")) {
            links.add(a.attr("href"));
            assertThat(yearDir.resolve(a.attr("href"))).as(a.attr("href")).isRegularFile();
        }
        assertThat(links).contains("SL/summary/report.html", "SL/summary/report.pdf", "SL/summary/tables.json", "SL-JD3/report.pdf");
        Element jd3 = index.selectFirst("tr[data-code=SL-JD3]");
        assertThat(jd3.text()).contains("无数据");
        assertThat(index.selectFirst("tr[data-code=SL-SAMR-XH]").text()).contains("报表").contains("上级：示例区市场监督管理局");
        assertThat(index.selectFirst("tr[data-code=SL][data-scope=summary]").text()).contains("通过");
    }

    @Test
    void aReturnWithAWrongTotalIsRefusedNamingTheCellAndTheOtherUnitsAreBuilt() throws Exception {
        Path data = SampleData.copyTo(out.resolve("data"));
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("returns_table3.csv"), StandardCharsets.UTF_8));
        int line = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("SL-SAMR-XH,2024,total_processed,total,7")) {
                lines.set(i, "SL-SAMR-XH,2024,total_processed,total,8");
                line = i + 1;
            }
        }
        assertThat(line).as("the sample return states its 2024 total").isPositive();
        Files.write(data.resolve("returns_table3.csv"), lines, StandardCharsets.UTF_8);

        JobExecution e = launcher.run(data, 2024, out.resolve("o"));
        assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> failed = UnitFailures.of(jobRepository, e);
        assertThat(failed).containsOnlyKeys("SL-SAMR-XH", "SL-SAMR/summary", "SL/summary");
        assertThat(failed.get("SL-SAMR-XH")).contains("returns_table3.csv line " + line)
                .contains("table3.total_processed.total is given as 8 but its parts add up to 7");
        assertThat(failed.get("SL/summary")).contains("SL-SAMR-XH");
        Path yearDir = out.resolve("o/2024");
        assertThat(yearDir.resolve("SL-SAMR-XH/tables.json")).doesNotExist();
        assertThat(yearDir.resolve("SL/summary")).doesNotExist();
        assertThat(yearDir.resolve("SL-PNR/report.pdf")).isRegularFile();
        Document index = Jsoup.parse(Files.readString(yearDir.resolve("index.html")));
        assertThat(index.select("table.failed tbody tr")).hasSize(3);
        assertThat(index.select("table.failed").text()).contains("table3.total_processed.total");
        assertThat(SampleData.read(yearDir.resolve("run-summary.json")).get("failed_reports").get("SL-SAMR-XH").asText())
                .contains("given as 8");
    }

    @Test
    void recordsAndAReturnForTheSameYearIsAnErrorNamingBothSources() throws Exception {
        Path data = SampleData.copyTo(out.resolve("data"));
        Files.writeString(data.resolve("applications.csv"),
                "XH-2024-1,SL-SAMR-XH,2024-03-01,natural_person,2024-03-20,granted,N,\r\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JobExecution e = launcher.run(data, 2024, out.resolve("o"));
        assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String reason = UnitFailures.of(jobRepository, e).get("SL-SAMR-XH");
        assertThat(reason).contains("both records and a return for 2024").contains("applications.csv")
                .contains("returns_table3.csv").contains("table3.granted = 1");
        assertThat(out.resolve("o/2024/SL-PNR/tables.json")).isRegularFile();
    }

    @Test
    void aReturnFollowedByRecordsChainsCarriedForwardIntoCarriedOver() throws Exception {
        // SL-SAMR-XH moves to records in 2024: drop its 2024 return and enter 2024's applications.
        Path data = SampleData.copyTo(out.resolve("data"));
        for (String f : List.of("returns_table2.csv", "returns_table3.csv", "returns_table4.csv")) {
            List<String> kept = Files.readAllLines(data.resolve(f), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("SL-SAMR-XH,2024,")).toList();
            Files.write(data.resolve(f), kept, StandardCharsets.UTF_8);
        }
        String received2024 = "XH-2024-1,SL-SAMR-XH,2024-03-01,natural_person,2024-03-20,granted,N,\r\n";
        Files.writeString(data.resolve("applications.csv"), received2024, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JobExecution broken = launcher.run(data, 2024, out.resolve("a"));
        // The 2023 return carries 1 自然人 forward, but the records know nothing of it: refused, naming both cells.
        assertThat(UnitFailures.of(jobRepository, broken).get("SL-SAMR-XH"))
                .contains("table3.carried_over.natural_person of 2024 counted from records (applications.csv) is 0")
                .contains("table3.carried_forward.natural_person of 2023 in the return (returns_table3.csv");

        // Entered with its real dates, the application still open at the end of 2023 chains the two years.
        String carried = "XH-2023-9,SL-SAMR-XH,2023-12-18,natural_person,2024-01-10,granted,N,\r\n";
        Files.writeString(data.resolve("applications.csv"), carried, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JobExecution chained = launcher.run(data, 2024, out.resolve("b"));
        assertThat(UnitFailures.of(jobRepository, chained)).isEmpty();
        JsonNode t = SampleData.read(out.resolve("b/2024/SL-SAMR-XH/tables.json"));
        assertThat(t.get("data_source").asText()).isEqualTo("records");
        assertThat(t.at("/table3/rows/carried_over/0").asLong()).isEqualTo(1);
        assertThat(t.at("/table3/rows/granted/0").asLong()).isEqualTo(2);
        // …and 2023 is still built from the return: the carried application is no record *of* 2023.
        JobExecution y2023 = launcher.run(data, 2023, out.resolve("b"));
        assertThat(UnitFailures.of(jobRepository, y2023)).isEmpty();
        assertThat(SampleData.read(out.resolve("b/2023/SL-SAMR-XH/tables.json")).get("data_source").asText()).isEqualTo("return");
        // Restore the demo data for other tests on this database.
        launcher.run(SampleData.DIR, 2024, out.resolve("restore"));
    }

    private String dataSource(int year, String code) {
        return SampleData.read(out.resolve(String.valueOf(year)).resolve(code).resolve("tables.json")).get("data_source").asText();
    }
}
