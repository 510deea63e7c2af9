package org.disclosurereports.job.remote;

import org.disclosurereports.job.FailureSentence;
import org.disclosurereports.job.LoadTurnListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.GenericMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The manager's side of the report step on workers: one {@link StepExecutionRequest} per partition is
 * sent to the broker's queue, and the partitions' progress is read back from the shared job repository
 * (no reply channel), as Spring Batch's {@code MessageChannelPartitionHandler} does.
 * <p>
 * Unlike that handler, it knows when a worker is gone. A worker commits every few reports, so a
 * partition whose execution has not changed for the stall time lost its worker (killed, or cut off from
 * the database): it is marked failed, the step fails once the others are done, and a restart runs it
 * again on any worker. When no partition changes at all for the stall time while some still wait, no
 * worker is taking requests: the waiting ones are failed with that message. A partition left STARTED or
 * STARTING could never be restarted, so every way out of this class ends each partition.
 */
public class RemotePartitions extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitions.class);

    private final String workerStep;
    private final MessageChannel requests;
    private final String destination;
    private final JobRepository repository;
    private final LoadTurnListener loadTurn;
    private final Duration pollInterval;
    private final Duration stallTime;
    private final Clock clock;

    /**
     * @param destination where the requests go (the broker and queue), for messages
     * @param stallTime   how long a partition may go without a commit, and the run without any change, before it is given up
     */
    public RemotePartitions(String workerStep, int gridSize, MessageChannel requests, String destination,
                            JobRepository repository, LoadTurnListener loadTurn, Duration pollInterval, Duration stallTime,
                            Clock clock) {
        this.workerStep = workerStep;
        this.requests = requests;
        this.destination = destination;
        this.repository = repository;
        this.loadTurn = loadTurn;
        this.pollInterval = pollInterval;
        this.stallTime = stallTime;
        this.clock = clock;
        setGridSize(gridSize);
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return partitions;
        }
        List<StepExecution> ordered = partitions.stream().sorted(Comparator.comparing(StepExecution::getStepName)).toList();
        MessagingTemplate template = new MessagingTemplate();
        try {
            for (StepExecution partition : ordered) {
                template.send(requests, new GenericMessage<>(new StepExecutionRequest(workerStep, partition.getId())));
            }
        } catch (RuntimeException e) {
            giveUp(ordered, "its request could not be sent to " + destination + ": " + rootMessage(e));
            // Without its cause: the run's failure line names the innermost cause, and this sentence is the one to read.
            throw new IllegalStateException("the report partitions could not be sent to " + destination + ": "
                    + rootMessage(e) + "; is the broker running? Run the same command again to resume");
        }
        log.info("{} report partitions sent to {}; waiting for workers", ordered.size(), destination);
        loadTurn.unitsListed(manager.getJobExecutionId());
        try {
            await(ordered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp(ordered, "the manager was interrupted while waiting for it");
            throw e;
        }
        for (StepExecution partition : ordered) {
            refresh(partition, latest(partition));
        }
        return partitions;
    }

    /** Waits until every partition has ended, ending those whose worker is gone. */
    private void await(List<StepExecution> partitions) throws InterruptedException {
        Map<Long, Progress> seen = new HashMap<>();
        LocalDateTime anyChange = now();
        while (true) {
            LocalDateTime now = now();
            Set<String> waiting = new TreeSet<>();
            boolean running = false;
            for (StepExecution partition : partitions) {
                StepExecution latest = latest(partition);
                if (!latest.getStatus().isRunning()) {
                    continue;
                }
                running = true;
                Progress progress = Progress.of(latest, now);
                Progress before = seen.get(latest.getId());
                if (before == null || !before.sameAs(progress)) {
                    seen.put(latest.getId(), progress);
                    if (before != null) {
                        anyChange = now;
                    }
                    continue;
                }
                if (latest.getStatus() == BatchStatus.STARTING) {
                    waiting.add(latest.getStepName());
                } else if (stalled(before, now)) {
                    end(latest, "its worker stopped answering: no commit for " + seconds(stallTime)
                            + " (the worker was killed, or lost the database); a restart builds it again");
                    anyChange = now;
                }
            }
            if (!running) {
                return;
            }
            if (!waiting.isEmpty() && Duration.between(anyChange, now).compareTo(stallTime) >= 0) {
                String reason = "no worker took it within " + seconds(stallTime) + " (is a worker running, "
                        + "listening on " + destination + " with the same database?)";
                for (StepExecution partition : partitions) {
                    StepExecution latest = latest(partition);
                    if (latest.getStatus() == BatchStatus.STARTING) {
                        end(latest, reason);
                    }
                }
                log.error("No worker took report partitions {} within {}", waiting, seconds(stallTime));
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private boolean stalled(Progress progress, LocalDateTime now) {
        return Duration.between(progress.since(), now).compareTo(stallTime) >= 0;
    }

    /** Ends every partition that has not ended (a failed send or an interrupted wait). */
    private void giveUp(List<StepExecution> partitions, String reason) {
        for (StepExecution partition : partitions) {
            StepExecution latest = latest(partition);
            if (latest.getStatus().isRunning()) {
                end(latest, reason);
            }
            refresh(partition, latest(partition));
        }
    }

    /**
     * Marks a partition failed in the repository. The version check keeps a worker that was only slow:
     * if it committed meanwhile, the partition is left to it and looked at again at the next poll.
     */
    private void end(StepExecution partition, String reason) {
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        partition.setEndTime(now());
        try {
            repository.update(partition);
            log.error("Report partition {} failed: {}", partition.getStepName(), reason);
        } catch (OptimisticLockingFailureException e) {
            log.info("Report partition {} moved on while it was being given up; waiting on", partition.getStepName());
        }
    }

    private StepExecution latest(StepExecution partition) {
        return Objects.requireNonNull(repository.getStepExecution(partition.getId()),
                () -> "the report partition " + partition.getStepName() + " is gone from the job repository");
    }

    /**
     * The manager's own copies are what the job sees afterwards (the run summary, the failed units):
     * they take on what the workers wrote.
     */
    private static void refresh(StepExecution own, StepExecution latest) {
        own.setStatus(latest.getStatus());
        own.setExitStatus(latest.getExitStatus());
        own.setStartTime(latest.getStartTime());
        own.setEndTime(latest.getEndTime());
        own.setLastUpdated(latest.getLastUpdated());
        own.setReadCount(latest.getReadCount());
        own.setWriteCount(latest.getWriteCount());
        own.setCommitCount(latest.getCommitCount());
        own.setRollbackCount(latest.getRollbackCount());
        own.setFilterCount(latest.getFilterCount());
        own.setReadSkipCount(latest.getReadSkipCount());
        own.setProcessSkipCount(latest.getProcessSkipCount());
        own.setWriteSkipCount(latest.getWriteSkipCount());
        own.setExecutionContext(latest.getExecutionContext());
        own.setVersion(latest.getVersion());
        if (latest.getStatus().isUnsuccessful() && own.getFailureExceptions().isEmpty()) {
            // A worker's exception stays in its process; its description is in the repository.
            own.addFailureException(new PartitionFailed(latest.getStepName(), latest.getExitStatus().getExitDescription()));
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    static String rootMessage(Throwable e) {
        Throwable root = FailureSentence.rootOf(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** What a partition's execution showed when it was last seen to change, and since when. */
    private record Progress(BatchStatus status, Integer version, long commits, LocalDateTime since) {
        static Progress of(StepExecution e, LocalDateTime now) {
            return new Progress(e.getStatus(), e.getVersion(), e.getCommitCount(), now);
        }

        boolean sameAs(Progress other) {
            return status == other.status && Objects.equals(version, other.version) && commits == other.commits;
        }
    }

    /** A partition that failed on a worker, or whose worker was lost: its description, as the repository holds it. */
    static final class PartitionFailed extends RuntimeException {
        PartitionFailed(String partition, String description) {
            super("report partition " + partition + " failed: " + firstLine(description));
        }

        private static String firstLine(String description) {
            if (description == null || description.isBlank()) {
                return "no reason given";
            }
            int end = description.indexOf('\n');
            return end < 0 ? description : description.substring(0, end);
        }
    }
}
