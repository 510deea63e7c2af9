package org.disclosurereports.store;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

/**
 * Failures after which the database says the same work may simply be done again: it chose the
 * transaction as a deadlock's victim or could not get a lock in time, and rolled it back. MySQL and
 * MariaDB say so with error 1213 (deadlock) or 1205 (lock wait timeout), every database with SQLState
 * 40001 (serialization failure); Spring translates them into {@link PessimisticLockingFailureException}s
 * (deadlock loser, cannot acquire lock).
 * <p>
 * Not transient: Spring Batch's {@link OptimisticLockingFailureException} (another process changed the
 * run, an operator's stop), a broken connection, or anything else.
 */
public final class TransientFailures {

    static final int MYSQL_DEADLOCK = 1213;
    static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    static final String SERIALIZATION_FAILURE = "40001";

    private TransientFailures() {
    }

    /** Whether {@code failure}, or one of its causes, is a rollback the database asks to be retried. */
    public static boolean retrySafe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingFailureException) {
                return false;
            }
            if (t instanceof PessimisticLockingFailureException || t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && (SERIALIZATION_FAILURE.equals(sql.getSQLState())
                    || sql.getErrorCode() == MYSQL_DEADLOCK || sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
