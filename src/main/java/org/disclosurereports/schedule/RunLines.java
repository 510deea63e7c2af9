package org.disclosurereports.schedule;

import org.disclosurereports.records.Agency;
import org.disclosurereports.records.RecordStore;
import org.disclosurereports.run.RunSummary;
import org.disclosurereports.seal.SealedReports;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.stereotype.Component;

import java.util.List;

/** Makes the {@link RunLine} of a run, looking up which of its agencies are sealed. */
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

    public RunLine of(JobExecution execution, RunSummary summary, long elapsedNanos) {
        List<String> scope = summary.parameters().allAgencies()
                ? store.agenciesOfLoad(execution.getJobInstance().getInstanceId()).stream().map(Agency::code).toList()
                : List.of(summary.parameters().agency());
        return RunLine.of(explorer, execution, summary, elapsedNanos, sealed.sealedCodes(summary.parameters().year()), scope);
    }
}
