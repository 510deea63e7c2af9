package org.disclosurereports.job;

import org.disclosurereports.core.records.Agency;
import org.disclosurereports.outputs.BuiltReport;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reports of a run that could not be built, by report ({@code SL-JD3} for a unit's own report,
 * {@code SL/summary} for a summary) with the reason. Kept in the step's execution context, so they
 * are saved with each chunk and survive a restart; read back for the index, the run summary and the
 * exit code.
 */
public final class UnitFailures {

    static final String PREFIX = "failed.";
    public static final String SUMMARY_SUFFIX = "/summary";

    private UnitFailures() {}

    /**
     * Skip listener of the report partitions: records a unit whose build threw {@link UnitFailed} in
     * the context of the partition that skipped it. One instance serves partitions running side by
     * side, so it keeps no state: the partition is the step bound to the calling worker thread.
     */
    public static final class Listener implements SkipListener<Agency, BuiltReport> {
        @Override
        public void onSkipInProcess(Agency agency, Throwable t) {
            String reason = t instanceof UnitFailed f ? f.reason() : RunSummary.describe(t);
            StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
            record(step.getExecutionContext(), agency.code(), reason);
        }
    }

    static void record(ExecutionContext context, String report, String reason) {
        context.putString(PREFIX + report, reason);
    }

    /** Every failed report of the job instance, from the latest execution of each step. */
    public static Map<String, String> of(JobRepository jobRepository, JobExecution execution) {
        List<JobExecution> all = new ArrayList<>(jobRepository.getJobExecutions(execution.getJobInstance()));
        all.removeIf(e -> e.getId() == execution.getId());
        all.add(execution);
        all.sort(Comparator.comparingLong(JobExecution::getId));
        Map<String, StepExecution> latest = new TreeMap<>();
        for (JobExecution e : all) {
            for (StepExecution s : e.getStepExecutions()) {
                latest.put(s.getStepName(), s);
            }
        }
        Map<String, String> failed = new TreeMap<>();
        for (StepExecution s : latest.values()) {
            for (Map.Entry<String, Object> entry : s.getExecutionContext().entrySet()) {
                if (entry.getKey().startsWith(PREFIX)) {
                    failed.put(entry.getKey().substring(PREFIX.length()), String.valueOf(entry.getValue()));
                }
            }
        }
        return failed;
    }
}
