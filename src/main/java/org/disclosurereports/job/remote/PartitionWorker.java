package org.disclosurereports.job.remote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.integration.acks.AcknowledgmentCallback;
import org.springframework.messaging.Message;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A worker's side: takes one partition request at a time from the queue and runs the partition step on
 * it against the shared job repository, as Spring Batch's {@code StepExecutionRequestHandler} does, but
 * on an execution this class holds, so that a worker told to stop can stop it at a commit.
 * <p>
 * The request is acknowledged before the partition runs, so the broker never hands it to a second
 * worker: a partition whose worker dies is ended by the manager ({@link RemotePartitions}) and run again
 * by a restart. A request for a partition that is no longer waiting (its run gave it up, or it was sent
 * again) is dropped, so a partition never runs twice at once.
 */
public class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final JobRepository repository;
    private final Step step;
    private final AtomicReference<StepExecution> current = new AtomicReference<>();
    private final ReentrantLock running = new ReentrantLock();

    public PartitionWorker(JobRepository repository, Step step) {
        this.repository = repository;
        this.step = step;
    }

    public void handle(Message<?> message) {
        AcknowledgmentCallback ack = StaticMessageHeaderAccessor.getAcknowledgmentCallback(message);
        if (ack != null) {
            ack.acknowledge(AcknowledgmentCallback.Status.ACCEPT);
        }
        if (!(message.getPayload() instanceof StepExecutionRequest request)) {
            log.warn("Dropped a message that is not a partition request: {}", message.getPayload().getClass().getName());
            return;
        }
        if (!step.getName().equals(request.getStepName())) {
            log.warn("Dropped {}: this worker runs {} only", request, step.getName());
            return;
        }
        StepExecution partition = repository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            log.warn("Dropped {}: no such partition in the job repository (another database?)", request);
            return;
        }
        if (partition.getStatus() != BatchStatus.STARTING || !partition.getJobExecution().isRunning()) {
            log.warn("Dropped the request for partition {} of run {}: it is {} already", partition.getStepName(),
                    partition.getJobExecution().getJobInstance().getInstanceId(), partition.getStatus());
            return;
        }
        running.lock();
        try {
            current.set(partition);
            log.info("Building report partition {} of run {}", partition.getStepName(),
                    partition.getJobExecution().getJobInstance().getInstanceId());
            try {
                step.execute(partition);
            } catch (JobInterruptedException e) {
                partition.setStatus(BatchStatus.STOPPED);
                repository.update(partition);
            } catch (RuntimeException e) {
                // The step records its own failures; this is one it could not (the repository itself).
                log.error("Report partition {} could not be run", partition.getStepName(), e);
                partition.addFailureException(e);
                partition.setStatus(BatchStatus.FAILED);
                repository.update(partition);
            }
            log.info("Report partition {} {}", partition.getStepName(), partition.getStatus());
        } finally {
            current.set(null);
            running.unlock();
        }
    }

    /**
     * A poll that failed (the broker restarting, the network, the database): one line, not a stack trace;
     * the next poll tries again, and the connection is made anew.
     */
    public void pollFailed(Throwable failure) {
        log.warn("Taking a partition request failed ({}); trying again", RemotePartitions.rootMessage(failure));
    }

    /**
     * A worker told to stop lets its partition stop at the next commit (it stays restartable) and waits
     * for it, up to {@code seconds}.
     */
    public void stop(long seconds) {
        StepExecution partition = current.get();
        if (partition == null) {
            return;
        }
        log.info("Stopping: report partition {} stops after its current chunk", partition.getStepName());
        partition.setTerminateOnly();
        try {
            if (running.tryLock(seconds, TimeUnit.SECONDS)) {
                running.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
