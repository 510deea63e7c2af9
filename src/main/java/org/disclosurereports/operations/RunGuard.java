package org.disclosurereports.operations;

import org.disclosurereports.store.RunLeases;

import org.disclosurereports.job.AnnualReportJobConfiguration;
import org.disclosurereports.job.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run per scope at a time, and recovery from runs that died.
 * <ul>
 *   <li>{@link #acquireRun}: before a launch, takes the lease of the run's scope (year, output
 *       directory, agency or all). A live holder means the same job is running: refused (exit code 4).
 *       Runs of other scopes are not affected. Once the lease is ours, any execution of the same scope
 *       still marked STARTED cannot be running (every run holds its lease while it runs): it was left by
 *       a crash, and is marked FAILED, with its running steps, so Spring Batch restarts it.</li>
 *   <li>{@link #awaitLoad}: the load steps of every run sharing the database take turns (the records
 *       are shared: one run's pruning must not remove rows another is loading); a run waits, it is not refused.</li>
 * </ul>
 * Held leases are refreshed by a daemon thread every {@code disclosure.lease.heartbeat-seconds}.
 */
@Component
public class RunGuard {

    private static final Logger log = LoggerFactory.getLogger(RunGuard.class);
    public static final String LOAD_SCOPE = "load records (database-wide)";

    private final RunLeases leases;
    private final JobExplorer explorer;
    private final JobRepository repository;
    private final Set<RunLeases.Lease> held = ConcurrentHashMap.newKeySet();
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;

    public RunGuard(DataSource dataSource, JobExplorer explorer, JobRepository repository,
                    @Value("${disclosure.lease.heartbeat-seconds:10}") long heartbeatSeconds,
                    @Value("${disclosure.lease.expiry-seconds:60}") long expirySeconds) {
        this.leases = new RunLeases(dataSource, Duration.ofSeconds(expirySeconds));
        this.explorer = explorer;
        this.repository = repository;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
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

    public RunLeases.Lease acquireRun(RunParameters params) throws AlreadyRunning {
        String scope = scopeOf(params);
        RunLeases.Lease lease;
        try {
            lease = leases.acquire(scope);
        } catch (RunLeases.Held e) {
            throw new AlreadyRunning("Refused: a run for " + params.year() + " (" + (params.allAgencies() ? "all agencies" : "agency " + params.agency())
                    + ", output " + params.out() + ") is already in progress: " + e.holder().describe()
                    + ". Wait for it to finish; if that process is dead on another machine its lease expires after "
                    + "disclosure.lease.expiry-seconds without heartbeat.");
        }
        held.add(lease);
        lease.tookOverFrom().ifPresent(h -> log.warn("The previous run of {} ended without releasing it ({}): taking over", scope, h.describe()));
        try {
            recoverAbandoned(scope);
        } catch (RuntimeException e) {
            release(lease);
            throw e;
        }
        return lease;
    }

    /**
     * Marks FAILED the executions of {@code scope} still recorded as running. Only called while holding
     * the scope's lease, so none of them can be alive.
     */
    List<Long> recoverAbandoned(String scope) {
        List<Long> recovered = new ArrayList<>();
        for (JobExecution running : explorer.findRunningJobExecutions(AnnualReportJobConfiguration.JOB_NAME)) {
            if (!scope.equals(scopeOf(RunParameters.of(running.getJobParameters())))) {
                continue;
            }
            JobExecution e = explorer.getJobExecution(running.getId());
            if (e == null || !e.isRunning()) {
                continue;
            }
            LocalDateTime now = LocalDateTime.now();
            String why = "abandoned: the process running it ended without finishing (crash or kill); marked FAILED at " + now.withNano(0);
            for (StepExecution s : e.getStepExecutions()) {
                if (s.getStatus().isRunning() || s.getStatus() == BatchStatus.UNKNOWN) {
                    s.setStatus(BatchStatus.FAILED);
                    s.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
                    s.setEndTime(now);
                    repository.update(s);
                }
            }
            e.setStatus(BatchStatus.FAILED);
            e.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
            e.setEndTime(now);
            repository.update(e);
            recovered.add(e.getId());
            System.err.printf("Run %d (execution %d, started %s) was left unfinished by a process that is gone: marked FAILED; "
                    + "this run resumes it from its last committed chunk.%n", e.getJobInstance().getInstanceId(), e.getId(),
                    e.getStartTime() == null ? "?" : e.getStartTime().withNano(0));
        }
        return recovered;
    }

    /** Waits for the database-wide load turn (polling), taking over a stale holder's. */
    public RunLeases.Lease awaitLoad(String who) throws InterruptedException {
        boolean told = false;
        while (true) {
            try {
                RunLeases.Lease lease = leases.acquire(LOAD_SCOPE);
                held.add(lease);
                if (told) {
                    log.info("{}: loading now", who);
                }
                return lease;
            } catch (RunLeases.Held e) {
                if (!told) {
                    log.info("{}: waiting for the load of another run to finish ({})", who, e.holder().describe());
                    told = true;
                }
                Thread.sleep(500);
            }
        }
    }

    public void release(RunLeases.Lease lease) {
        if (lease != null) {
            lost.remove(lease.scope()); // the run that lost it has ended: later runs of this JVM (schedule mode) go on
        }
        if (lease != null && held.remove(lease)) {
            try {
                leases.release(lease);
            } catch (RuntimeException e) {
                log.warn("Could not release the lease of {}: {} (it expires by itself)", lease.scope(), e.getMessage());
            }
        }
    }

    /** True when a lease of this process was taken over by another run (this one was silent too long). */
    public boolean lostAny() {
        return !lost.isEmpty();
    }

    public String lostDescription() {
        return String.join(", ", lost);
    }

    void beat() {
        for (RunLeases.Lease lease : held) {
            try {
                if (!leases.heartbeat(lease)) {
                    lost.add(lease.scope());
                    held.remove(lease);
                    log.error("Lost the lease of {}: another run took it over; this run stops at its next chunk", lease.scope());
                }
            } catch (RuntimeException e) {
                log.warn("Heartbeat of {} failed: {}", lease.scope(), e.getMessage());
            }
        }
    }

    /** Leases still held at shutdown (a run interrupted by SIGTERM) are released; a crash leaves them to expire. */
    @jakarta.annotation.PreDestroy
    void shutdown() {
        heartbeat.shutdownNow();
        for (RunLeases.Lease lease : List.copyOf(held)) {
            release(lease);
        }
    }

    public RunLeases leases() {
        return leases;
    }
}
