package org.disclosurereports.operations;

import org.disclosurereports.support.ChildJvm;
import org.disclosurereports.support.ReferenceRun;
import org.disclosurereports.support.ReportFiles;
import org.disclosurereports.support.SampleData;
import org.disclosurereports.support.TestHooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nightly operations with real JVMs, as cron starts them, where the database makes a difference: crash
 * (halt, as kill -9) and resume, two runs at once. Run on H2 (file database, AUTO_SERVER) and on MySQL
 * by the subclasses, which say where each JVM's database is.
 */
abstract class NightlyOperationsJvmContract {

    /** The units of the sample district: one report each. */
    static final int UNITS = (int) SampleData.agencyCodes(2024).count();

    @TempDir
    Path tmp;

    /** Spring settings that give a JVM the database named {@code name} (one per "installation"). */
    abstract List<String> database(String name);

    ChildJvm run(String db, Path workDir, List<String> props, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(database(db));
        return ChildJvm.start(workDir, props, a);
    }

    /** The demo data plus 3,000 more applications, so that loadApplications has several chunks (of 1,000). */
    Path bigData() throws IOException {
        return SampleData.copyWithManyApplications(tmp.resolve("data"));
    }

    @Test
    void aRunKilledInIngestAndAgainInRenderingResumesToTheSameOutputsAsACleanRun() throws Exception {
        Path data = bigData();
        ReferenceRun clean = ReferenceRun.of(data, 2024);
        Path cleanOut = clean.out();
        // Under cron (no terminal): progress as log lines, with the rate (items a second, or seconds an item).
        assertThat(clean.stdout()).containsPattern("(loadApplications|buildReports(Partition:units-\\d+)?): \\d+ items.*, [\\d.]+(/s| s/item)");

        Path out = tmp.resolve("out");
        String[] cmd = {"run", "--data", data.toString(), "--year", "2024", "--out", out.toString()};
        ChildJvm ingest = run("crash", tmp.resolve("crash"), TestHooks.haltAfterChunks("loadApplications", 1), cmd);
        assertThat(ingest.waitFor()).as(ingest.toString()).isEqualTo(137);
        assertThat(ingest.stderr()).contains("halting the JVM in loadApplications after 1 committed chunks");

        // The next night finds the run STARTED, fails it and resumes it: and is killed again, while rendering.
        ChildJvm render = run("crash", tmp.resolve("crash"), TestHooks.haltAfterChunks("buildReports", 1), cmd);
        assertThat(render.waitFor()).as(render.toString()).isEqualTo(137);
        assertThat(render.stderr()).contains("was left unfinished by a process that is gone: marked FAILED");
        // Partitions build side by side: whichever committed its first chunk first, that chunk's reports are there.
        try (Stream<Path> dirs = Files.list(out.resolve("2024"))) {
            assertThat(dirs.filter(d -> Files.exists(d.resolve("report.pdf"))).count()).as("the first chunk's reports were written")
                    .isGreaterThanOrEqualTo(5);
        }

        ChildJvm resumed = run("crash", tmp.resolve("crash"), List.of(), cmd);
        assertThat(resumed.waitFor()).as(resumed.toString()).isZero();
        assertThat(resumed.stderr()).contains("marked FAILED");
        // The whole night is reported: every row once, every report once, over the three executions.
        assertThat(resumed.stdout()).contains("applications.csv 3755/3752/3").contains("reports " + UNITS + " built, 0 unchanged");

        ReportFiles.assertSame(cleanOut.resolve("2024"), out.resolve("2024"));

        ChildJvm again = run("crash", tmp.resolve("crash"), List.of(), cmd);
        assertThat(again.waitFor()).as(again.toString()).isZero();
        assertThat(again.stdout()).contains("Up to date");
    }

    /**
     * Whether runs of other scopes run side by side with a run in progress on the same database (a
     * server database), or are refused until it ends (one run process at a time on an embedded H2 file).
     */
    abstract boolean otherScopesRunSideBySide();

    /**
     * A run paused before its summaries; meanwhile the same scope is refused (from this installation and
     * from another one writing into the same output directory), and another year's run of the same
     * agencies runs side by side or is refused: the paused run still ends with every summary.
     */
    @Test
    void aSecondRunOfTheSameScopeIsRefusedWhileOtherScopesRunSideBySide() throws Exception {
        Path out = tmp.resolve("out");
        Path release = tmp.resolve("release");
        ChildJvm first = run("shared", tmp.resolve("a"), TestHooks.pauseBeforeStep("buildSummaries", release),
                "run", "--data", SampleData.DIR.toString(), "--year", "2024", "--out", out.toString());
        try {
            assertThat(first.awaitOutput("TEST HOOK: paused before buildSummaries", 240)).as(first.toString()).isTrue();

            ChildJvm same = run("shared", tmp.resolve("a"), List.of(), "run", "--data", SampleData.DIR.toString(), "--year", "2024", "--out", out.toString());
            assertThat(same.waitFor()).as(same.toString()).isEqualTo(4);
            assertThat(same.stderr()).contains("Refused: a run for 2024 (all agencies").contains("is already in progress")
                    .contains("process " + first.pid());

            // Another installation (its own working directory and database) writing into the same output directory.
            ChildJvm elsewhere = run("second", tmp.resolve("b"), List.of(), "run", "--data", SampleData.DIR.toString(), "--year", "2024",
                    "--out", out.toString());
            assertThat(elsewhere.waitFor()).as(elsewhere.toString()).isEqualTo(4);
            assertThat(elsewhere.stderr()).contains("Refused: a run for 2024 (all agencies").contains("with another database")
                    .contains("process " + first.pid() + " on ").contains("run --data " + SampleData.DIR + " --year 2024");

            // The year before, over the same agencies: its load stamps their rows with its own load.
            ChildJvm other = run("shared", tmp.resolve("a"), List.of(), "run", "--data", SampleData.DIR.toString(), "--year", "2023",
                    "--out", out.toString());
            if (otherScopesRunSideBySide()) {
                // 5: the demo's 2023 has one blocking finding on purpose.
                assertThat(other.waitFor()).as(other.toString()).isEqualTo(5);
                assertThat(other.stdout()).contains("RUN 2023 all: COMPLETED");
            } else {
                assertThat(other.waitFor()).as(other.toString()).isEqualTo(4);
                assertThat(other.stderr()).contains("another run is in progress on the embedded database")
                        .contains("process " + first.pid() + " on ");
            }
        } finally {
            Files.writeString(release, "go");
        }
        assertThat(first.waitFor()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("RUN 2024 all: COMPLETED").contains("reports " + UNITS + " built");
        for (Path summary : SampleData.summaryCodes(2024).toList()) {
            String code = summary.getFileName().toString().replace(".json", "");
            assertThat(SampleData.read(out.resolve("2024").resolve(code).resolve("summary/tables.json")).get("table3"))
                    .as("summary " + code).isEqualTo(SampleData.read(summary).get("table3"));
        }
    }
}
