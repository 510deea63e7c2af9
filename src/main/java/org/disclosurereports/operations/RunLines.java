package org.disclosurereports.operations;

import org.disclosurereports.core.records.Agency;
import org.disclosurereports.job.RunSummary;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.SealedReports;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.util.List;

/** The {@link RunLine} of a run, with the seal state and the agencies of its scope. */
@Component
public class RunLines {

    private final JobRepository jobRepository;
    private final SealedReports sealed;
    private final RecordStore store;

    public RunLines(JobRepository jobRepository, SealedReports sealed, RecordStore store) {
        this.jobRepository = jobRepository;
        this.sealed = sealed;
        this.store = store;
    }

    public RunLine of(JobExecution execution, RunSummary summary, long elapsedNanos) {
        return RunLine.of(jobRepository, execution, summary, elapsedNanos, sealed.sealedCodes(summary.parameters().year(), summary.parameters().out()),
                scope(execution, summary));
    }

    /** The agency codes of the run: every agency it loaded, or the one it was given. */
    public List<String> scope(JobExecution execution, RunSummary summary) {
        return summary.parameters().allAgencies()
                ? store.agenciesOfLoad(execution.getJobInstance().getInstanceId()).stream().map(Agency::code).toList()
                : List.of(summary.parameters().agency());
    }
}
