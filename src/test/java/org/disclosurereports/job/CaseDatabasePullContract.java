package org.disclosurereports.job;

import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.inputs.InputRefused;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.Watermarks;
import org.disclosurereports.support.MySqlServer;
import org.disclosurereports.support.SampleData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nightly pulls from a case system's database (MariaDB, schema unlike the contract, see
 * {@link CaseDatabase}) with the shipped definition {@code jobs/sources/casedb.yaml}: the first night
 * pulls everything, and the reports equal the independent oracle's for the same records as CSV; a
 * second night pulls only the changed rows; a failed night leaves the watermark; a full pull removes
 * what the source deleted; and every pulled state gives the same reports as a CSV run of the same
 * records. The pipeline's own database is H2 or MariaDB (the subclasses).
 */
@SpringBootTest
@SpringBatchTest
@ExtendWith(MySqlServer.class)
abstract class CaseDatabasePullContract {

    static final Path DEFINITION = Path.of("jobs/sources/casedb.yaml").toAbsolutePath();
    private static String sourceUrl;

    @DynamicPropertySource
    static void caseDatabase(DynamicPropertyRegistry registry) {
        sourceUrl = MySqlServer.createDatabase("casedb_it");
        // What an operator sets in the environment; the definition refers to these names.
        registry.add("CASEDB_URL", () -> sourceUrl);
        registry.add("CASEDB_USER", () -> MySqlServer.USER);
        registry.add("CASEDB_PASSWORD", () -> MySqlServer.PASSWORD);
    }

    @AfterAll
    static void dropCaseDatabase() {
        if (sourceUrl != null) {
            MySqlServer.dropDatabase(sourceUrl);
        }
    }

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    InputSchema schema;
    @Autowired
    ReportFormat format;
    @Autowired
    RecordStore store;
    @Autowired
    SourceLaunch sourceLaunch;
    @Autowired
    Watermarks watermarks;

    @TempDir
    Path tmp;

    /** Launches as the command line does (kept off the test class: Spring Batch's test listener looks for JobExecution factories). */
    final class Launcher {
        JobExecution csv(Path data, int year, Path out) throws Exception {
            return jobs.startJob(RunIdentity.of(parameters(data, year, out)).jobParameters());
        }

        JobExecution pull(Path data, int year, Path out, Path definition, boolean full) throws Exception {
            InputSet inputs = new InputInspector(schema).inspect(data, null);
            SourceLaunch.Prepared pull = sourceLaunch.prepare(definition, full, inputs);
            return jobs.startJob(pull.addTo(RunIdentity.of(parameters(data, year, out))).jobParameters());
        }

        private RunParameters parameters(Path data, int year, Path out) {
            InputSet inputs = new InputInspector(schema).inspect(data, null);
            return new RunParameters(inputs.directory(), year, out, RunParameters.ALL_AGENCIES, inputs.digest(), inputs.encodings(), 0);
        }
    }

    private final Launcher launcher = new Launcher();

    @Test
    void nightlyPullsFromTheCaseSystemGiveTheReportsOfTheSameRecordsAsCsv() throws Exception {
        CaseDatabase db = new CaseDatabase(sourceUrl, MySqlServer.USER, MySqlServer.PASSWORD, format);
        db.create(format);
        db.fill(SampleData.DIR.resolve("applications.csv"), SampleData.DIR.resolve("appeals.csv"));
        // agencies, filings and enforcement stay files; applications and appeals come from the case system.
        Path pullData = SampleData.copyTo(tmp.resolve("pull-data"));
        Files.delete(pullData.resolve("applications.csv"));
        Files.delete(pullData.resolve("appeals.csv"));

        // Night 1: everything, the bad rows rejected as from the CSV files, the figures those of the oracle.
        JobExecution night1 = launcher.pull(pullData, 2024, tmp.resolve("night1"), DEFINITION, false);
        assertThat(night1.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JsonNode counts = SampleData.loadCounts();
        assertRead(night1, "casedb/applications", counts.get("applications.csv").get("read").asLong(),
                counts.get("applications.csv").get("rejected").asLong());
        assertRead(night1, "casedb/appeals", counts.get("appeals.csv").get("read").asLong(), counts.get("appeals.csv").get("rejected").asLong());
        assertMatchesOracle(tmp.resolve("night1"), 2024);
        List<CSVRecord> rejects = CaseDatabase.csv(tmp.resolve("night1/2024/rejects/applications.csv"));
        assertThat(rejects).anySatisfy(r -> {
            assertThat(r.get("file")).isEqualTo("casedb/applications");
            assertThat(r.get("column")).isEqualTo("applicant_type");
            assertThat(r.get("value")).isEqualTo(String.valueOf(CaseDatabase.UNKNOWN_CODE));
            assertThat(r.get("location")).isEqualTo("source casedb, applications key SL-SAMR/SJ20230011A");
        });
        assertThat(rejects).anySatisfy(r -> assertThat(r.get("location")).isEqualTo("source casedb, applications key SL-CGJ/CG2024-0007"));
        String mark1 = watermarks.get("casedb", "applications").orElseThrow();
        assertThat(LocalDateTime.parse(mark1)).isAfter(CaseDatabase.EXPORTED);

        // The year before, the same night: nothing changed, nothing read, the oracle's figures from the database.
        JobExecution before = launcher.pull(pullData, 2023, tmp.resolve("night1"), DEFINITION, false);
        assertThat(before.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertRead(before, "casedb/applications", 0, 0);
        assertRead(before, "casedb/appeals", 0, 0);
        assertMatchesOracle(tmp.resolve("night1"), 2023);

        // The same changes at the source and in a CSV copy of the records.
        List<CSVRecord> original = CaseDatabase.csv(SampleData.DIR.resolve("applications.csv"));
        CSVRecord a = first(original, r -> r.get("agency_code").equals("SL-PNR") && r.get("received_date").startsWith("2024-")
                && r.get("closed_date").isEmpty());
        CSVRecord b = first(original, r -> r.get("agency_code").equals("SL-EDU") && r.get("received_date").startsWith("2024-")
                && List.of("natural_person", "自然人").contains(r.get("applicant_type")));
        CSVRecord c = first(original, r -> r.get("agency_code").equals("SL-DRC") && r.get("received_date").startsWith("2024-"));
        CSVRecord d = first(original, r -> r.get("agency_code").equals("SL-PNR") && r.get("received_date").startsWith("2024-")
                && !r.get("closed_date").isEmpty());
        Map<String, Map<String, String>> changes = new LinkedHashMap<>();
        LocalDateTime t1 = CaseDatabase.EXPORTED.plusDays(1);
        // A closes; B's applicant type is corrected; a new application arrives; D is deleted.
        assertThat(db.update("UPDATE ysq_sqb SET bjrq = ?, bjjg = ?, gxsj = ? WHERE jgdm = ? AND sqbh = ?",
                LocalDate.of(2024, 12, 31), db.outcomeCodes.get("granted"), t1, "SL-PNR", a.get("application_id"))).isEqualTo(1);
        changes.put(a.get("application_id"), Map.of("closed_date", "2024-12-31", "outcome", "granted"));
        assertThat(db.update("UPDATE ysq_sqb SET sqrlx = 2, gxsj = ? WHERE jgdm = ? AND sqbh = ?", t1, "SL-EDU", b.get("application_id"))).isEqualTo(1);
        changes.put(b.get("application_id"), Map.of("applicant_type", "commercial"));
        assertThat(db.update("INSERT INTO ysq_sqb VALUES ('YSQ-NEW-1', 'SL-EDU', '2024-06-01 10:00:00', 4, '2024-06-12', ?, '0', NULL, ?)",
                db.outcomeCodes.get("granted"), t1)).isEqualTo(1);
        List<String> added = List.of("YSQ-NEW-1", "SL-EDU", "2024-06-01", "social_welfare", "2024-06-12", "granted", "N", "");
        assertThat(db.update("DELETE FROM ysq_sqb WHERE jgdm = ? AND sqbh = ?", "SL-PNR", d.get("application_id"))).isEqualTo(1);

        // Night 2: only the three changed rows are read; the deleted one is still counted (an incremental pull sees no deletions).
        long applicationsBefore = store.counts().get("application");
        JobExecution night2 = launcher.pull(pullData, 2024, tmp.resolve("night2"), DEFINITION, false);
        assertThat(night2.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertRead(night2, "casedb/applications", 3, 0);
        assertRead(night2, "casedb/appeals", 0, 0);
        assertThat(store.counts().get("application")).isEqualTo(applicationsBefore + 1);
        assertThat(table3(tmp.resolve("night2"), "SL-EDU")).isNotEqualTo(table3(tmp.resolve("night1"), "SL-EDU"));
        String mark2 = watermarks.get("casedb", "applications").orElseThrow();
        assertThat(LocalDateTime.parse(mark2)).isEqualTo(t1);

        // Night 3 fails (the appeals query is broken): C's change is loaded but the watermark stays.
        LocalDateTime t2 = t1.plusDays(1);
        assertThat(db.update("UPDATE ysq_sqb SET sfje = 5.00, gxsj = ? WHERE jgdm = ? AND sqbh = ?", t2, "SL-DRC", c.get("application_id"))).isEqualTo(1);
        changes.put(c.get("application_id"), Map.of("fee_yuan", "5"));
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(DEFINITION).replace("FROM fy_ajb a", "FROM fy_ajb_gone a"));
        JobExecution failed = launcher.pull(pullData, 2024, tmp.resolve("night3"), broken, false);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions()).anySatisfy(t -> assertThat(t).hasStackTraceContaining("fy_ajb_gone"));
        assertThat(watermarks.get("casedb", "applications")).contains(mark2);
        // Run again: the change is read again, from the unmoved watermark.
        JobExecution night3 = launcher.pull(pullData, 2024, tmp.resolve("night3"), DEFINITION, false);
        assertThat(night3.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertRead(night3, "casedb/applications", 1, 0);
        assertThat(watermarks.get("casedb", "applications")).contains(t2.toString());

        // The weekly full pull: everything read again, and the row deleted at the source is removed.
        JobExecution full = launcher.pull(pullData, 2024, tmp.resolve("full"), DEFINITION, true);
        assertThat(full.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertRead(full, "casedb/applications", original.size(), 3);
        assertThat(store.counts().get("application")).isEqualTo(applicationsBefore);
        assertThat(table3(tmp.resolve("full"), "SL-PNR")).isNotEqualTo(table3(tmp.resolve("night3"), "SL-PNR"));

        // The same records as CSV give the same reports: with D (what the incremental nights saw), and without it.
        Path csvData = SampleData.copyTo(tmp.resolve("csv-data"));
        writeApplications(csvData.resolve("applications.csv"), original, changes, added, null);
        assertThat(launcher.csv(csvData, 2024, tmp.resolve("csv-night3")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertSameReports(tmp.resolve("night3"), tmp.resolve("csv-night3"), 2024);
        writeApplications(csvData.resolve("applications.csv"), original, changes, added, d.get("application_id"));
        assertThat(launcher.csv(csvData, 2024, tmp.resolve("csv-full")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertSameReports(tmp.resolve("full"), tmp.resolve("csv-full"), 2024);
    }

    @Test
    void mistakesInADefinitionAreRefusedBeforeAnythingIsLoaded() throws IOException {
        InputSet sample = new InputInspector(schema).inspect(SampleData.DIR, null);
        assertThatThrownBy(() -> sourceLaunch.prepare(DEFINITION, false, sample))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("applications (applications.csv in").hasMessageContaining("appeals (appeals.csv in");
        Path data = SampleData.copyTo(tmp.resolve("data"));
        Files.delete(data.resolve("applications.csv"));
        Files.delete(data.resolve("appeals.csv"));
        InputSet inputs = new InputInspector(schema).inspect(data, null);
        Path literal = tmp.resolve("literal.yaml");
        Files.writeString(literal, Files.readString(DEFINITION).replace("${CASEDB_PASSWORD}", "secret"));
        assertThatThrownBy(() -> sourceLaunch.prepare(literal, false, inputs)).hasMessageContaining("never the password itself");
        Path unset = tmp.resolve("unset.yaml");
        Files.writeString(unset, Files.readString(DEFINITION).replace("${CASEDB_URL}", "${CASEDB_NOT_SET_ANYWHERE}"));
        assertThatThrownBy(() -> sourceLaunch.prepare(unset, false, inputs)).hasMessageContaining("CASEDB_NOT_SET_ANYWHERE");
        Path agencies = tmp.resolve("agencies.yaml");
        Files.writeString(agencies, Files.readString(DEFINITION).replace("  appeals:", "  agencies:"));
        assertThatThrownBy(() -> sourceLaunch.prepare(agencies, false, inputs)).hasMessageContaining("kinds.agencies");
    }

    private void assertRead(JobExecution e, String input, long read, long rejected) {
        RunSummary summary = RunSummary.collect(jobRepository, e, schema);
        assertThat(summary.files()).as(input).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo(input);
            assertThat(f.encoding()).isEqualTo("database");
            assertThat(f.read()).as(input + " read").isEqualTo(read);
            assertThat(f.rejected()).as(input + " rejected").isEqualTo(rejected);
            assertThat(f.balanced()).isTrue();
        });
    }

    private static void assertMatchesOracle(Path out, int year) {
        List<Path> expected = SampleData.agencyCodes(year).toList();
        assertThat(expected).isNotEmpty();
        for (Path e : expected) {
            String code = e.getFileName().toString().replace(".json", "");
            JsonNode want = SampleData.read(e);
            JsonNode got = SampleData.read(out.resolve(year + "/" + code + "/tables.json"));
            for (String field : List.of("agency_code", "year", "scope", "table2", "table3", "table4")) {
                assertThat(got.get(field)).as("%d %s %s", year, code, field).isEqualTo(want.get(field));
            }
        }
    }

    private static void assertSameReports(Path pulled, Path fromCsv, int year) throws IOException {
        try (var dirs = Files.list(fromCsv.resolve(String.valueOf(year)))) {
            List<Path> agencies = dirs.filter(p -> Files.exists(p.resolve("tables.json"))).toList();
            assertThat(agencies).hasSize((int) SampleData.agencyCodes(year).count());
            for (Path a : agencies) {
                JsonNode want = SampleData.read(a.resolve("tables.json"));
                JsonNode got = SampleData.read(pulled.resolve(String.valueOf(year)).resolve(a.getFileName()).resolve("tables.json"));
                // The same records, so the same digests of them; only the inputs they were loaded from differ.
                got.get(TablesJson.SOURCES).forEach(kind -> {
                    if (kind.get("records").asLong() > 0) {
                        assertThat(kind.get("files")).as("%s", a.getFileName()).isNotEmpty();
                    }
                });
                assertThat(withoutSourceFiles(got)).as("%s", a.getFileName()).isEqualTo(withoutSourceFiles(want));
            }
        }
    }

    private static JsonNode withoutSourceFiles(JsonNode tables) {
        ObjectNode copy = tables.deepCopy();
        copy.get(TablesJson.SOURCES).forEach(kind -> ((ObjectNode) kind).remove("files"));
        return copy;
    }

    private static JsonNode table3(Path out, String agency) {
        return SampleData.read(out.resolve("2024/" + agency + "/tables.json")).get("table3");
    }

    private static CSVRecord first(List<CSVRecord> rows, Predicate<CSVRecord> p) {
        return rows.stream().filter(p).findFirst().orElseThrow(() -> new AssertionError("no such row in the sample"));
    }

    private static void writeApplications(Path file, List<CSVRecord> original, Map<String, Map<String, String>> changes,
                                          List<String> added, String deleted) throws IOException {
        List<String> header = original.get(0).getParser().getHeaderNames();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (CSVRecord r : original) {
                if (r.get("application_id").equals(deleted)) {
                    continue;
                }
                Map<String, String> change = changes.getOrDefault(r.get("application_id"), Map.of());
                List<String> values = new ArrayList<>();
                for (String h : header) {
                    values.add(change.getOrDefault(h, r.get(h)));
                }
                out.printRecord(values);
            }
            out.printRecord(added);
        }
    }
}
