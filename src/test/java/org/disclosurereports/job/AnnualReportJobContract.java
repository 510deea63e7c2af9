package org.disclosurereports.job;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.outputs.office.OfficeFixtures;
import org.disclosurereports.outputs.office.YearWorkbook;
import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.support.PdfPageText;
import org.disclosurereports.support.SampleData;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole annual report job on the demo data set, checked against figures computed independently
 * (sample-data/tools/expected.py). Run once on H2 and once on MySQL by the subclasses.
 */
@SpringBootTest
@SpringBatchTest
// Two report partitions whatever the machine, so the restart test knows which units share a partition.
@TestPropertySource(properties = "disclosure.build.partitions=2")
abstract class AnnualReportJobContract {

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    RecordStore store;
    @Autowired
    InputSchema schema;
    @Autowired
    DataSource dataSource;

    @TempDir
    Path out;

    /**
     * Launches with explicit parameters, as the command line does (never launchJob(), whose random
     * parameter would make every launch a new instance). Kept off the test class: Spring Batch's test
     * listener takes any method of the test class returning a JobExecution for a factory.
     */
    final class Launcher {
        JobExecution run(Path data, int year, Path outDir, String agency) throws Exception {
            InputSet inputs = new InputInspector(schema).inspect(data, null);
            RunParameters p = new RunParameters(inputs.directory(), year, outDir, agency, inputs.digest(), inputs.encodings(), 0);
            return jobs.startJob(RunIdentity.of(p).jobParameters());
        }
    }

    private final Launcher launcher = new Launcher();

    @Test
    void inputFilesChangedAfterTheRunWasStartedAreRefusedBeforeAnythingIsLoaded() throws Exception {
        Path data = SampleData.copyTo(out.resolve("changed-data"));
        InputSet inputs = new InputInspector(schema).inspect(data, null);
        RunParameters p = new RunParameters(inputs.directory(), 2024, out.resolve("changed"), RunParameters.ALL_AGENCIES,
                inputs.digest(), inputs.encodings(), 0);
        Files.writeString(data.resolve("applications.csv"), "LATE-0001,SL-JD1,2024-12-30,natural_person,,,,\n", StandardOpenOption.APPEND);
        Map<String, Long> counts = store.counts();

        JobExecution execution = jobs.startJob(RunIdentity.of(p).jobParameters());
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions())
                .anySatisfy(e -> assertThat(e).hasMessageContaining("changed after the run was started"));
        assertThat(store.counts()).isEqualTo(counts);
    }

    @Test
    void reproducesTheIndependentlyComputedTablesCellForCellForBothYears() throws Exception {
        for (int year : new int[] {2023, 2024}) {
            JobExecution execution = launcher.run(SampleData.DIR, year, out, RunParameters.ALL_AGENCIES);
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            List<Path> expected = SampleData.agencyCodes(year).toList();
            assertThat(expected).hasSize(12);
            for (Path e : expected) {
                String code = e.getFileName().toString().replace(".json", "");
                JsonNode want = SampleData.read(e);
                JsonNode got = SampleData.read(out.resolve(String.valueOf(year)).resolve(code).resolve("tables.json"));
                for (String field : List.of("schema", "agency_code", "agency_name", "year", "scope", "table2", "table3", "table4")) {
                    assertThat(got.get(field)).as("%d %s %s", year, code, field).isEqualTo(want.get(field));
                }
            }
        }
    }

    /** Every report of the run, unit and summary, has its Word and Excel files, and they say what tables.json says. */
    @Test
    void everyReportHasAWordAndAnExcelFileReadBackEqualToItsTablesJson() throws Exception {
        JobExecution execution = launcher.run(SampleData.DIR, 2024, out, RunParameters.ALL_AGENCIES);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path yearDir = out.resolve("2024");
        List<Path> reports = new ArrayList<>();
        try (var dirs = Files.walk(yearDir, 2)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("tables.json")) && Files.isRegularFile(d.resolve("report.pdf")))
                    .sorted().forEach(reports::add);
        }
        assertThat(reports).hasSizeGreaterThan(12);
        List<String> cells = YearWorkbook.cellKeys(ReportFormat.current());
        Map<String, JsonNode> byReport = new HashMap<>();
        for (Path dir : reports) {
            JsonNode json = SampleData.read(dir.resolve("tables.json"));
            byReport.put(json.get("agency_code").asText() + "/" + json.get("scope").asText(), json);
            List<BigDecimal> want = new ArrayList<>();
            for (String cell : cells.subList(0, cells.size() - 1)) {
                want.add(OfficeFixtures.jsonValue(json, cell).stripTrailingZeros());
            }
            List<BigDecimal> inWorkbook = new ArrayList<>();
            try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(dir.resolve("tables.xlsx")))) {
                for (Sheet sheet : book) {
                    for (Row row : sheet) {
                        for (Cell c : row) {
                            if (c.getCellType() == CellType.NUMERIC) {
                                inWorkbook.add(BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros());
                            }
                        }
                    }
                }
            }
            List<BigDecimal> inDocument = new ArrayList<>();
            try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(dir.resolve("report.docx")))) {
                for (XWPFTable table : doc.getTables()) {
                    for (XWPFTableRow row : table.getRows()) {
                        for (XWPFTableCell c : row.getTableCells()) {
                            if (c.getText().matches("-?[0-9]+(\\.[0-9]+)?")) {
                                inDocument.add(new BigDecimal(c.getText()).stripTrailingZeros());
                            }
                        }
                    }
                }
            }
            assertThat(inWorkbook).as(dir + " tables.xlsx").containsExactlyInAnyOrderElementsOf(want);
            assertThat(inDocument).as(dir + " report.docx").containsExactlyInAnyOrderElementsOf(want);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(yearDir.resolve("tables.xlsx")))) {
            Sheet sheet = book.getSheetAt(0);
            Row keys = sheet.getRow(0);
            assertThat(sheet.getLastRowNum() - 1).as("one row per report").isEqualTo(reports.size());
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                JsonNode json = byReport.get(row.getCell(0).getStringCellValue() + "/" + row.getCell(2).getStringCellValue());
                assertThat(json).isNotNull();
                for (int c = 0; c < keys.getLastCellNum(); c++) {
                    String key = keys.getCell(c).getStringCellValue();
                    if (cells.contains(key)) {
                        BigDecimal want = OfficeFixtures.jsonValue(json, key);
                        Cell got = row.getCell(c);
                        if (want == null) {
                            assertThat(got).isNull();
                        } else {
                            assertThat(BigDecimal.valueOf(got.getNumericCellValue())).as(key).isEqualByComparingTo(want);
                        }
                    }
                }
            }
        }
    }

    /**
     * Every report's PDF, unit and summary, extracts each heading and paragraph of its page at most once:
     * none is laid again, clipped, beside a page break (search and copy would find it twice).
     */
    @Test
    void everyHeadingAndParagraphOfEveryReportPdfIsExtractedOnce() throws Exception {
        JobExecution execution = launcher.run(SampleData.DIR, 2024, out, RunParameters.ALL_AGENCIES);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Path> reports = new ArrayList<>();
        try (var files = Files.walk(out.resolve("2024"), 3)) {
            files.filter(f -> f.getFileName().toString().equals("report.pdf")).sorted().forEach(reports::add);
        }
        assertThat(reports).hasSizeGreaterThan(12);
        List<String> repeated = new ArrayList<>();
        for (Path pdf : reports) {
            String html = Files.readString(pdf.resolveSibling("report.html"));
            for (String r : PdfPageText.repeatedBlocks(html, Files.readAllBytes(pdf))) {
                repeated.add(out.relativize(pdf) + ": " + r);
            }
        }
        assertThat(repeated).isEmpty();
    }

    @Test
    void everyRowIsLoadedOrRejectedWithFileLineColumnValueAndReason() throws Exception {
        JobExecution execution = launcher.run(SampleData.DIR, 2024, out, RunParameters.ALL_AGENCIES);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunSummary summary = RunSummary.collect(jobRepository, execution, schema);
        JsonNode counts = SampleData.loadCounts();
        assertThat(summary.files()).hasSize(counts.size());
        for (RunSummary.FileLine f : summary.files()) {
            JsonNode want = counts.get(f.file());
            assertThat(f.read()).as(f.file() + " read").isEqualTo(want.get("read").asLong());
            assertThat(f.loaded()).as(f.file() + " loaded").isEqualTo(want.get("loaded").asLong());
            assertThat(f.rejected()).as(f.file() + " rejected").isEqualTo(want.get("rejected").asLong());
            assertThat(f.balanced()).isTrue();
        }
        // The rejects files name exactly the rows the oracle rejects.
        List<String> want = new ArrayList<>();
        for (CSVRecord r : csv(SampleData.EXPECTED.resolve("rejects.csv"))) {
            want.add(r.get("file") + ":" + r.get("line") + ":" + r.get("column") + ":" + r.get("value"));
        }
        List<String> got = new ArrayList<>();
        Path rejects = out.resolve("2024").resolve("rejects");
        try (var files = Files.list(rejects)) {
            for (Path f : files.sorted().toList()) {
                for (CSVRecord r : csv(f)) {
                    got.add(r.get("file") + ":" + r.get("line") + ":" + r.get("column") + ":" + r.get("value"));
                    assertThat(r.get("reason")).isNotBlank();
                    assertThat(r.get("record")).as("the original row is kept").isNotBlank();
                }
            }
        }
        assertThat(got).containsExactlyInAnyOrderElementsOf(want);
        assertThat(Files.readString(out.resolve("2024").resolve("run-summary.json"))).contains("\"rejected\": 3");
    }

    @Test
    void loadingTheSameFilesAgainChangesNothing() throws Exception {
        launcher.run(SampleData.DIR, 2024, out.resolve("a"), RunParameters.ALL_AGENCIES);
        Map<String, Long> first = store.counts();
        String tables = Files.readString(out.resolve("a/2024/SL-PNR/tables.json"));
        // A different output directory is a different job instance: everything is loaded again.
        JobExecution again = launcher.run(SampleData.DIR, 2024, out.resolve("b"), RunParameters.ALL_AGENCIES);
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(stepNames(again)).contains("loadApplications");
        assertThat(store.counts()).isEqualTo(first);
        assertThat(Files.readString(out.resolve("b/2024/SL-PNR/tables.json"))).isEqualTo(tables);
    }

    @Test
    void aNightWritesTheRowsOfTheAgenciesWhoseRowsChangedAndKeepsTheOthersAsStored() throws Exception {
        Path data = SampleData.copyTo(out.resolve("data"));
        Path outDir = out.resolve("nights");
        JobExecution first = launcher.run(data, 2024, outDir, RunParameters.ALL_AGENCIES);
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<String, List<Long>> applications = loadsByAgency(jdbc, "application");
        Map<String, List<Long>> documents = loadsByAgency(jdbc, "document");
        Map<String, Long> counts = store.counts();
        Path applicationRejects = outDir.resolve("2024/rejects/applications.csv");
        String firstRejects = Files.readString(applicationRejects, StandardCharsets.UTF_8);

        // SL-PNR gets one application more, and one of SL's changes its applicant type; nothing else changes.
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("applications.csv"), StandardCharsets.UTF_8));
        int slRow = lines.indexOf(lines.stream().filter(l -> l.startsWith("YSQ20220001,SL,")).findFirst().orElseThrow());
        lines.set(slRow, lines.get(slRow).replace(",commercial,", ",natural_person,"));
        lines.add("NIGHT-0001,SL-PNR,2024-12-30,natural_person,,,,");
        Files.write(data.resolve("applications.csv"), lines, StandardCharsets.UTF_8);
        JobExecution night = launcher.run(data, 2024, outDir, RunParameters.ALL_AGENCIES);
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long nightLoad = night.getJobInstance().getInstanceId();

        Map<String, List<Long>> after = loadsByAgency(jdbc, "application");
        assertThat(after.get("SL-PNR")).hasSize(applications.get("SL-PNR").size() + 1).containsOnly(nightLoad);
        assertThat(after.get("SL")).hasSize(applications.get("SL").size()).containsOnly(nightLoad);
        after.keySet().stream().filter(a -> !List.of("SL", "SL-PNR").contains(a))
                .forEach(a -> assertThat(after.get(a)).as("%s kept as stored", a).isEqualTo(applications.get(a)));
        assertThat(loadsByAgency(jdbc, "document")).as("filings unchanged: kept").isEqualTo(documents);
        Map<String, Long> expected = new HashMap<>(counts);
        expected.merge("application", 1L, Long::sum);
        assertThat(store.counts()).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM record_load_kept WHERE load_id = ?", Long.class, nightLoad)).isZero();

        StepExecution load = night.getStepExecutions().stream().filter(s -> s.getStepName().equals("loadApplications")).findFirst().orElseThrow();
        long loaded = load.getExecutionContext().getLong(RecordWriter.LOADED);
        long rejected = load.getExecutionContext().getLong(RecordWriter.REJECTED);
        assertThat(loaded + rejected).isEqualTo(load.getReadCount());
        // The demo's bad applications are rejected again, those of agencies kept unchanged included.
        assertThat(Files.readString(applicationRejects, StandardCharsets.UTF_8)).isEqualTo(firstRejects);
        assertThat(rejected).isEqualTo(firstRejects.lines().count() - 1).isPositive();
        // ... while the rows of kept agencies without a rejected row are passed over by the chunks.
        assertThat(load.getExecutionContext().getLong(InputRowReader.PASSED_OVER)).isPositive()
                .isLessThanOrEqualTo(load.getExecutionContext().getLong(RecordWriter.KEPT));
        assertThat(load.getWriteCount()).as("every row read is written, kept or rejected").isEqualTo(load.getReadCount());
        assertThat(load.getExecutionContext().getLong(RecordWriter.KEPT))
                .isEqualTo(loaded - after.get("SL").size() - after.get("SL-PNR").size());

        // enforcement.csv has no bad row and did not change: the chunks read nothing, and its rows count as read once.
        StepExecution enforcement = stepNamed(night, "loadEnforcement").orElseThrow();
        assertThat(enforcement.getExecutionContext().containsKey(UnchangedAgencies.WHOLE_FILE_KEPT)).isTrue();
        assertThat(enforcement.getReadCount()).isEqualTo(stepNamed(first, "loadEnforcement").orElseThrow().getReadCount()).isPositive();
        assertThat(enforcement.getExecutionContext().getLong(RecordWriter.KEPT)).isEqualTo(enforcement.getReadCount());
        assertThat(enforcement.getExecutionContext().getLong(RecordWriter.LOADED)).isEqualTo(enforcement.getReadCount());
        assertThat(stepNamed(night, "loadApplications").orElseThrow().getExecutionContext().containsKey(UnchangedAgencies.WHOLE_FILE_KEPT)).isFalse();

        assertThat(load.getExecutionContext().getString(UnchangedAgencies.CHECKED_BEFORE)).as("applications.csv changed").isEqualTo("false");
        // filings.csv did not change: what the first load's chunks found is what the night needed.
        assertThat(stepNamed(night, "loadFilings").orElseThrow().getExecutionContext().getString(UnchangedAgencies.CHECKED_BEFORE)).isEqualTo("true");

        // The manifest names the kept rows' loads, vouched for by this run's file instead of a digest of their own.
        JsonNode manifest = SampleData.read(outDir.resolve("2024").resolve(RunManifest.FILE));
        long keptRows = 0;
        for (JsonNode r : manifest.get("records")) {
            if (r.get("kind").asText().equals("applications") && r.get("load").asLong() != nightLoad) {
                assertThat(r.get("from").asText()).isEqualTo("kept from an earlier load, unchanged in this run's input");
                assertThat(r.get("unchanged_in").asText()).isEqualTo("applications.csv");
                assertThat(r.has("records_sha256")).isFalse();
                keptRows += r.get("rows").asLong();
            }
        }
        assertThat(keptRows).isEqualTo(load.getExecutionContext().getLong(RecordWriter.KEPT));

        // The reports of the two agencies are built again, found changed by their records' digests; the others are not.
        Path year = outDir.resolve("2024");
        for (String code : List.of("SL", "SL-PNR")) {
            assertThat(Files.readString(year.resolve(code).resolve(NightlyReportBuilder.FINGERPRINT_FILE))).contains(NightlyReportBuilder.BUILT_BY + nightLoad);
        }
        assertThat(Files.readString(year.resolve("SL-GOV").resolve(NightlyReportBuilder.FINGERPRINT_FILE)))
                .contains(NightlyReportBuilder.BUILT_BY + first.getJobInstance().getInstanceId());

        // Another night on the same files: what each file holds is known from this night's check, not read again.
        RunParameters sameFiles = RunParameters.of(night.getJobParameters()).withRerun(System.currentTimeMillis());
        JobExecution again = jobs.startJob(RunIdentity.of(sameFiles).jobParameters());
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution sameLoad = stepNamed(again, "loadApplications").orElseThrow();
        assertThat(sameLoad.getExecutionContext().getString(UnchangedAgencies.CHECKED_BEFORE)).isEqualTo("true");
        assertThat(sameLoad.getExecutionContext().getLong(RecordWriter.KEPT)).isEqualTo(sameLoad.getExecutionContext().getLong(RecordWriter.LOADED));
        assertThat(sameLoad.getExecutionContext().getLong(RecordWriter.LOADED) + sameLoad.getExecutionContext().getLong(RecordWriter.REJECTED))
                .isEqualTo(sameLoad.getReadCount()).isEqualTo(load.getReadCount());
        assertThat(Files.readString(applicationRejects, StandardCharsets.UTF_8)).isEqualTo(firstRejects);
        assertThat(stepNamed(again, "loadEnforcement").orElseThrow().getReadCount()).isEqualTo(enforcement.getReadCount());
        assertThat(store.counts()).isEqualTo(expected);
        assertThat(loadsByAgency(jdbc, "application")).isEqualTo(after);
    }

    /** An Optional: the step-scope test listener takes a method that returns a StepExecution for its factory. */
    private static Optional<StepExecution> stepNamed(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst();
    }

    /** The loads that wrote each agency's rows of a table, in key order. */
    private static Map<String, List<Long>> loadsByAgency(JdbcTemplate jdbc, String table) {
        Map<String, List<Long>> loads = new HashMap<>();
        jdbc.query("SELECT agency_code, load_id FROM " + table + " ORDER BY 1, load_id",
                rs -> {
                    loads.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(rs.getLong(2));
                });
        return loads;
    }

    @Test
    void aRowRemovedAtTheSourceIsNoLongerCounted() throws Exception {
        Path data = SampleData.copyTo(out.resolve("data"));
        launcher.run(data, 2024, out.resolve("before"), RunParameters.ALL_AGENCIES);
        long before = store.counts().get("application");
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("applications.csv"), StandardCharsets.UTF_8));
        String removed = lines.remove(1);
        Files.write(data.resolve("applications.csv"), lines, StandardCharsets.UTF_8);
        JobExecution after = launcher.run(data, 2024, out.resolve("after"), RunParameters.ALL_AGENCIES);
        assertThat(after.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(store.counts().get("application")).as("row removed: " + removed).isEqualTo(before - 1);
        launcher.run(SampleData.DIR, 2024, out.resolve("restored"), RunParameters.ALL_AGENCIES);
        assertThat(store.counts().get("application")).isEqualTo(before);
    }

    @Test
    void valuesTooLargeTooLongOrUnshowableAreRejectedRowsNotAFailedRun() throws Exception {
        Path data = SampleData.copyTo(out.resolve("data"));
        String astralName = "\uD840\uDC00".repeat(101);
        Files.writeString(data.resolve("agencies.csv"), "SL-ASTRAL," + astralName + ",SL,部门,,,,\n", StandardOpenOption.APPEND);
        Files.writeString(data.resolve("applications.csv"), "ATK-FEE,SL,2024-03-01,natural_person,2024-03-10,granted,N,1000000000000\n"
                + "ATK\u0000NUL,SL,2024-03-01,natural_person,2024-03-10,granted,N,\n", StandardOpenOption.APPEND);
        Files.writeString(data.resolve("enforcement.csv"), "2024,SL,punishment,1000000000000000000\n", StandardOpenOption.APPEND);

        JobExecution execution = launcher.run(data, 2024, out.resolve("attacked"), RunParameters.ALL_AGENCIES);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> got = new ArrayList<>();
        try (var files = Files.list(out.resolve("attacked").resolve("2024").resolve("rejects"))) {
            for (Path f : files.sorted().toList()) {
                for (CSVRecord r : csv(f)) {
                    got.add(r.get("file") + ":" + r.get("column") + ":" + r.get("value") + ":" + r.get("reason"));
                }
            }
        }
        assertThat(got).contains(
                "agencies.csv:name:" + astralName + ":longer than 200 characters (a character outside the Basic Multilingual Plane counts as two)",
                "applications.csv:fee_yuan:1000000000000:too large: at most 12 digits before the decimal point",
                "applications.csv:application_id:ATK\\u0000NUL:contains the character U+0000 (character 4), which no report can show",
                "enforcement.csv:value:1000000000000000000:too large: at most 18 digits before the decimal point");
    }

    @Test
    void aFailedRunIsRestartedWhereItStopped() throws Exception {
        Path outDir = out.resolve("restart");
        // A file where a report directory must go makes buildReports fail after everything was loaded.
        Files.createDirectories(outDir.resolve("2024"));
        Files.writeString(outDir.resolve("2024").resolve("SL-PNR"), "in the way");
        JobExecution failed = launcher.run(SampleData.DIR, 2024, outDir, RunParameters.ALL_AGENCIES);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution build = failed.getStepExecutions().stream().filter(s -> s.getStepName().equals("buildReports")).findFirst().orElseThrow();
        assertThat(build.getStatus()).isEqualTo(BatchStatus.FAILED);
        // The 12 units in two partitions of 6, by code: units-0 (SL … SL-JD1) completes; units-1 (SL-JD2 …
        // SL-XHZ) fails in its first chunk, the one holding SL-PNR.
        assertThat(build.getWriteCount()).as("the other partition's reports were committed").isEqualTo(6);
        assertThat(stepStatus(failed, "buildReportsPartition:units-0")).isEqualTo(BatchStatus.COMPLETED);
        assertThat(stepStatus(failed, "buildReportsPartition:units-1")).isEqualTo(BatchStatus.FAILED);

        Files.delete(outDir.resolve("2024").resolve("SL-PNR"));
        JobExecution restarted = launcher.run(SampleData.DIR, 2024, outDir, RunParameters.ALL_AGENCIES);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        // Loading was complete: the restart only finishes the reports, in the partition that failed.
        assertThat(stepNames(restarted)).doesNotContain("loadApplications").contains("buildReports");
        assertThat(writes(restarted, "buildReportsPartition:units-0")).as("the completed partition is not built again").isZero();
        assertThat(writes(restarted, "buildReportsPartition:units-1")).isEqualTo(6);
        StepExecution rebuilt = restarted.getStepExecutions().stream().filter(s -> s.getStepName().equals("buildReports")).findFirst().orElseThrow();
        assertThat(rebuilt.getWriteCount()).isEqualTo(6);
        RunSummary summary = RunSummary.collect(jobRepository, restarted, schema);
        assertThat(summary.reportsBuilt()).isEqualTo(12);
        assertThat(summary.files()).allMatch(RunSummary.FileLine::balanced);
        JsonNode want = SampleData.expectedTables(2024, "SL-PNR");
        JsonNode got = SampleData.read(outDir.resolve("2024/SL-PNR/tables.json"));
        assertThat(got.get("table3")).isEqualTo(want.get("table3"));
    }

    /**
     * Another year's run between a failure and its restart loads the same agencies again: the restart
     * must still build exactly the units its own load listed, and the summaries over them.
     */
    @Test
    void aRestartAfterAnotherYearsRunBuildsEveryMissingReport() throws Exception {
        Path outDir = out.resolve("interleaved");
        Files.createDirectories(outDir.resolve("2024"));
        Files.writeString(outDir.resolve("2024").resolve("SL-PNR"), "in the way");
        JobExecution failed = launcher.run(SampleData.DIR, 2024, outDir, RunParameters.ALL_AGENCIES);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        JobExecution otherYear = launcher.run(SampleData.DIR, 2023, outDir, RunParameters.ALL_AGENCIES);
        assertThat(otherYear.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Files.delete(outDir.resolve("2024").resolve("SL-PNR"));
        JobExecution restarted = launcher.run(SampleData.DIR, 2024, outDir, RunParameters.ALL_AGENCIES);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(writes(restarted, "buildReportsPartition:units-1")).as("the failed partition, built again").isEqualTo(6);
        Path yearDir = outDir.resolve("2024");
        for (Path expected : SampleData.agencyCodes(2024).toList()) {
            String code = expected.getFileName().toString().replace(".json", "");
            assertThat(yearDir.resolve(code).resolve("report.pdf")).as(code).isRegularFile();
            assertThat(SampleData.read(yearDir.resolve(code).resolve("tables.json")).get("table3"))
                    .as(code).isEqualTo(SampleData.read(expected).get("table3"));
        }
        for (Path expected : SampleData.summaryCodes(2024).toList()) {
            String code = expected.getFileName().toString().replace(".json", "");
            assertThat(SampleData.read(yearDir.resolve(code).resolve("summary").resolve("tables.json")).get("table3"))
                    .as("summary " + code).isEqualTo(SampleData.read(expected).get("table3"));
        }
        assertThat(RunSummary.collect(jobRepository, restarted, schema).reportsBuilt()).isEqualTo(12);
    }

    @Test
    void oneAgencyOnly() throws Exception {
        JobExecution e = launcher.run(SampleData.DIR, 2024, out, "SL-JD1");
        assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        try (var dirs = Files.list(out.resolve("2024"))) {
            assertThat(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("SL-JD1", "rejects", RunManifest.RUNS_DIR);
        }
        JobExecution unknown = launcher.run(SampleData.DIR, 2024, out.resolve("x"), "NOPE");
        assertThat(unknown.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(unknown.getAllFailureExceptions()).anySatisfy(t -> assertThat(RunSummary.describe(t)).contains("no agency NOPE"));
    }

    @Test
    void gb18030FilesLoadAsChinese() throws Exception {
        Path outDir = out.resolve("gb");
        JobExecution e = launcher.run(SampleData.DIR.resolve("encodings"), 2024, outDir, RunParameters.ALL_AGENCIES);
        assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readString(outDir.resolve("2024/run-summary.json"))).contains("GB18030");
        try (var dirs = Files.list(outDir.resolve("2024"))) {
            Path report = dirs.filter(p -> Files.exists(p.resolve("tables.json"))).findFirst().orElseThrow();
            String name = SampleData.read(report.resolve("tables.json")).get("agency_name").asText();
            assertThat(name).startsWith("示例区");
        }
        // Restore the demo district's own records for the other tests of this class.
        launcher.run(SampleData.DIR, 2024, out.resolve("restore"), RunParameters.ALL_AGENCIES);
    }

    private static long writes(JobExecution e, String step) {
        return e.getStepExecutions().stream().filter(s -> s.getStepName().equals(step)).mapToLong(StepExecution::getWriteCount).sum();
    }

    private static BatchStatus stepStatus(JobExecution e, String step) {
        return e.getStepExecutions().stream().filter(s -> s.getStepName().equals(step)).findFirst().orElseThrow().getStatus();
    }

    private static List<String> stepNames(JobExecution e) {
        return e.getStepExecutions().stream().map(StepExecution::getStepName).toList();
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    // ---- work plans, deadlines and narrative ----

    /** Reply deadlines on the official calendar equal the oracle's (expected.py has its own calendar code). */
    @Test
    void lateRepliesAndTargetsAgreeWithTheOracleAndTheText() throws Exception {
        JobExecution execution = launcher.run(SampleData.DIR, 2024, out, RunParameters.ALL_AGENCIES);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JsonNode expected = SampleData.read(SampleData.EXPECTED.resolve("replies-2024.json"));
        long lateTotal = 0;
        for (var it = expected.fields(); it.hasNext(); ) {
            var e = it.next();
            Path dir = out.resolve("2024").resolve(e.getKey());
            JsonNode card = SampleData.read(dir.resolve("scorecard.json"));
            JsonNode want = e.getValue();
            JsonNode got = card.get("replies");
            for (String f : List.of("closed", "on_time", "late", "open_overdue", "open_within")) {
                assertThat(got.get(f).asLong()).as(e.getKey() + " " + f).isEqualTo(want.get(f).asLong());
            }
            assertThat(got.get("median_days").asText()).as(e.getKey() + " median").isEqualTo(want.get("median_days").asText());
            assertThat(got.get("longest_days").asLong()).as(e.getKey() + " longest").isEqualTo(want.get("longest_days").asLong());
            List<String> listed = new ArrayList<>();
            for (CSVRecord r : csv(dir.resolve("late-replies.csv"))) {
                listed.add(r.get(0).replace("\uFEFF", "") + ":" + r.get("status"));
            }
            List<String> wantListed = new ArrayList<>();
            want.get("late_ids").forEach(id -> wantListed.add(id.asText() + ":late"));
            want.get("open_overdue_ids").forEach(id -> wantListed.add(id.asText() + ":open_overdue"));
            assertThat(listed).as(e.getKey() + " late-replies.csv").containsExactlyInAnyOrderElementsOf(wantListed);
            lateTotal += want.get("late").asLong();

            // Every figure in the text equals its source: a table cell (tables.json) or a scorecard figure.
            String html = Files.readString(dir.resolve("report.html"));
            var doc = Jsoup.parse(html);
            JsonNode figures = card.get("figures");
            for (var span : doc.select("span.figure[data-cell]")) {
                String ref = span.attr("data-cell");
                if (figures.has(ref)) {
                    assertThat(span.text()).as(e.getKey() + " " + ref).isEqualTo(figures.get(ref).asText());
                }
            }
            // Section 六 states every target of the 2024 plan that applies, with its figure.
            for (JsonNode t : card.get("targets")) {
                assertThat(html).contains("“" + t.get("wording").asText() + "”");
            }
            // The sample plan binds the district and its 部门, 街道 and 镇; a 所 (third level) is outside it.
            if (SampleData.agencyLevel(e.getKey()).equals("所")) {
                assertThat(card.get("targets").size()).as(e.getKey() + " targets").isZero();
            } else {
                assertThat(card.get("targets").size()).as(e.getKey() + " targets").isGreaterThanOrEqualTo(6);
            }
            assertThat(html).doesNotContain(want.get("late_ids").isEmpty() ? "\u0000" : want.get("late_ids").get(0).asText());
        }
        assertThat(lateTotal).isEqualTo(12);
        // Office text: SL-PNR wrote every passage (final); SL-EDU copied last year's section 五 (flagged).
        assertThat(SampleData.read(out.resolve("2024/SL-PNR/narrative-check.json")).get("draft").asBoolean()).isFalse();
        assertThat(Files.readString(out.resolve("2024/SL-EDU/narrative-check.json"))).contains("problems_repeat_last_year");
        assertThat(Files.readString(out.resolve("2024/SL-DRC/narrative-check.json"))).contains("overview_too_long")
                .contains("repeated_sentence").contains("同一句话出现13次");
        assertThat(Files.readString(out.resolve("2024/SL-HUD/narrative-check.json"))).contains("number_not_in_tables");
        assertThat(out.resolve("2024/scorecard.html")).exists();
    }
}
