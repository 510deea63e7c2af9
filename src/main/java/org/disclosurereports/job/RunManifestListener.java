package org.disclosurereports.job;

import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.store.RecordLoads;
import org.disclosurereports.store.RecordStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code manifest.json} at the end of every run (see {@link RunManifest#write} for which one). Registered before the run-summary listener:
 * Spring Batch calls {@code afterJob} in reverse order, so run-summary.json exists and is hashed too.
 */
@Component
public class RunManifestListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunManifestListener.class);

    private final RecordStore store;
    private final InputSchema schema;

    public RunManifestListener(RecordStore store, InputSchema schema) {
        this.store = store;
        this.schema = schema;
    }

    static RunManifest.Run run(JobExecution execution) {
        return new RunManifest.Run(execution.getJobInstance().getInstanceId(), execution.getId(),
                execution.getStatus().name(),
                execution.getStartTime() == null ? null : execution.getStartTime().atZone(ZoneId.systemDefault()).toInstant(),
                execution.getEndTime() == null ? Instant.now() : execution.getEndTime().atZone(ZoneId.systemDefault()).toInstant());
    }

    @Override
    public void afterJob(JobExecution execution) {
        RunParameters p = RunParameters.of(execution.getJobParameters());
        RunManifest.Run run = run(execution);
        try {
            RunManifest.write(p, run, records(run.instanceId()));
        } catch (IOException | RuntimeException e) {
            log.error("Could not write {} under {}: {}", RunManifest.FILE, p.yearDir(), e.getMessage());
        }
    }

    /** Per record kind, the loads whose records count for the agencies of this run's load. */
    private Map<String, List<RecordLoads.Source>> records(long loadId) {
        RecordLoads loads = new RecordLoads(store);
        Map<String, List<RecordLoads.Source>> records = new LinkedHashMap<>();
        for (RecordKind kind : schema.kinds()) {
            boolean perAgency = !kind.name().equals(InputSchema.HOLIDAYS);
            records.put(kind.name(), loads.sources(kind.table(), kind.name(), perAgency, kind.keyColumns(), kind.dbColumns(), loadId));
        }
        return records;
    }
}
