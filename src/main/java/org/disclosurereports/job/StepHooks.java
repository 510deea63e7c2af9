package org.disclosurereports.job;

import org.disclosurereports.operations.RunGuard;
import org.disclosurereports.store.RunLeases;

import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RecordKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What nightly operation adds to every step of {@code annualReportJob}, attached by
 * {@link NightlyOperationsConfiguration} without touching the job's definition:
 * the database-wide load turn (from the first load step until the reports' agency list is read),
 * stopping when this run's lease was lost, progress of long steps, and the test-only crash hooks.
 */
@Component
public class StepHooks implements JobExecutionListener, StepExecutionListener, ChunkListener {

    private static final Logger log = LoggerFactory.getLogger(StepHooks.class);
    /** Steps that read or change the shared records: they take the load turn. buildReports holds it until its reader opened. */
    static final Set<String> LOAD_PHASE = Set.of("inspectInputs", "loadAgencies", "loadApplications", "loadFilings",
            "loadEnforcement", "loadAppeals", "pruneReplaced", "buildReports");
    static final Set<String> WITH_PROGRESS = Set.of("loadApplications", "loadFilings", "loadEnforcement", "loadAppeals", "buildReportsPartition");

    /**
     * The step as the hooks know it: a partition of buildReports ({@code buildReportsPartition:units-0})
     * is buildReportsPartition, whichever partition it is.
     */
    static String stepOf(StepExecution step) {
        String name = step.getStepName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private final RunGuard guard;
    private final InputSchema schema;
    private final org.disclosurereports.store.RecordStore store;
    private final TestHooks testHooks;
    private final Duration progressInterval;
    private final Map<Long, RunLeases.Lease> loadTurns = new ConcurrentHashMap<>();
    private final Map<Long, Progress> progress = new ConcurrentHashMap<>();

    public StepHooks(RunGuard guard, InputSchema schema, org.disclosurereports.store.RecordStore store, @Value("${disclosure.progress.seconds:10}") long progressSeconds) {
        this.guard = guard;
        this.schema = schema;
        this.store = store;
        this.testHooks = TestHooks.fromSystemProperties();
        this.progressInterval = Duration.ofSeconds(progressSeconds);
    }

    @Override
    public void beforeStep(StepExecution step) {
        testHooks.beforeStep(stepOf(step).equals("buildReportsPartition") ? "buildReports" : step.getStepName());
        long job = step.getJobExecutionId();
        if (LOAD_PHASE.contains(step.getStepName()) && !loadTurns.containsKey(job)) {
            try {
                loadTurns.put(job, guard.awaitLoad("run " + step.getJobExecution().getJobInstance().getInstanceId()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the load turn", e);
            }
        }
        if (WITH_PROGRESS.contains(stepOf(step))) {
            progress.put(step.getId(), new Progress(step.getStepName(), total(step), System.console() != null, progressInterval,
                    System::nanoTime, System.out, log::info));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Progress p = progress.remove(step.getId());
        if (p != null) {
            p.finish();
        }
        if ("buildReports".equals(step.getStepName())) {
            releaseLoadTurn(step.getJobExecutionId());
        }
        if (step.getStatus() == org.springframework.batch.core.BatchStatus.FAILED) {
            // Say where: the file a load step was reading (and how far it got), or the report step.
            String where = step.getStepName().startsWith("load") && !"loadAgencies".equals(step.getStepName())
                    ? fileOf(step) + " after " + step.getReadCount() + " rows read in this attempt" : step.getStepName();
            step.getFailureExceptions().forEach(t -> log.error("{} failed in {}: {}", step.getStepName(), where,
                    org.disclosurereports.cli.Cli.sentence(t)));
        }
        return null;
    }

    private String fileOf(StepExecution step) {
        String name = step.getStepName().substring(4);
        try {
            return schema.kind(Character.toLowerCase(name.charAt(0)) + name.substring(1)).fileName();
        } catch (RuntimeException e) {
            return step.getStepName();
        }
    }

    @Override
    public void beforeChunk(ChunkContext context) {
        StepExecution step = context.getStepContext().getStepExecution();
        if (guard.lostAny()) {
            throw new IllegalStateException("this run lost its lease (" + guard.lostDescription()
                    + ") to another run after it was silent too long; stopping so the two do not overwrite each other");
        }
        // The reports' partitions hold their agency lists: other runs may load now.
        boolean reports = stepOf(step).equals("buildReportsPartition");
        if (reports) {
            releaseLoadTurn(step.getJobExecutionId());
        }
        testHooks.beforeChunk(reports ? "buildReports" : step.getStepName(), step.getCommitCount());
    }

    @Override
    public void afterChunk(ChunkContext context) {
        StepExecution step = context.getStepContext().getStepExecution();
        Progress p = progress.get(step.getId());
        if (p != null) {
            p.update(step.getReadCount());
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        releaseLoadTurn(execution.getId());
    }

    private void releaseLoadTurn(long jobExecutionId) {
        RunLeases.Lease lease = loadTurns.remove(jobExecutionId);
        if (lease != null) {
            guard.release(lease);
        }
    }

    /** Rows in the step's input file (lines less the header; an estimate when fields span lines), or 0 if unknown. */
    private long total(StepExecution step) {
        try {
            RunParameters run = RunParameters.of(step.getJobParameters());
            if (stepOf(step).equals("buildReportsPartition")) {
                var codes = org.disclosurereports.job.UnitPartitioner.codes(step.getExecutionContext());
                return codes == null ? 0 : codes.size();
            }
            String name = step.getStepName().substring(4);
            RecordKind kind = schema.kind(Character.toLowerCase(name.charAt(0)) + name.substring(1));
            Path file = run.data().resolve(kind.fileName());
            if (!run.charsets().containsKey(kind.fileName()) || !Files.isRegularFile(file)) {
                return 0;
            }
            try (var lines = Files.lines(file, run.charsets().get(kind.fileName()))) {
                return Math.max(0, lines.count() - 1);
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
