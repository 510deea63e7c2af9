package org.disclosurereports.job.remote;

import org.disclosurereports.support.ChildJvm;
import org.disclosurereports.support.MySqlServer;
import org.disclosurereports.support.RabbitMqBroker;
import org.disclosurereports.support.ReferenceRun;
import org.disclosurereports.support.ReportFiles;
import org.disclosurereports.support.SampleData;
import org.disclosurereports.support.TestHooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote partitioning for real: a manager ({@code run --workers N}) and worker JVMs ({@code worker}) on one
 * MySQL database (MariaDB here) and one RabbitMQ queue. The stories run in order on the same database,
 * each into its own output directory, and each ends with reports byte-identical to a clean run in one
 * process: with three workers, with two across a broker restart, after a worker is killed in the middle
 * of a partition, after a run that found no worker at all, and after one that found the broker down.
 */
@ExtendWith({MySqlServer.class, RabbitMqBroker.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteWorkersJvmMySqlTest {

    /** The exit code of a JVM that ended on SIGTERM. */
    private static final int STOPPED = 143;

    /**
     * The manager that resumes a failed run, with one worker, waiting as a run normally waits: the stall
     * times of the failing runs are seconds, and a freshly started worker's first chunk can take longer.
     */
    private static final List<String> RESUME = List.of("--workers", "1");

    @TempDir
    static Path tmp;

    private static String database;
    private static String queue;
    private static ReferenceRun reference;
    private static final List<ChildJvm> workers = new ArrayList<>();

    @BeforeAll
    static void startWorkers() throws Exception {
        database = MySqlServer.createDatabase("disclosure_remote");
        queue = "disclosure-test-" + UUID.randomUUID().toString().substring(0, 8);
        reference = ReferenceRun.of(SampleData.DIR, 2024);
        for (int i = 0; i < 3; i++) {
            workers.add(worker("w" + i, List.of()));
        }
        for (ChildJvm w : workers) {
            assertThat(w.awaitOutput("Worker ready", 120)).as(w.toString()).isTrue();
        }
    }

    @AfterAll
    static void stopWorkers() throws InterruptedException {
        for (ChildJvm w : workers) {
            if (w.isAlive()) {
                w.stop();
            }
        }
        if (database != null) {
            MySqlServer.dropDatabase(database);
        }
    }

    @Test
    @Order(1)
    void threeWorkersBuildWhatOneProcessBuilds() throws Exception {
        ChildJvm three = manager("three", List.of("--workers", "3"));
        assertThat(three.waitFor()).as(three.toString()).isZero();
        assertSameReportsAsOneProcess("three");
        for (ChildJvm w : workers) {
            assertThat(w.stdout() + w.stderr()).as("every worker built a partition: " + w).contains("Building report partition");
        }
        // The loads stay on the manager: a worker's log has no load step.
        assertThat(workers.get(0).stdout() + workers.get(0).stderr()).doesNotContain("loadApplications");

        // A worker told to stop ends as a JVM ends on SIGTERM (as systemd or Kubernetes stop it): 143.
        // The next story's run has the other two.
        assertThat(workers.get(2).stop()).isEqualTo(STOPPED);
    }

    @Test
    @Order(2)
    void aBrokerRestartInTheMiddleOfARunEndsInTheSameReports() throws Exception {
        ChildJvm run = manager("restart", List.of("--workers", "2"));
        assertThat(run.awaitOutput("report partitions sent to", 120)).as(run.toString()).isTrue();
        RabbitMqBroker.restart();
        int exit = run.waitFor();
        if (exit != 0) {
            // Requests the broker lost are failed by the manager; the run stays restartable.
            assertThat(exit).as(run.toString()).isEqualTo(1);
            ChildJvm again = manager("restart", List.of("--workers", "2"));
            assertThat(again.waitFor()).as(again.toString()).isZero();
        }
        assertSameReportsAsOneProcess("restart");
    }

    @Test
    @Order(3)
    void aWorkerKilledInAPartitionFailsItAndARestartBuildsItOnAnotherWorker() throws Exception {
        assertThat(workers.get(1).stop()).isEqualTo(STOPPED);
        // Halted as kill -9 would: no shutdown, no last commit; after one committed chunk of its partition.
        ChildJvm doomed = worker("doomed", TestHooks.haltAfterChunks("buildReports", 1));
        assertThat(doomed.awaitOutput("Worker ready", 120)).as(doomed.toString()).isTrue();
        // Two partitions of six units (two chunks each): each of the two workers takes one.
        List<String> settings = List.of("--workers", "2", "--disclosure.build.partitions=2", "--disclosure.workers.stall-seconds=6");
        ChildJvm failed = manager("killed", settings);
        assertThat(failed.waitFor()).as(failed.toString()).isEqualTo(1);
        assertThat(doomed.waitFor()).isEqualTo(137);
        assertThat(failed.stderr()).contains("its worker stopped answering: no commit for 6 s");

        // The restart waits as long as a run normally does: a worker's first chunk may take longer than the stall above.
        ChildJvm restarted = manager("killed", RESUME);
        assertThat(restarted.waitFor()).as(restarted.toString()).isZero();
        assertThat(restarted.stdout()).contains("reports " + SampleData.agencyCodes(2024).count() + " built");
        assertSameReportsAsOneProcess("killed");
    }

    @Test
    @Order(4)
    void aRunWithoutAnyWorkerFailsClearlyAndResumesOnceOneStarts() throws Exception {
        assertThat(workers.get(0).stop()).isEqualTo(STOPPED);
        List<String> settings = List.of("--workers", "1", "--disclosure.workers.stall-seconds=4");
        ChildJvm alone = manager("alone", settings);
        assertThat(alone.waitFor()).as(alone.toString()).isEqualTo(1);
        assertThat(alone.stderr()).contains("no worker took it within 4 s (is a worker running, listening on queue " + queue);

        ChildJvm late = worker("late", List.of());
        workers.add(late);
        assertThat(late.awaitOutput("Worker ready", 120)).as(late.toString()).isTrue();
        ChildJvm resumed = manager("alone", RESUME);
        assertThat(resumed.waitFor()).as(resumed.toString()).isZero();
        assertSameReportsAsOneProcess("alone");
    }

    @Test
    @Order(5)
    void aRunThatFindsTheBrokerDownFailsCleanlyAndResumesOnceItIsBack() throws Exception {
        RabbitMqBroker.stop();
        ChildJvm refused;
        try {
            refused = manager("down", List.of("--workers", "1"));
            assertThat(refused.waitFor()).as(refused.toString()).isEqualTo(1);
        } finally {
            RabbitMqBroker.start();
        }
        assertThat(refused.stderr()).contains("the report partitions could not be sent to queue " + queue)
                .contains("is the broker running? Run the same command again to resume");

        ChildJvm resumed = manager("down", List.of("--workers", "1"));
        assertThat(resumed.waitFor()).as(resumed.toString()).isZero();
        assertSameReportsAsOneProcess("down");
    }

    private static ChildJvm worker(String name, List<String> properties) throws IOException {
        List<String> args = new ArrayList<>(List.of("worker"));
        args.addAll(shared());
        return ChildJvm.start(tmp.resolve(name), properties, args);
    }

    /** A manager run of the sample district into its own output directory, {@code tmp/NAME/out}. */
    private static ChildJvm manager(String name, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "--data", SampleData.DIR.toString(), "--year", "2024",
                "--out", out(name).toString()));
        args.addAll(options);
        args.addAll(shared());
        return ChildJvm.start(tmp.resolve(name), List.of(), args);
    }

    private static Path out(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name).resolve("out"));
    }

    /** The database, the broker and the queue every process of these stories shares. */
    private static List<String> shared() {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database,
                "--spring.datasource.username=" + MySqlServer.USER, "--spring.datasource.password=" + MySqlServer.PASSWORD,
                "--disclosure.workers.queue=" + queue, "--disclosure.workers.poll-millis=300"));
        args.addAll(RabbitMqBroker.settings());
        return args;
    }

    private static void assertSameReportsAsOneProcess(String name) throws IOException {
        ReportFiles.assertSame(reference.out().resolve("2024"), out(name).resolve("2024"));
    }
}
