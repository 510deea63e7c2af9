package org.disclosurereports.job;

import org.disclosurereports.inputs.InputSchema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Writes {@code run-summary.json} at the end of every run, failed ones included, under the run's own
 * directory ({@code runs/}); the year's {@code run-summary.json} only for a run that built every report.
 */
@Component
public class RunSummaryListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunSummaryListener.class);

    private final JobRepository jobRepository;
    private final InputSchema schema;

    public RunSummaryListener(JobRepository jobRepository, InputSchema schema) {
        this.jobRepository = jobRepository;
        this.schema = schema;
    }

    @Override
    public void afterJob(JobExecution execution) {
        RunSummary summary = RunSummary.collect(jobRepository, execution, schema);
        RunManifest.Run run = RunManifestListener.run(execution);
        RunParameters p = summary.parameters();
        try {
            // Every run keeps its own; the year's is replaced only by a run that built every report.
            Files.createDirectories(run.directory(p));
            summary.writeTo(run.directory(p).resolve(RunSummary.FILE));
            if (run.replacesYearProvenance(p)) {
                summary.writeTo(p.yearDir().resolve(RunSummary.FILE));
            }
        } catch (IOException e) {
            log.error("Could not write run-summary.json under {}: {}", summary.parameters().yearDir(), e.getMessage());
        }
    }
}
