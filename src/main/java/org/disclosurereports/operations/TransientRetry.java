package org.disclosurereports.operations;

import org.disclosurereports.job.FailureSentence;
import org.disclosurereports.store.TransientFailures;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one place where a run is tried again after a failure the database calls transient
 * ({@link TransientFailures}: a deadlock's victim, a lock not granted in time). The database rolled that
 * transaction back, and every committed chunk is in the job repository, so trying again is the
 * restart an operator would do: the same job instance resumes at the step and chunk that failed.
 * A run that failed for any other reason, or still fails after the last attempt, is returned as it is.
 */
public final class TransientRetry {

    /** Starts (or restarts) the run: {@code JobOperator.start} with the run's parameters. */
    @FunctionalInterface
    public interface Launch {
        JobExecution start() throws Exception;
    }

    /** Waits between attempts; a test passes one that does not. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    private final int attempts;
    private final Duration firstPause;
    private final Pause pause;
    private final PrintStream err;

    public TransientRetry(int attempts, Duration firstPause, PrintStream err) {
        this(attempts, firstPause, d -> Thread.sleep(d.toMillis()), err);
    }

    TransientRetry(int attempts, Duration firstPause, Pause pause, PrintStream err) {
        this.attempts = Math.max(1, attempts);
        this.firstPause = firstPause;
        this.pause = pause;
        this.err = err;
    }

    /**
     * @param beforeRetry marks FAILED what the failed attempt may have left STARTED (a deadlock while
     *                    Spring Batch recorded the end of a step), so that the next attempt can restart it
     */
    public JobExecution launch(Launch launch, Runnable beforeRetry) throws Exception {
        for (int attempt = 1; ; attempt++) {
            JobExecution execution;
            try {
                execution = launch.start();
            } catch (Exception e) {
                if (attempt == attempts || !TransientFailures.retrySafe(e)) {
                    throw e;
                }
                again(attempt, FailureSentence.of(e), beforeRetry);
                continue;
            }
            List<Throwable> failures = execution.getAllFailureExceptions();
            boolean transientOnly = execution.getStatus() == BatchStatus.FAILED && !failures.isEmpty()
                    && failures.stream().allMatch(TransientFailures::retrySafe);
            if (attempt == attempts || !transientOnly) {
                return execution;
            }
            again(attempt, FailureSentence.of(failures.get(0)), beforeRetry);
        }
    }

    private void again(int attempt, String reason, Runnable beforeRetry) throws InterruptedException {
        // Doubling, with jitter: two runs that deadlocked on each other do not meet again at once.
        long base = firstPause.toMillis() << Math.min(attempt - 1, 6);
        Duration wait = Duration.ofMillis(base + (base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base)));
        err.printf("The database rolled back a transaction of this run and says it may be tried again (%s): "
                + "resuming from the last committed chunk in %.1f s (attempt %d of %d).%n", reason, wait.toMillis() / 1000.0,
                attempt + 1, attempts);
        pause.sleep(wait);
        beforeRetry.run();
    }
}
