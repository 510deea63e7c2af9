package org.disclosurereports.operations;

import org.disclosurereports.job.AnnualReportJobConfiguration;
import org.disclosurereports.job.RunParameters;
import org.disclosurereports.store.RunLeases;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's verbs on the runs of {@code annualReportJob}, read from and written to the job
 * repository, so that they act on a run in any JVM that shares the database: list the runs of a
 * year, stop a running one (Spring Batch's {@link JobOperator#stop}: the status becomes STOPPING in
 * the repository, the running step sees it when it saves its next chunk, finishes that chunk and ends
 * STOPPED, restartable), abandon a failed or stopped one ({@link JobOperator#abandon}: it is never
 * resumed, the next run of the same inputs is a new instance).
 */
@Component
public class RunOperator {

    private static final String JOB = AnnualReportJobConfiguration.JOB_NAME;

    private final JobRepository repository;
    private final JobOperator operator;
    private final RunGuard guard;

    public RunOperator(JobRepository repository, JobOperator operator, RunGuard guard) {
        this.repository = repository;
        this.operator = operator;
        this.guard = guard;
    }

    /**
     * Which runs a command means: those of {@code year}, of output directory {@code out} (null: any) and
     * of scope {@code agency} (one agency's code or {@link RunParameters#ALL_AGENCIES}; null: any).
     */
    public record Selection(int year, Path out, String agency) {
        boolean matches(RunParameters p) {
            return p.year() == year && (out == null || out.equals(p.out())) && (agency == null || agency.equals(p.agency()));
        }

        public String describe() {
            return "run of " + year + " (" + (agency == null ? "any scope" : RunParameters.ALL_AGENCIES.equals(agency) ? "all agencies" : "agency " + agency)
                    + (out == null ? "" : ", output " + out) + ")";
        }
    }

    /** A run (job instance) and its executions, newest first, each with its step executions in the order they ran. */
    public record Run(JobInstance instance, RunParameters parameters, List<JobExecution> executions) {
        public JobExecution last() {
            return executions.get(0);
        }

        public static List<StepExecution> steps(JobExecution execution) {
            return execution.getStepExecutions().stream().sorted(Comparator.comparingLong(StepExecution::getId)).toList();
        }
    }

    /** What the operator asked cannot be done to that run; the message says why. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The runs of the selection, newest first. */
    public List<Run> runs(Selection selection) {
        return repository.findJobInstances(JOB).stream()
                .sorted(Comparator.comparingLong(JobInstance::getInstanceId).reversed())
                .map(this::run)
                .flatMap(Optional::stream)
                .filter(r -> selection.matches(r.parameters()))
                .toList();
    }

    private Optional<Run> run(JobInstance instance) {
        List<JobExecution> executions = repository.getJobExecutions(instance).stream()
                .sorted(Comparator.comparingLong(JobExecution::getId).reversed()).toList();
        if (executions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Run(instance, RunParameters.of(executions.get(0).getJobParameters()), executions));
    }

    /** The run that execution {@code executionId} belongs to. */
    public Run runOf(long executionId) throws Refused {
        JobExecution execution = repository.getJobExecution(executionId);
        if (execution == null || !JOB.equals(execution.getJobInstance().getJobName())) {
            throw new Refused("There is no execution " + executionId + " of " + JOB + " (see the runs command).");
        }
        return run(execution.getJobInstance()).orElseThrow();
    }

    /** The newest run of the selection, if any. */
    public Optional<Run> newest(Selection selection) {
        return runs(selection).stream().findFirst();
    }

    /**
     * Asks the running execution of {@code run} to stop: it finishes the chunk it is in and ends STOPPED.
     * Returns the execution as now stored (STOPPING).
     */
    public JobExecution stop(Run run) throws Refused {
        JobExecution last = repository.getJobExecution(run.last().getId());
        if (last == null || !last.isRunning()) {
            throw new Refused("Run " + run.instance().getInstanceId() + " is not in progress (its last execution "
                    + run.last().getId() + " is " + (last == null ? run.last().getStatus() : last.getStatus()) + "): nothing to stop.");
        }
        if (last.getStatus() == BatchStatus.STOPPING) {
            throw new Refused("Run " + run.instance().getInstanceId() + " (execution " + last.getId()
                    + ") was already asked to stop: it ends STOPPED when its current chunk is done.");
        }
        try {
            operator.stop(last);
        } catch (JobExecutionNotRunningException e) {
            throw new Refused("Run " + run.instance().getInstanceId() + " ended before it could be stopped (" + e.getMessage() + ").");
        }
        return last;
    }

    /**
     * Abandons the last execution of {@code run}, which must have FAILED or STOPPED: it is never resumed.
     * Takes the run's lease first, so a run in progress (in any JVM) is refused with its holder, and an
     * execution a crash left STARTED is first marked FAILED (as {@code run} would) and then abandoned.
     */
    public JobExecution abandon(Run run) throws Refused, RunGuard.AlreadyRunning {
        RunLeases.Lease lease = guard.acquireScope(run.parameters());
        try {
            JobExecution last = repository.getJobExecution(run.last().getId());
            if (last == null) {
                throw new Refused("Execution " + run.last().getId() + " is gone from the job repository.");
            }
            if (last.getStatus() == BatchStatus.ABANDONED) {
                throw new Refused("Run " + run.instance().getInstanceId() + " (execution " + last.getId() + ") is already abandoned.");
            }
            if (last.getStatus() != BatchStatus.FAILED && last.getStatus() != BatchStatus.STOPPED) {
                throw new Refused("Run " + run.instance().getInstanceId() + " is " + last.getStatus()
                        + ": only a FAILED or STOPPED run can be abandoned.");
            }
            try {
                return operator.abandon(last);
            } catch (JobExecutionAlreadyRunningException e) {
                throw new Refused("Run " + run.instance().getInstanceId() + " is running: " + e.getMessage());
            }
        } finally {
            guard.release(lease);
        }
    }

    /**
     * For a launch whose instance ({@code abandoned}) was abandoned: the newest run that replaced it, made
     * from the same inputs (identifying parameters equal but for the rerun stamp) and not itself abandoned.
     * Its rerun stamp launches it again (resumed, or found up to date); none means a new instance is due.
     */
    public Optional<Long> replacementRerun(JobParameters identity) {
        Map<String, Object> wanted = identifying(identity);
        for (JobInstance instance : repository.findJobInstances(JOB).stream()
                .sorted(Comparator.comparingLong(JobInstance::getInstanceId).reversed()).toList()) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last == null || last.getStatus() == BatchStatus.ABANDONED) {
                continue;
            }
            Long rerun = last.getJobParameters().getLong(RunParameters.RERUN);
            if (rerun != null && identifying(last.getJobParameters()).equals(wanted)) {
                return Optional.of(rerun);
            }
        }
        return Optional.empty();
    }

    /**
     * The newest run of the job, when it was made from the same inputs as {@code identity} (identifying
     * parameters equal but for the rerun stamp) and completed. Any run launched since, of another scope or
     * year, loads too, so only the newest run can vouch that the store is as these inputs left it.
     */
    public Optional<JobInstance> newestCompletedRunOf(JobParameters identity) {
        JobInstance newest = repository.getLastJobInstance(JOB);
        if (newest == null) {
            return Optional.empty();
        }
        JobExecution last = repository.getLastJobExecution(newest);
        boolean same = last != null && last.getStatus() == BatchStatus.COMPLETED
                && identifying(last.getJobParameters()).equals(identifying(identity));
        return same ? Optional.of(newest) : Optional.empty();
    }

    /** Whether the last execution of {@code instance} was abandoned. */
    public boolean abandoned(JobInstance instance) {
        JobExecution last = repository.getLastJobExecution(instance);
        return last != null && last.getStatus() == BatchStatus.ABANDONED;
    }

    private static Map<String, Object> identifying(JobParameters parameters) {
        Map<String, Object> values = new HashMap<>();
        for (JobParameter<?> p : parameters.getIdentifyingParameters()) {
            if (!p.name().equals(RunParameters.RERUN)) {
                values.put(p.name(), p.value());
            }
        }
        return values;
    }
}
