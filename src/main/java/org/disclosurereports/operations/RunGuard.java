package org.disclosurereports.operations;

import org.disclosurereports.job.AnnualReportJobConfiguration;
import org.disclosurereports.job.HeldLeases;
import org.disclosurereports.job.LoadTurnListener;
import org.disclosurereports.job.RunParameters;
import org.disclosurereports.store.RunLeases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One run per scope at a time, and recovery from runs that died. {@link #acquireRun}: before a launch,
 * takes the lease of the run's scope (year, output directory, agency or all). A live holder means the
 * same job is running: refused (exit code 4). The lease is shared by the processes of one database; the
 * scope's lock file in the output directory ({@link ProcessLock}) extends it to processes on other
 * databases (another working directory's {@code ./var}), and on an embedded H2 file one run process at a
 * time holds the database (a second one would lose its connection when the first exits). Runs of other
 * scopes on a shared server database are not affected. Once the lease is ours, any execution of the same scope still marked STARTED cannot be running (every run holds its
 * lease while it runs): it was left by a crash, and is marked FAILED, with its running steps, so Spring
 * Batch restarts it. The lease is kept alive, and given back, by {@link HeldLeases}; the load turn that
 * runs of every scope take while they load is the job's own ({@link LoadTurnListener}).
 */
@Component
public class RunGuard {

    private static final Logger log = LoggerFactory.getLogger(RunGuard.class);

    /** The folder of the output directory that holds its runs' lock files. */
    public static final String OUTPUT_LOCKS = ".run-locks";

    private final HeldLeases leases;
    /** The output directory's lock of each lease this process holds, by the lease's owner. */
    private final Map<String, ProcessLock> outputLocks = new ConcurrentHashMap<>();
    /** The embedded database's run lock of each run this process holds, by its lease's owner. */
    private final Map<String, ProcessLock> databaseLocks = new ConcurrentHashMap<>();
    /** The runs whose output directory did not exist before their lock, by their lease's owner. */
    private final Map<String, RunParameters> createdOutputs = new ConcurrentHashMap<>();
    private final String databaseUrl;
    private final int retryAttempts;
    private final long retryPauseMillis;
    private final JobRepository repository;
    private final JobOperator operator;

    public RunGuard(HeldLeases leases, JobRepository repository, JobOperator operator,
                    @Value("${spring.datasource.url:}") String databaseUrl,
                    @Value("${disclosure.retry.attempts:5}") int retryAttempts,
                    @Value("${disclosure.retry.pause-millis:1000}") long retryPauseMillis) {
        this.leases = leases;
        this.databaseUrl = databaseUrl;
        this.retryAttempts = retryAttempts;
        this.retryPauseMillis = retryPauseMillis;
        this.repository = repository;
        this.operator = operator;
    }

    /** The scope of a run: what it writes. Two runs of the same scope would overwrite each other's outputs. */
    public static String scopeOf(RunParameters p) {
        return AnnualReportJobConfiguration.JOB_NAME + " year=" + p.year() + " out=" + p.out() + " agency=" + p.agency();
    }

    /** The same run is already in progress. */
    public static final class AlreadyRunning extends Exception {
        AlreadyRunning(String message) {
            super(message);
        }
    }

    /**
     * The lock file of a scope in its output directory (outside the year folders, whose files the
     * manifest lists). Agency codes are letters, digits, {@code -} and {@code _}, so each names a file.
     */
    public static Path outputLockOf(RunParameters p) {
        return p.out().resolve(OUTPUT_LOCKS).resolve(p.year() + "-" + (p.allAgencies() ? "all" : "agency-" + p.agency()) + ".lock");
    }

    /**
     * Takes what a run of {@code params} needs before it launches: the scope's lease, its output
     * directory's lock and, on an embedded H2 file, the database's run lock (one run process at a time).
     */
    public RunLeases.Lease acquireRun(RunParameters params) throws AlreadyRunning {
        return acquire(params, true);
    }

    /**
     * Takes the scope's lease and its output directory's lock, for an operator acting on the scope's
     * runs (short-lived: it shares the embedded database with a run in progress).
     */
    public RunLeases.Lease acquireScope(RunParameters params) throws AlreadyRunning {
        return acquire(params, false);
    }

    /** Takes the locks in order, most particular first, so a refusal names the closest conflict; then recovers the scope. */
    private RunLeases.Lease acquire(RunParameters params, boolean run) throws AlreadyRunning {
        String scope = scopeOf(params);
        String what = "a run for " + params.year() + " (" + (params.allAgencies() ? "all agencies" : "agency " + params.agency())
                + ", output " + params.out() + ")";
        RunLeases.Lease lease;
        try {
            lease = leases.acquire(scope);
        } catch (RunLeases.Held e) {
            throw new AlreadyRunning("Refused: " + what + " is already in progress: " + e.holder().describe()
                    + ". Wait for it to finish; if that process is dead on another machine its lease expires after "
                    + "disclosure.lease.expiry-seconds without heartbeat.");
        }
        try {
            // The lease holds among runs sharing this database; the output directory's lock holds among all
            // processes writing into it, whatever database (a second working directory, hence ./var) they use.
            if (!Files.exists(params.out())) {
                createdOutputs.put(lease.owner(), params);
            }
            try {
                outputLocks.put(lease.owner(), ProcessLock.acquire(outputLockOf(params), commandOf(params, run)));
            } catch (ProcessLock.Held e) {
                throw new AlreadyRunning("Refused: " + what + " is already in progress, with another database: " + e.holder()
                        + ". Wait for it to finish (its lock on " + outputLockOf(params) + " ends with its process).");
            }
            Path databaseLock = run ? embeddedDatabaseLock(databaseUrl).orElse(null) : null;
            if (databaseLock != null) {
                try {
                    databaseLocks.put(lease.owner(), ProcessLock.acquire(databaseLock, commandOf(params, run)));
                } catch (ProcessLock.Held e) {
                    throw new AlreadyRunning("Refused: another run is in progress on the embedded database " + databaseLock.getParent()
                            + ": " + e.holder() + ". On the embedded database runs take turns, one process at a time (a "
                            + "second process would lose its connection when the first one exits): wait for it to finish, "
                            + "or use MySQL for runs side by side.");
                }
            }
            lease.tookOverFrom().ifPresent(h -> log.warn("The previous run of {} ended without releasing it ({}): taking over", scope, h.describe()));
            recoverAbandoned(scope);
            return lease;
        } catch (AlreadyRunning | RuntimeException e) {
            release(lease);
            throw e;
        }
    }

    /**
     * A run refused before it wrote anything leaves no output directory behind, when it was the one that
     * created it for its lock: the directory is removed if it holds nothing but that lock file.
     */
    private static void removeIfOnlyItsLock(RunParameters p) {
        Path lock = outputLockOf(p);
        try (Stream<Path> top = Files.list(p.out()); Stream<Path> locks = Files.list(lock.getParent())) {
            if (!top.allMatch(lock.getParent()::equals) || !locks.allMatch(lock::equals)) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        try {
            Files.deleteIfExists(lock);
            Files.deleteIfExists(lock.getParent());
            Files.deleteIfExists(p.out());
        } catch (IOException e) {
            log.debug("{} left in place: {}", p.out(), e.getMessage());
        }
    }

    /** What a holder of the locks does, as the command line gave it. */
    private static String commandOf(RunParameters p, boolean run) {
        return (run ? "run --data " + p.data() + " " : "abandon ") + "--year " + p.year() + " --out " + p.out()
                + (p.allAgencies() ? "" : " --agency " + p.agency());
    }

    /**
     * The run lock file beside an embedded H2 database file ({@code jdbc:h2:file:./var/x} or
     * {@code jdbc:h2:./var/x}: {@code ./var/x.run.lock}); none for MySQL, a server or an in-memory database.
     */
    static Optional<Path> embeddedDatabaseLock(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        String name = options < 0 ? rest : rest.substring(0, options);
        if (name.startsWith("mem:") || name.startsWith("tcp:") || name.startsWith("ssl:") || name.startsWith("zip:")) {
            return Optional.empty();
        }
        name = name.startsWith("file:") ? name.substring("file:".length()) : name;
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        Path file = Path.of(name).toAbsolutePath().normalize();
        return Optional.of(file.resolveSibling(file.getFileName() + ".run.lock"));
    }

    /**
     * Marks FAILED the executions of {@code scope} still recorded as running, so that they can be restarted.
     * Only called while holding the scope's lease, so none of them can be alive. Which executions are
     * ours to recover is decided here (Spring Batch knows no scopes nor leases); the marking itself is
     * Spring Batch's {@link JobOperator#recover}.
     */
    List<Long> recoverAbandoned(String scope) {
        List<Long> recovered = new ArrayList<>();
        for (JobExecution running : repository.findRunningJobExecutions(AnnualReportJobConfiguration.JOB_NAME)) {
            if (!scope.equals(scopeOf(RunParameters.of(running.getJobParameters())))) {
                continue;
            }
            JobExecution e = repository.getJobExecution(running.getId());
            if (e == null || !e.isRunning()) {
                continue;
            }
            operator.recover(e);
            recovered.add(e.getId());
            System.err.printf("Run %d (execution %d, started %s) was left unfinished by a process that is gone: marked FAILED; "
                    + "this run resumes it from its last committed chunk.%n", e.getJobInstance().getInstanceId(), e.getId(),
                    e.getStartTime() == null ? "?" : e.getStartTime().withNano(0));
        }
        return recovered;
    }

    /**
     * Launches the run of {@code params} (whose lease this process holds), trying again where the
     * database says a failure is transient ({@link TransientRetry}); before each new attempt, what the
     * failed one left STARTED is marked FAILED so that it resumes.
     */
    public JobExecution launch(RunParameters params, TransientRetry.Launch launch) throws Exception {
        return new TransientRetry(retryAttempts, Duration.ofMillis(retryPauseMillis), System.err)
                .launch(launch, () -> recoverAbandoned(scopeOf(params)));
    }

    public void release(RunLeases.Lease lease) {
        ProcessLock output = outputLocks.remove(lease.owner());
        ProcessLock database = databaseLocks.remove(lease.owner());
        RunParameters created = createdOutputs.remove(lease.owner());
        try {
            leases.release(lease);
        } finally {
            if (output != null) {
                output.close();
            }
            if (created != null) {
                removeIfOnlyItsLock(created);
            }
            if (database != null) {
                database.close();
            }
        }
    }
}
