package org.disclosurereports.job;

import org.disclosurereports.store.RunLeases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database-wide load turn: the runs sharing a database take turns at the steps that read or
 * change the shared records (phases {@code LOAD} and {@code LIST_UNITS} of {@link PipelineStep}); a
 * run waits for its turn, it is not refused. A run takes the turn before the first such step it runs,
 * whichever that is (a resumed run starts anywhere), and gives it back when the report partitions
 * start on the units they listed, when buildReports ends, or at the latest when the run ends.
 * Registered on the job and on every step; what it does at a step is that step's phase.
 */
@Component
public class LoadTurnListener implements JobExecutionListener, StepExecutionListener, ChunkListener {

    private static final Logger log = LoggerFactory.getLogger(LoadTurnListener.class);
    public static final String LOAD_SCOPE = "load records (database-wide)";
    private static final long POLL_MILLIS = 500;

    private final HeldLeases leases;
    /** The turn held by each running job execution. */
    private final Map<Long, RunLeases.Lease> turns = new ConcurrentHashMap<>();
    /** Turns this process had to wait for, and how long in all (the operations metrics read them). */
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong waitedNanos = new AtomicLong();

    public LoadTurnListener(HeldLeases leases) {
        this.leases = leases;
    }

    @Override
    public void beforeStep(StepExecution step) {
        long execution = step.getJobExecutionId();
        if (PipelineStep.of(step).phase().holdsLoadTurn() && !turns.containsKey(execution)) {
            try {
                turns.put(execution, await("run " + step.getJobExecution().getJobInstance().getInstanceId()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the load turn", e);
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (PipelineStep.of(step).phase() == PipelineStep.Phase.LIST_UNITS) {
            release(step.getJobExecutionId());
        }
        return null;
    }

    @Override
    public void beforeChunk(ChunkContext context) {
        StepExecution step = context.getStepContext().getStepExecution();
        // A partition of the reports holds its agency list: other runs may load now.
        if (!PipelineStep.of(step).phase().holdsLoadTurn()) {
            release(step.getJobExecutionId());
        }
    }

    /**
     * The run's units are listed in its partitions, which other processes build (remote partitioning):
     * other runs may load now, as they may once a partition built here starts its first chunk.
     */
    public void unitsListed(long jobExecutionId) {
        release(jobExecutionId);
    }

    @Override
    public void afterJob(JobExecution execution) {
        release(execution.getId());
    }

    /** How many times a run of this process found the load turn taken and waited for it. */
    public long waits() {
        return waits.get();
    }

    /** The time runs of this process waited for the load turn, in seconds. */
    public double waitedSeconds() {
        return waitedNanos.get() / 1e9;
    }

    private RunLeases.Lease await(String who) throws InterruptedException {
        boolean told = false;
        long since = System.nanoTime();
        while (true) {
            try {
                RunLeases.Lease lease = leases.acquire(LOAD_SCOPE);
                if (told) {
                    waitedNanos.addAndGet(System.nanoTime() - since);
                    log.info("{}: loading now", who);
                }
                return lease;
            } catch (RunLeases.Held e) {
                if (!told) {
                    waits.incrementAndGet();
                    log.info("{}: waiting for the load of another run to finish ({})", who, e.holder().describe());
                    told = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    private void release(long jobExecutionId) {
        RunLeases.Lease lease = turns.remove(jobExecutionId);
        if (lease != null) {
            leases.release(lease);
        }
    }
}
