package org.disclosurereports.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Writes {@code manifest.json} at the end of every run. Registered before the run-summary listener:
 * Spring Batch calls {@code afterJob} in reverse order, so run-summary.json exists and is hashed too.
 */
@Component
public class RunManifestListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunManifestListener.class);

    @Override
    public void afterJob(JobExecution execution) {
        RunParameters p = RunParameters.of(execution.getJobParameters());
        RunManifest.Run run = new RunManifest.Run(execution.getJobInstance().getInstanceId(), execution.getId(),
                execution.getStatus().name(),
                execution.getStartTime() == null ? null : execution.getStartTime().atZone(ZoneId.systemDefault()).toInstant(),
                execution.getEndTime() == null ? Instant.now() : execution.getEndTime().atZone(ZoneId.systemDefault()).toInstant());
        try {
            RunManifest.write(p, run);
        } catch (IOException | RuntimeException e) {
            log.error("Could not write {} under {}: {}", RunManifest.FILE, p.yearDir(), e.getMessage());
        }
    }
}
