package org.disclosurereports.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Leases between "processes" (several RunLeases with their own host and pid) on one database. */
class RunLeasesTest {

    JdbcDataSource db;
    JdbcTemplate jdbc;
    final long me = ProcessHandle.current().pid();
    final long alive = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();

    @BeforeEach
    void schema() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(db);
        String v5;
        try (var in = getClass().getClassLoader().getResourceAsStream("db/migration/common/V5__nightly_operations.sql")) {
            v5 = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${table_options}", "");
        }
        for (String statement : v5.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
    }

    RunLeases process(String host, long pid) {
        return new RunLeases(db, Duration.ofSeconds(60), host, pid);
    }

    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    /** As the load turn is given back from a listener of a report chunk, and that chunk then fails. */
    @Test
    void aLeaseReleasedInsideATransactionThatRollsBackStaysReleased() throws Exception {
        RunLeases a = process("host-a", alive);
        RunLeases.Lease lease = a.acquire("load records (database-wide)");
        TransactionTemplate chunk = new TransactionTemplate(new DataSourceTransactionManager(db));
        chunk.executeWithoutResult(status -> {
            a.release(lease);
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run_lease", Integer.class)).isZero();
        assertThat(process("host-b", me).acquire("load records (database-wide)").tookOverFrom()).isEmpty();
    }

    @Test
    void aLiveHolderKeepsItsScopeOtherScopesAreFree() throws Exception {
        RunLeases a = process("host-a", alive);
        RunLeases.Lease lease = a.acquire("year=2024 agency=*");
        assertThat(lease.tookOverFrom()).isEmpty();
        RunLeases b = process("host-a", me);
        assertThatThrownBy(() -> b.acquire("year=2024 agency=*"))
                .isInstanceOfSatisfying(RunLeases.Held.class, e -> assertThat(e.holder().pid()).isEqualTo(alive));
        assertThat(b.acquire("year=2024 agency=SL-JD1")).isNotNull();
        a.release(lease);
        assertThat(b.acquire("year=2024 agency=*").tookOverFrom()).isEmpty();
    }

    @Test
    void aDeadProcessOnThisHostIsTakenOverAtOnce() throws Exception {
        long dead = deadPid();
        RunLeases.Lease crashed = process("host-a", dead).acquire("s");
        RunLeases.Lease next = process("host-a", me).acquire("s");
        assertThat(next.tookOverFrom()).hasValueSatisfying(h -> assertThat(h.pid()).isEqualTo(dead));
        // Were the old holder still there, it would learn at its next heartbeat that it lost the lease.
        assertThat(process("host-a", dead).heartbeat(crashed)).isFalse();
        assertThat(process("host-a", me).heartbeat(next)).isTrue();
    }

    @Test
    void aHolderOnAnotherMachineIsTakenOverOnlyAfterItsHeartbeatExpired() throws Exception {
        RunLeases other = process("host-b", 4242);
        RunLeases.Lease theirs = other.acquire("s");
        RunLeases here = process("host-a", me);
        assertThatThrownBy(() -> here.acquire("s")).isInstanceOf(RunLeases.Held.class)
                .hasMessageContaining("process 4242 on host-b");
        jdbc.update("UPDATE run_lease SET heartbeat_at = DATEADD('SECOND', -30, CURRENT_TIMESTAMP)");
        assertThatThrownBy(() -> here.acquire("s")).as("30 s silent, expiry 60 s").isInstanceOf(RunLeases.Held.class);
        assertThat(other.heartbeat(theirs)).isTrue();
        jdbc.update("UPDATE run_lease SET heartbeat_at = DATEADD('SECOND', -61, CURRENT_TIMESTAMP)");
        assertThat(here.acquire("s").tookOverFrom()).hasValueSatisfying(h -> assertThat(h.host()).isEqualTo("host-b"));
    }
}
