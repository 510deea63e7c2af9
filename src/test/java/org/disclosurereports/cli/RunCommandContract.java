package org.disclosurereports.cli;

import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.job.AnnualReportJobConfiguration;
import org.disclosurereports.job.RunParameters;
import org.disclosurereports.job.RunScopeCheck;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.support.SampleData;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run} as the command line runs it, on the demo data sets in the order the README gives them:
 * one data directory's run never destroys another's records, the same inputs give the same figures
 * whatever the database saw before, a refused or single-agency run never replaces the year's
 * provenance, and the exit code tells a scheduler about blocking findings.
 */
@SpringBootTest
abstract class RunCommandContract {

    static final Path EXCEL = SampleData.DIR.resolve("excel");

    @Autowired
    RunCommand runCommand;
    @Autowired
    RecordStore store;
    @Autowired
    InputSchema schema;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    SealCommand sealCommand;
    @Autowired
    UnsealCommand unsealCommand;

    @TempDir
    Path out;

    ExitCode run(Path data, int year, Path outDir, String agency, String... flags) {
        Map<String, String> values = new HashMap<>(Map.of("data", data.toString(), "year", String.valueOf(year), "out", outDir.toString()));
        if (agency != null) {
            values.put("agency", agency);
        }
        return runCommand.execute(new Options("run", values, Set.of(flags)));
    }

    private long loads() {
        return jobRepository.getJobInstances(AnnualReportJobConfiguration.JOB_NAME, 0, Integer.MAX_VALUE).size();
    }

    @Test
    void theExcelDemoAfterTheMainDemoIsRefusedNamingTheMainDataDirectoryAndLeavesItsRecords() throws Exception {
        // The main demo takes its agencies (back) from whatever the other tests of this class loaded.
        assertThat(run(SampleData.DIR, 2024, out.resolve("main"), null, "take-over")).isEqualTo(ExitCode.OK);
        Map<String, Long> counts = store.counts();
        long loads = loads();

        assertThat(run(EXCEL, 2024, out.resolve("excel"), null)).isEqualTo(ExitCode.INPUT_REFUSED);
        assertThat(store.counts()).as("nothing loaded or removed").isEqualTo(counts);
        assertThat(loads()).as("no job started").isEqualTo(loads);
        assertThat(out.resolve("excel")).doesNotExist();
        List<String> problems = new RunScopeCheck(schema, store).problems(new InputInspector(schema).inspect(EXCEL, null),
                RunParameters.ALL_AGENCIES, false);
        assertThat(problems).singleElement().asString().contains(SampleData.DIR.toString()).contains("SL-PNR").contains("--take-over");
        // The main demo's reports are still built from its records.
        assertThat(run(SampleData.DIR, 2024, out.resolve("main-again"), null, "force")).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(out.resolve("main-again/2024/SL-PNR/tables.json")))
                .isEqualTo(Files.readString(out.resolve("main/2024/SL-PNR/tables.json")));
    }

    @Test
    void aDataDirectoryThatTakesAgenciesOverGivesTheFiguresOfAFreshDatabaseAndItsManifestNamesEverySource() throws Exception {
        // As on a fresh database: a copy of the excel directory takes its agencies over from whatever the other
        // tests of this class loaded, which removes every record another directory loaded for them.
        Path excel = copy(EXCEL, out.resolve("excel-data"));
        Path fresh = out.resolve("fresh");
        assertThat(run(excel, 2024, fresh, null, "take-over")).isIn(ExitCode.OK, ExitCode.BLOCKING_FINDINGS);
        // Now the main demo takes the agencies back, and the excel directory again after it.
        assertThat(run(SampleData.DIR, 2024, out.resolve("main"), null, "take-over")).isEqualTo(ExitCode.OK);
        Path after = out.resolve("after");
        assertThat(run(excel, 2024, after, null, "take-over")).isIn(ExitCode.OK, ExitCode.BLOCKING_FINDINGS);
        for (String code : List.of("SL", "SL-PNR", "SL-SAMR")) {
            JsonNode want = SampleData.read(fresh.resolve("2024").resolve(code).resolve("tables.json"));
            JsonNode got = SampleData.read(after.resolve("2024").resolve(code).resolve("tables.json"));
            for (String table : List.of("table2", "table3", "table4")) {
                assertThat(got.get(table)).as(code + " " + table + " whatever the database saw before").isEqualTo(want.get(table));
            }
        }
        JsonNode manifest = SampleData.read(after.resolve("2024/manifest.json"));
        List<String> sources = new ArrayList<>();
        manifest.get("records").forEach(r -> sources.add(r.get("kind").asText() + " " + r.get("from").asText() + " "
                + r.get("input").asText() + " " + r.get("data_directory").asText()));
        assertThat(sources).containsExactlyInAnyOrder("agencies this run agencies.csv " + excel,
                "applications this run applications.xlsx " + excel);
    }

    @Test
    void recordsKeptFromAnEarlierLoadAreNamedInTheManifestWithTheirLoadInputAndDigest() throws Exception {
        Path data = SampleData.copyTo(out.resolve("data"));
        assertThat(run(data, 2024, out.resolve("first"), null, "take-over")).isIn(ExitCode.OK, ExitCode.BLOCKING_FINDINGS);
        long firstLoad = SampleData.read(out.resolve("first/2024/manifest.json")).get("job").get("instance_id").asLong();
        Files.delete(data.resolve("appeals.csv"));
        assertThat(run(data, 2024, out.resolve("second"), null)).isIn(ExitCode.OK, ExitCode.BLOCKING_FINDINGS);
        JsonNode manifest = SampleData.read(out.resolve("second/2024/manifest.json"));
        JsonNode appeals = null;
        for (JsonNode r : manifest.get("records")) {
            if (r.get("kind").asText().equals("appeals")) {
                appeals = r;
            }
        }
        assertThat(appeals).as("the appeals behind table 四 are named").isNotNull();
        assertThat(appeals.get("from").asText()).isEqualTo("kept from an earlier load");
        assertThat(appeals.get("load").asLong()).isEqualTo(firstLoad);
        assertThat(appeals.get("input").asText()).isEqualTo("appeals.csv");
        assertThat(appeals.get("data_directory").asText()).isEqualTo(data.toString());
        assertThat(appeals.get("rows").asLong()).isPositive();
        assertThat(appeals.get("records_sha256").asText()).hasSize(64);
        assertThat(manifest.get("inputs").toString()).doesNotContain("appeals.csv");
    }

    @Test
    void anUnknownAgencyIsRefusedBeforeAnythingIsLoadedAndLeavesTheYearsProvenance() throws Exception {
        Path data = SampleData.copyTo(out.resolve("data"));
        Path outDir = out.resolve("out");
        assertThat(run(data, 2024, outDir, null, "take-over")).isIn(ExitCode.OK, ExitCode.BLOCKING_FINDINGS);
        String manifest = Files.readString(outDir.resolve("2024/manifest.json"));
        String summary = Files.readString(outDir.resolve("2024/run-summary.json"));
        long loads = loads();

        assertThat(run(data, 2024, outDir, "SL-NOPE")).isEqualTo(ExitCode.INPUT_REFUSED);
        assertThat(loads()).as("nothing loaded").isEqualTo(loads);
        assertThat(Files.readString(outDir.resolve("2024/manifest.json"))).isEqualTo(manifest);
        assertThat(Files.readString(outDir.resolve("2024/run-summary.json"))).isEqualTo(summary);

        // A run for one agency keeps its own provenance under runs/, and leaves the year's.
        assertThat(run(data, 2024, outDir, "SL-JD1")).isIn(ExitCode.OK, ExitCode.BLOCKING_FINDINGS);
        assertThat(Files.readString(outDir.resolve("2024/manifest.json"))).isEqualTo(manifest);
        assertThat(Files.readString(outDir.resolve("2024/run-summary.json"))).isEqualTo(summary);
        try (Stream<Path> runs = Files.list(outDir.resolve("2024/runs"))) {
            List<Path> dirs = runs.filter(Files::isDirectory).toList();
            assertThat(dirs).hasSize(2);
            assertThat(dirs).allSatisfy(d -> assertThat(d.resolve("manifest.json")).exists())
                    .allSatisfy(d -> assertThat(d.resolve("run-summary.json")).exists());
        }
    }

    @Test
    void blockingFindingsExitFiveAndTheSuggestedYearValidatesCleanly() throws Exception {
        Path data = SampleData.copyTo(out.resolve("data"));
        assertThat(run(data, 2024, out.resolve("2024"), null, "take-over")).as("the README's year").isEqualTo(ExitCode.OK);
        assertThat(run(data, 2023, out.resolve("2023"), null)).as("E1 fails on SL-SAMR-XH in 2023").isEqualTo(ExitCode.BLOCKING_FINDINGS);
        // Up to date: the same answer again, without building.
        assertThat(run(data, 2023, out.resolve("2023"), null)).isEqualTo(ExitCode.BLOCKING_FINDINGS);
    }

    @Test
    void theSameInputsAreUpToDateAfterAForcedRunAndAfterARerunButNotAfterAnotherScopesLoad() throws Exception {
        Path o = out.resolve("o");
        assertThat(run(SampleData.DIR, 2024, o, null, "take-over")).isEqualTo(ExitCode.OK);
        long before = loads();
        assertThat(run(SampleData.DIR, 2024, o, null, "force")).isEqualTo(ExitCode.OK);
        assertThat(loads()).as("--force is a run of its own").isEqualTo(before + 1);
        // The forced run is the newest run of these inputs: nothing to do, night after night.
        assertThat(run(SampleData.DIR, 2024, o, null)).isEqualTo(ExitCode.OK);
        assertThat(run(SampleData.DIR, 2024, o, null)).isEqualTo(ExitCode.OK);
        assertThat(loads()).as("up to date after --force").isEqualTo(before + 1);

        // Another scope loads in between: the store may no longer be as these inputs left it, so they run again, once.
        assertThat(run(SampleData.DIR, 2024, out.resolve("one"), "SL-JD1")).isEqualTo(ExitCode.OK);
        assertThat(run(SampleData.DIR, 2024, o, null)).isEqualTo(ExitCode.OK);
        assertThat(loads()).isEqualTo(before + 3);
        assertThat(run(SampleData.DIR, 2024, o, null)).isEqualTo(ExitCode.OK);
        assertThat(loads()).as("up to date after that rerun").isEqualTo(before + 3);
    }

    @Test
    void aSealHoldsForTheOutputDirectoryItWasMadeInAndOtherDirectoriesBuildNormally() throws Exception {
        Path published = out.resolve("published");
        assertThat(run(SampleData.DIR, 2024, published, null, "take-over")).isEqualTo(ExitCode.OK);
        Map<String, String> seal = Map.of("out", published.toString(), "year", "2024", "agency", "SL-JD1", "by", "test");
        assertThat(sealCommand.execute(new Options("seal", seal, Set.of()))).isEqualTo(ExitCode.OK);
        try {
            Path other = out.resolve("other");
            assertThat(run(SampleData.DIR, 2024, other, null)).as("no unit or summary failed").isEqualTo(ExitCode.OK);
            assertThat(other.resolve("2024/SL-JD1/report.html")).exists();
            assertThat(other.resolve("2024/SL-JD1/.sealed")).doesNotExist();
            assertThat(other.resolve("2024/SL/summary/tables.json")).exists();

            // In the directory it was sealed in, the unit is left as published, and the summary above it is built.
            String publishedHtml = Files.readString(published.resolve("2024/SL-JD1/report.html"));
            assertThat(run(SampleData.DIR, 2024, published, null, "force")).isEqualTo(ExitCode.OK);
            assertThat(published.resolve("2024/SL-JD1/.sealed")).exists();
            assertThat(Files.readString(published.resolve("2024/SL-JD1/report.html"))).isEqualTo(publishedHtml);
            assertThat(published.resolve("2024/SL/summary/tables.json")).exists();
        } finally {
            unsealCommand.execute(new Options("unseal", Map.of("year", "2024", "agency", "SL-JD1"), Set.of()));
        }
    }

    static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from, 1)) {
            Files.createDirectories(to);
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
