package org.disclosurereports.store;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void aDeadlockOrALockNotGrantedIsSafeToRetryWhereverItIsWrapped() {
        SQLException mysqlDeadlock = new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        assertThat(TransientFailures.retrySafe(new IllegalStateException("step failed", new UncategorizedSQLException("upsert", "INSERT", mysqlDeadlock))))
                .isTrue();
        // MariaDB's driver reports a deadlock with its vendor code and a general SQLState.
        assertThat(TransientFailures.retrySafe(new SQLException("Deadlock found", "HY000", 1213))).isTrue();
        assertThat(TransientFailures.retrySafe(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isTrue();
        assertThat(TransientFailures.retrySafe(new SQLException("serialization failure", "40001", 0))).isTrue();
        assertThat(TransientFailures.retrySafe(new CannotAcquireLockException("lock"))).isTrue();
        assertThat(TransientFailures.retrySafe(new PessimisticLockingFailureException("deadlock loser"))).isTrue();
    }

    @Test
    void anythingElseIsNot() {
        // Spring Batch's version conflict: another process changed the run (an operator's stop).
        assertThat(TransientFailures.retrySafe(new OptimisticLockingFailureException("version 3 expected"))).isFalse();
        assertThat(TransientFailures.retrySafe(new SQLNonTransientConnectionException("Connection is broken: \"session closed\"", "90067", 90067)))
                .isFalse();
        assertThat(TransientFailures.retrySafe(new DataIntegrityViolationException("too long"))).isFalse();
        assertThat(TransientFailures.retrySafe(new IllegalStateException("no cause"))).isFalse();
    }
}
