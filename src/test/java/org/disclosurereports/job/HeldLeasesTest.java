package org.disclosurereports.job;

import org.disclosurereports.store.RunLeases;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The leases a process holds: a lease taken over is lost; one released while its refresh ran is not. */
class HeldLeasesTest {

    JdbcTemplate jdbc;
    HeldLeases leases;

    @BeforeEach
    void schema() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
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
        leases = new HeldLeases(db, 3600, 60); // refreshed by hand below
    }

    @AfterEach
    void stop() {
        leases.shutdown();
    }

    @Test
    void aLeaseAnotherRunTookOverIsLost() throws Exception {
        RunLeases.Lease lease = leases.acquire("2024 all");
        jdbc.update("UPDATE run_lease SET owner = 'other-host:1:takeover'");
        leases.refresh(lease);
        assertThat(leases.lostAny()).isTrue();
        assertThat(leases.lostDescription()).isEqualTo("2024 all");
    }

    @Test
    void aLeaseReleasedWhileItsRefreshRanIsNotLost() throws Exception {
        RunLeases.Lease lease = leases.acquire("2024 all");
        leases.refresh(lease);
        // The run ends between the heartbeat's look at the held leases and its refresh of this one.
        leases.release(lease);
        leases.refresh(lease);
        assertThat(leases.lostAny()).as("a released lease does not stop the next run of this JVM").isFalse();
        assertThat(leases.lostLeases()).isZero();
    }
}
