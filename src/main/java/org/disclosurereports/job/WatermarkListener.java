package org.disclosurereports.job;

import org.disclosurereports.store.Watermarks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Moves the watermarks of a pull once the whole run has completed: a run that fails anywhere leaves
 * them where they were, so the next run pulls those changes again (upserts make that harmless).
 */
@Component
public class WatermarkListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(WatermarkListener.class);

    private final Watermarks watermarks;

    public WatermarkListener(Watermarks watermarks) {
        this.watermarks = watermarks;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        long loadId = execution.getJobInstance().getInstanceId();
        for (StepExecution step : execution.getStepExecutions()) {
            ExecutionContext c = step.getExecutionContext();
            if (c.containsKey(JdbcSourceReader.SOURCE) && c.containsKey(JdbcSourceReader.TO)) {
                String source = c.getString(JdbcSourceReader.SOURCE);
                String kind = c.getString(JdbcSourceReader.KIND);
                try {
                    watermarks.put(source, kind, c.getString(JdbcSourceReader.TO), loadId);
                } catch (RuntimeException e) {
                    // The records are loaded; an unmoved watermark only means the next pull reads them again.
                    log.error("Could not move the watermark of {}/{}: {}", source, kind, e.getMessage());
                }
            }
        }
    }
}
