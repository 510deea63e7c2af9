package org.disclosurereports.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Table {@code console_account}: who may sign in to the review console, with which role and for which
 * agency. Holds the password's hash only; hashing is the caller's (a slow adaptive hash).
 */
@Component
public class ConsoleAccounts {

    /** What an account may do: see {@code docs/console.md}. */
    public enum Role {
        /** writes and submits the reports of its own agency */
        UNIT,
        /** returns or approves, and publishes, the reports of its agency's subtree */
        REVIEWER,
        /** reads every report, changes nothing */
        AUDITOR,
        /** reads every report and manages nothing else in the console (accounts are managed by the command line) */
        ADMIN;

        public String id() {
            return name().toLowerCase();
        }

        public static Optional<Role> of(String id) {
            for (Role r : values()) {
                if (r.id().equals(id)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    public record Account(String username, String passwordHash, Role role, String agencyCode, boolean disabled,
                          int failedLogins, Instant lockedUntil, Instant createdAt) {}

    private final JdbcTemplate jdbc;

    public ConsoleAccounts(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<Account> find(String username) {
        return jdbc.query("SELECT * FROM console_account WHERE username = ?", ConsoleAccounts::account, username).stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("SELECT * FROM console_account ORDER BY username", ConsoleAccounts::account);
    }

    /** @return false when an account of that name exists already */
    public boolean add(String username, String passwordHash, Role role, String agencyCode) {
        if (find(username).isPresent()) {
            return false;
        }
        jdbc.update("INSERT INTO console_account (username, password_hash, role, agency_code, disabled, failed_logins, created_at) "
                + "VALUES (?, ?, ?, ?, FALSE, 0, ?)", username, passwordHash, role.id(), agencyCode, Timestamp.from(Instant.now()));
        return true;
    }

    public boolean disable(String username) {
        return jdbc.update("UPDATE console_account SET disabled = TRUE WHERE username = ?", username) == 1;
    }

    /** A new password also lifts a lock-out. */
    public boolean changePassword(String username, String passwordHash) {
        return jdbc.update("UPDATE console_account SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE username = ?",
                passwordHash, username) == 1;
    }

    /** One more failed sign-in; at {@code limit} failures in a row the account is locked until {@code lockUntil}. */
    public void failedLogin(String username, int limit, Instant lockUntil) {
        jdbc.update("UPDATE console_account SET failed_logins = failed_logins + 1 WHERE username = ?", username);
        jdbc.update("UPDATE console_account SET locked_until = ?, failed_logins = 0 WHERE username = ? AND failed_logins >= ?",
                Timestamp.from(lockUntil), username, limit);
    }

    public void succeededLogin(String username) {
        jdbc.update("UPDATE console_account SET failed_logins = 0, locked_until = NULL WHERE username = ?", username);
    }

    private static Account account(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        String roleId = rs.getString("role");
        Role role = Role.of(roleId).orElseThrow(() -> new IllegalStateException("unknown console role " + roleId));
        return new Account(rs.getString("username"), rs.getString("password_hash"), role,
                rs.getString("agency_code"), rs.getBoolean("disabled"), rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
