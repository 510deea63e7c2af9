package org.disclosurereports.operations;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.OptimisticLockingFailureException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransientRetryTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Duration> pauses = new ArrayList<>();
    private final TransientRetry retry = new TransientRetry(3, Duration.ofMillis(100), pauses::add,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    private int recoveries;

    private static JobExecution ended(BatchStatus status, Throwable... failures) {
        JobExecution e = new JobExecution(1L, new JobInstance(1L, "annualReportJob"), new JobParameters());
        e.setStatus(status);
        for (Throwable f : failures) {
            e.addFailureException(f);
        }
        return e;
    }

    private JobExecution launch(Deque<Object> outcomes) throws Exception {
        return retry.launch(() -> {
            Object next = outcomes.removeFirst();
            if (next instanceof Exception e) {
                throw e;
            }
            return (JobExecution) next;
        }, () -> recoveries++);
    }

    @Test
    void aRunThatLostADeadlockIsResumedUntilItCompletes() throws Exception {
        SQLException deadlock = new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        Deque<Object> outcomes = new LinkedList<>(List.of(
                ended(BatchStatus.FAILED, new IllegalStateException("chunk failed", deadlock)),
                new CannotAcquireLockException("launch: lock wait timeout"),
                ended(BatchStatus.COMPLETED)));

        assertThat(launch(outcomes).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcomes).isEmpty();
        assertThat(recoveries).isEqualTo(2);
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(pauses.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Deadlock found").contains("attempt 2 of 3")
                .contains("attempt 3 of 3");
    }

    @Test
    void otherFailuresAndTheLastAttemptAreReturnedAsTheyAre() throws Exception {
        JobExecution stopped = ended(BatchStatus.FAILED, new OptimisticLockingFailureException("version"));
        assertThat(launch(new LinkedList<>(List.of(stopped)))).isSameAs(stopped);
        JobExecution mixed = ended(BatchStatus.FAILED, new CannotAcquireLockException("lock"), new IllegalStateException("disk full"));
        assertThat(launch(new LinkedList<>(List.of(mixed)))).isSameAs(mixed);

        JobExecution deadlocked = ended(BatchStatus.FAILED, new CannotAcquireLockException("lock"));
        assertThat(launch(new LinkedList<>(List.of(deadlocked, deadlocked, deadlocked)))).isSameAs(deadlocked);
        assertThat(recoveries).isEqualTo(2);

        assertThatThrownBy(() -> launch(new LinkedList<>(List.of(new IllegalArgumentException("bad parameters")))))
                .hasMessage("bad parameters");
    }
}
