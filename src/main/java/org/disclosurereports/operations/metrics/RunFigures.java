package org.disclosurereports.operations.metrics;

import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.job.RunSummary;
import org.disclosurereports.job.SourceReaders;
import org.disclosurereports.operations.RunLine;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run that the metrics show, taken from where the run's outputs take them: the rows
 * and steps of {@link RunSummary} (run-summary.json), the reports of {@link RunLine} (the operator's
 * line) and the findings of the reports' validation.json. Nothing is counted twice or differently.
 */
public record RunFigures(int year, String agency, BatchStatus status, List<Rows> rows, Reports reports,
                         long blockingFindings, long warningFindings, List<RunSummary.StepLine> steps, double endedEpochSeconds) {

    /** The rows of one record kind: read = loaded + rejected. */
    public record Rows(String kind, long read, long loaded, long rejected) {}

    public record Reports(long built, long unchanged, long sealed, long failed) {}

    /** The agency label of a run over every agency. */
    public static final String ALL_AGENCIES = "all";

    public static RunFigures of(JobExecution execution, RunSummary summary, RunLine line, long[] findings, InputSchema schema) {
        Map<String, String> kindOfInput = new HashMap<>();
        for (RecordKind kind : schema.kinds()) {
            String input = SourceReaders.inputName(execution.getJobParameters(), kind, summary.parameters().charsets());
            if (input != null) {
                kindOfInput.put(input, kind.name());
            }
        }
        List<Rows> rows = new ArrayList<>();
        for (RunSummary.FileLine f : summary.files()) {
            rows.add(new Rows(kindOfInput.getOrDefault(f.file(), f.file()), f.read(), f.loaded(), f.rejected()));
        }
        return new RunFigures(summary.parameters().year(),
                summary.parameters().allAgencies() ? ALL_AGENCIES : summary.parameters().agency(),
                summary.status(), rows,
                new Reports(line.built(), line.unchanged(), line.sealed(), summary.failedReports().size()),
                findings[0], findings[1], summary.steps(), System.currentTimeMillis() / 1000.0);
    }
}
