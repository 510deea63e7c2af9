package org.disclosurereports.operations;

import org.disclosurereports.job.AnnualReportJobConfiguration;
import org.disclosurereports.job.HeldLeases;
import org.disclosurereports.job.LoadTurnListener;
import org.disclosurereports.job.RunParameters;
import org.disclosurereports.store.RunLeases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One run per scope at a time, and recovery from runs that died. {@link #acquireRun}: before a launch,
 * takes the lease of the run's scope (year, output directory, agency or all). A live holder means the
 * same job is running: refused (exit code 4). Runs of other scopes are not affected. Once the lease is
 * ours, any execution of the same scope still marked STARTED cannot be running (every run holds its
 * lease while it runs): it was left by a crash, and is marked FAILED, with its running steps, so Spring
 * Batch restarts it. The lease is kept alive, and given back, by {@link HeldLeases}; the load turn that
 * runs of every scope take while they load is the job's own ({@link LoadTurnListener}).
 */
@Component
public class RunGuard {

    private static final Logger log = LoggerFactory.getLogger(RunGuard.class);

    private final HeldLeases leases;
    private final JobExplorer explorer;
    private final JobRepository repository;

    public RunGuard(HeldLeases leases, JobExplorer explorer, JobRepository repository) {
        this.leases = leases;
        this.explorer = explorer;
        this.repository = repository;
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

    public void release(RunLeases.Lease lease) {
        leases.release(lease);
    }
}
