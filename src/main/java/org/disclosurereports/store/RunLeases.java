package org.disclosurereports.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Leases in table {@code run_lease}: at most one holder per scope, across JVMs and machines sharing
 * the database. A holder proves it is alive by refreshing {@code heartbeat_at} (the database's clock,
 * so machines with skewed clocks agree). A lease is stale, and may be taken over, when its holder ran
 * on this host and its process is gone (found at once after {@code kill -9}), or when it has not
 * refreshed it for the expiry time (a holder on another machine that died).
 * <p>
 * A holder that was only stalled longer than the expiry (and lost its lease to another run) finds
 * out at its next heartbeat: {@link #heartbeat} returns false and the run stops at its next chunk.
 */
public final class RunLeases {

    /** Who holds a lease, and how long ago it last showed it was alive (by the database's clock). */
    public record Holder(String owner, String host, long pid, LocalDateTime acquiredAt, LocalDateTime heartbeatAt, Duration silentFor) {
        public String describe() {
            return "process " + pid + " on " + host + " (since " + acquiredAt.withNano(0) + ", last heartbeat "
                    + silentFor.toSeconds() + " s ago)";
        }
    }

    /** A lease this process holds. */
    public record Lease(String key, String scope, String owner, Optional<Holder> tookOverFrom) {}

    /** The scope is held by a live run. */
    public static final class Held extends Exception {
        private final String scope;
        private final Holder holder;

        Held(String scope, Holder holder) {
            super("held by " + holder.describe());
            this.scope = scope;
            this.holder = holder;
        }

        public String scope() {
            return scope;
        }

        public Holder holder() {
            return holder;
        }
    }

    private final JdbcTemplate jdbc;
    /** Lease changes commit on their own: never in the transaction of the chunk or step that asks for them. */
    private final TransactionTemplate ownTransaction;
    private final Duration expiry;
    private final String host;
    private final long pid;

    public RunLeases(DataSource dataSource, Duration expiry) {
        this(dataSource, expiry, localHost(), ProcessHandle.current().pid());
    }

    RunLeases(DataSource dataSource, Duration expiry, String host, long pid) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.expiry = expiry;
        this.host = host;
        this.pid = pid;
    }

    /**
     * A change to {@code run_lease}, committed at once. A lease released from a listener of a chunk that
     * then fails must stay released: in the chunk's transaction the rollback would bring it back, and
     * every later run would wait for it to expire.
     */
    private int update(String sql, Object... args) {
        Integer rows = ownTransaction.execute(status -> jdbc.update(sql, args));
        return rows == null ? 0 : rows;
    }

    public static String localHost() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return env == null || env.isBlank() ? "unknown-host" : env;
        }
    }

    public static String keyOf(String scope) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the lease of {@code scope}, taking over a stale one; throws {@link Held} if a live run holds it. */
    public Lease acquire(String scope) throws Held {
        String key = keyOf(scope);
        String owner = host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8);
        Holder staleHolder = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                update("INSERT INTO run_lease (lease_key, scope, owner, host, pid, acquired_at, heartbeat_at) "
                        + "VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", key, truncate(scope, 1000), owner, truncate(host, 200), pid);
                return new Lease(key, scope, owner, Optional.ofNullable(staleHolder));
            } catch (DuplicateKeyException e) {
                Optional<Holder> holder = holder(key);
                if (holder.isEmpty()) {
                    continue; // released meanwhile
                }
                if (!isStale(holder.get())) {
                    throw new Held(scope, holder.get());
                }
                // Compare-and-delete on the owner: if another run took it over first, the insert fails again.
                update("DELETE FROM run_lease WHERE lease_key = ? AND owner = ?", key, holder.get().owner());
                staleHolder = holder.get();
            }
        }
        Optional<Holder> holder = holder(key);
        throw new Held(scope, holder.orElseThrow(() -> new IllegalStateException("cannot take the lease of " + scope)));
    }

    public Optional<Holder> holder(String key) {
        List<Holder> rows = jdbc.query("SELECT owner, host, pid, acquired_at, heartbeat_at, CURRENT_TIMESTAMP AS now_ts FROM run_lease WHERE lease_key = ?",
                (rs, n) -> {
                    LocalDateTime heartbeat = rs.getTimestamp("heartbeat_at").toLocalDateTime();
                    LocalDateTime now = rs.getTimestamp("now_ts").toLocalDateTime();
                    return new Holder(rs.getString("owner"), rs.getString("host"), rs.getLong("pid"),
                            rs.getTimestamp("acquired_at").toLocalDateTime(), heartbeat, Duration.between(heartbeat, now));
                }, key);
        return rows.stream().findFirst();
    }

    /** Stale: its process on this host is gone, or it has been silent for longer than the expiry. */
    public boolean isStale(Holder h) {
        if (h.host().equals(host) && h.pid() != pid) {
            boolean alive = ProcessHandle.of(h.pid()).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                return true;
            }
        }
        return h.silentFor().compareTo(expiry) > 0;
    }

    /** Refreshes the lease; false when it is no longer ours (it expired and another run took it over). */
    public boolean heartbeat(Lease lease) {
        return update("UPDATE run_lease SET heartbeat_at = CURRENT_TIMESTAMP WHERE lease_key = ? AND owner = ?",
                lease.key(), lease.owner()) == 1;
    }

    public void release(Lease lease) {
        update("DELETE FROM run_lease WHERE lease_key = ? AND owner = ?", lease.key(), lease.owner());
    }

    public String host() {
        return host;
    }

    public long pid() {
        return pid;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
