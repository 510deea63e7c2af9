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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator commands on real runs, each command in a JVM of its own as an operator types it while
 * cron's run goes on in another: {@code stop} ends a run after the chunk it is in and the same
 * {@code run} resumes it; {@code abandon} makes the next run a new one; {@code runs} shows both. Run on
 * H2 and on MySQL by the subclasses, which say where each JVM's database is.
 */
abstract class OperatorCommandsJvmContract {

    /** The chunk size of the load steps. */
    private static final int CHUNK = 1000;

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
    void aStoppedRunEndsAfterItsChunkIsListedAsStoppedAndResumesToTheSameOutputsAsACleanRun() throws Exception {
        Path data = bigData();
        Path cleanOut = ReferenceRun.of(data, 2024).out();

        Path out = tmp.resolve("out");
        Path work = tmp.resolve("ops");
        Path release = tmp.resolve("release");
        String[] cmd = {"run", "--data", data.toString(), "--year", "2024", "--out", out.toString()};
        ChildJvm night = run("ops", work, TestHooks.pauseBeforeStep("loadApplications", release), cmd);
        ChildJvm stop;
        try {
            assertThat(night.awaitOutput("TEST HOOK: paused before loadApplications", 240)).as(night.toString()).isTrue();

            // A run in progress cannot be abandoned: refused with its holder, as a second run is.
            ChildJvm abandon = run("ops", work, List.of(), "abandon", "--year", "2024", "--out", out.toString());
            assertThat(abandon.waitFor()).as(abandon.toString()).isEqualTo(4);
            assertThat(abandon.stderr()).contains("is already in progress").contains("process " + night.pid());

            stop = run("ops", work, List.of(), "stop", "--year", "2024", "--out", out.toString());
            assertThat(stop.waitFor()).as(stop.toString()).isZero();
        } finally {
            Files.writeString(release, "go");
        }
        assertThat(stop.stdout()).contains("Stopping run 1 (execution 1");
        assertThat(night.waitFor()).as(night.toString()).isEqualTo(7);
        assertThat(night.stdout()).contains("RUN 2024 all: STOPPED");
        assertThat(night.stderr()).contains("The run was stopped by an operator (run 1, execution 1)");

        ChildJvm runs = run("ops", work, List.of(), "runs", "--year", "2024", "--out", out.toString());
        assertThat(runs.waitFor()).as(runs.toString()).isZero();
        // The step finished the chunk it was in, and no more.
        assertThat(runs.stdout()).contains("1 run of 2024, newest first:")
                .contains("run 1  STOPPED  all agencies  output " + out)
                .containsPattern("execution 1  STOPPED  started \\S+  ended \\S+")
                .containsPattern("loadAgencies\\s+COMPLETED")
                .containsPattern("loadApplications\\s+STOPPED\\s+read " + CHUNK + ", written \\d+, skipped \\d+")
                .doesNotContain("buildReports");

        ChildJvm resumed = run("ops", work, List.of(), cmd);
        assertThat(resumed.waitFor()).as(resumed.toString()).isZero();
        assertThat(resumed.stdout()).contains("RUN 2024 all: COMPLETED").contains("applications.csv 3755/3752/3");
        ReportFiles.assertSame(cleanOut.resolve("2024"), out.resolve("2024"));

        ChildJvm after = run("ops", work, List.of(), "runs", "--year", "2024");
        assertThat(after.waitFor()).as(after.toString()).isZero();
        assertThat(after.stdout()).contains("run 1  COMPLETED").containsPattern("execution 2  COMPLETED[^\\n]*\\n(.*\\n)*  execution 1  STOPPED");

        ChildJvm nothing = run("ops", work, List.of(), "stop", "--year", "2024", "--out", out.toString());
        assertThat(nothing.waitFor()).as(nothing.toString()).isEqualTo(1);
        assertThat(nothing.stderr()).contains("is not in progress").contains("nothing to stop");
    }

    @Test
    void anAbandonedRunIsNotResumedTheNextRunIsANewOne() throws Exception {
        Path data = bigData();
        Path out = tmp.resolve("out");
        Path work = tmp.resolve("ops");
        String[] cmd = {"run", "--data", data.toString(), "--year", "2024", "--out", out.toString()};
        ChildJvm crashed = run("ops", work, TestHooks.haltAfterChunks("loadApplications", 1), cmd);
        assertThat(crashed.waitFor()).as(crashed.toString()).isEqualTo(137);

        // Its process is gone: abandon takes its lease, marks it FAILED as a run would, and abandons it.
        ChildJvm abandon = run("ops", work, List.of(), "abandon", "--year", "2024", "--out", out.toString());
        assertThat(abandon.waitFor()).as(abandon.toString()).isZero();
        assertThat(abandon.stderr()).contains("marked FAILED");
        assertThat(abandon.stdout()).contains("Abandoned run 1 (execution 1)");

        ChildJvm fresh = run("ops", work, List.of(), cmd);
        assertThat(fresh.waitFor()).as(fresh.toString()).isZero();
        assertThat(fresh.stdout()).contains("Run 1 with these inputs was abandoned: starting a new run.")
                .contains("RUN 2024 all: COMPLETED").contains("applications.csv 3755/3752/3");
        assertThat(fresh.stderr()).doesNotContain("marked FAILED");

        ChildJvm runs = run("ops", work, List.of(), "runs", "--year", "2024", "--out", out.toString());
        assertThat(runs.waitFor()).as(runs.toString()).isZero();
        // Instance ids come from a sequence: the new run's is whatever it handed out, after 1.
        Matcher newest = Pattern.compile("(?m)^run (\\d+)  COMPLETED").matcher(runs.stdout());
        assertThat(newest.find()).as(runs.stdout()).isTrue();
        String replacement = newest.group(1);
        assertThat(replacement).isNotEqualTo("1");
        assertThat(runs.stdout()).contains("2 runs of 2024, newest first:").containsPattern("run \\d+  COMPLETED(.*\\n)*run 1  ABANDONED")
                .containsPattern("loadApplications\\s+FAILED\\s+read " + CHUNK);

        // The run that replaced it is the run of these inputs now: up to date, not a third one.
        ChildJvm again = run("ops", work, List.of(), cmd);
        assertThat(again.waitFor()).as(again.toString()).isZero();
        assertThat(again.stdout()).contains("continuing the run that replaced it").contains("Up to date").contains("(run " + replacement + ")");

        ChildJvm completed = run("ops", work, List.of(), "abandon", "--year", "2024", "--out", out.toString());
        assertThat(completed.waitFor()).as(completed.toString()).isEqualTo(1);
        assertThat(completed.stderr()).contains("Run " + replacement + " is COMPLETED: only a FAILED or STOPPED run can be abandoned.");

        ChildJvm none = run("ops", work, List.of(), "runs", "--year", "2023");
        assertThat(none.waitFor()).as(none.toString()).isZero();
        assertThat(none.stdout()).contains("No runs: there is no run of 2023 (any scope) in the job repository.");
    }
}
