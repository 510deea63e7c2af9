package org.disclosurereports.job;

import org.disclosurereports.inputs.InputSchema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Writes {@code run-summary.json} at the end of every run, failed ones included. */
@Component
public class RunSummaryListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunSummaryListener.class);

    private final JobExplorer explorer;
    private final InputSchema schema;

    public RunSummaryListener(JobExplorer explorer, InputSchema schema) {
        this.explorer = explorer;
        this.schema = schema;
    }

    @Override
    public void afterJob(JobExecution execution) {
        RunSummary summary = RunSummary.collect(explorer, execution, schema);
        try {
            summary.writeTo(summary.parameters().yearDir().resolve("run-summary.json"));
        } catch (IOException e) {
            log.error("Could not write run-summary.json under {}: {}", summary.parameters().yearDir(), e.getMessage());
        }
    }
}
