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
import org.springframework.stereotype.Component;

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
    private final JobRepository repository;
    private final JobOperator operator;

    public RunGuard(HeldLeases leases, JobRepository repository, JobOperator operator) {
        this.leases = leases;
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

    public void release(RunLeases.Lease lease) {
        leases.release(lease);
    }
}
