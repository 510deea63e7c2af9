package org.disclosurereports.operations;

import org.disclosurereports.job.UnitFingerprint;

import org.disclosurereports.core.records.Agency;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.job.RunSummary;
import org.disclosurereports.store.SealedReports;
import org.disclosurereports.job.RunParameters;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the run command adds from nightly operations: the seal state in the job's identity, and the run's {@link RunLine}. */
@Component
public class RunLines {

    private final JobExplorer explorer;
    private final SealedReports sealed;
    private final RecordStore store;

    public RunLines(JobExplorer explorer, SealedReports sealed, RecordStore store) {
        this.explorer = explorer;
        this.sealed = sealed;
        this.store = store;
    }

    /** Identifying, only when some report of the year is sealed: which, with which figures (sealing or unsealing makes a new instance). */
    public static final String SEALS = "seals";

    /**
     * The job parameters of a run: {@link RunParameters#toJobParameters()} plus the seal state of its
     * year, because what a run produces depends on it: after {@code unseal} the same input files must
     * build the report again, not be "up to date".
     */
    public JobParameters identity(RunParameters params) {
        List<String> seals = sealed.sealState(params.year());
        if (seals.isEmpty()) {
            return params.toJobParameters();
        }
        return new JobParametersBuilder(params.toJobParameters())
                .addString(SEALS, UnitFingerprint.sha256(String.join("\n", seals).getBytes(StandardCharsets.UTF_8)))
                .toJobParameters();
    }

    public RunLine of(JobExecution execution, RunSummary summary, long elapsedNanos) {
        List<String> scope = summary.parameters().allAgencies()
                ? store.agenciesOfLoad(execution.getJobInstance().getInstanceId()).stream().map(Agency::code).toList()
                : List.of(summary.parameters().agency());
        return RunLine.of(explorer, execution, summary, elapsedNanos, sealed.sealedCodes(summary.parameters().year()), scope);
    }
}
