package org.disclosurereports.job;

import org.disclosurereports.inputs.InputSchema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Writes {@code run-summary.json} at the end of every run, failed ones included. */
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
        try {
            summary.writeTo(summary.parameters().yearDir().resolve("run-summary.json"));
        } catch (IOException e) {
            log.error("Could not write run-summary.json under {}: {}", summary.parameters().yearDir(), e.getMessage());
        }
    }
}
