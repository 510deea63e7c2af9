package org.disclosurereports.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slices remembered for a record table are used only while no write has come since they were
 * counted; any write through the store, and --force, make the table's digests add up again.
 */
class RememberedSlicesTest {

    private static final List<String> COLUMNS = List.of("agency_code", "item_id");
    private static final List<String> KEY = List.of("item_id");

    private JdbcTemplate jdbc;
    private RecordStore store;
    private RowDigests digests;

    @BeforeEach
    void database() {
        JdbcDataSource db = MigratedDatabase.with("V20__agency_slices.sql");
        jdbc = new JdbcTemplate(db);
        jdbc.execute("CREATE TABLE item (agency_code VARCHAR(64) NOT NULL, item_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                + " load_id BIGINT NOT NULL, source_line BIGINT, row_hash BIGINT)");
        jdbc.execute("CREATE TABLE record_load_agency (load_id BIGINT NOT NULL, agency_code VARCHAR(64) NOT NULL, PRIMARY KEY (load_id, agency_code))");
        jdbc.execute("CREATE TABLE record_load_kept (load_id BIGINT NOT NULL, record_table VARCHAR(64) NOT NULL,"
                + " agency_code VARCHAR(64) NOT NULL, PRIMARY KEY (load_id, record_table, agency_code))");
        store = new RecordStore(db);
        digests = new RowDigests(store);
        write("A", "1");
        write("A", "2");
        write("B", "3");
        write("C", "4");
    }

    private void write(String agency, String id) {
        store.upsert("item", COLUMNS, KEY, List.<Object[]>of(new Object[] {agency, id, 1L, 2L}));
    }

    /** Makes the remembered slice of agency A wrong, as only a hand edit of the database could. */
    private void tamperWithRemembered() {
        assertThat(jdbc.update("UPDATE agency_slice SET digest_sum = 0 WHERE record_table = 'item' AND agency_code = 'A'")).isOne();
    }

    @Test
    void rememberedSlicesAreThoseCountedAndServeRangesToo() {
        var counted = digests.counted("item", null, null);
        assertThat(counted).containsOnlyKeys("A", "B", "C");
        assertThat(counted.get("A").rows()).isEqualTo(2);
        assertThat(digests.byAgency("item", null, null)).as("nothing remembered yet").isEqualTo(counted);

        digests.remember("item", false);
        tamperWithRemembered();
        assertThat(digests.byAgency("item", null, null).get("A").sum()).as("read from what was remembered").isZero();
        assertThat(digests.byAgency("item", "B", "C")).isEqualTo(digests.counted("item", "B", "C")).containsOnlyKeys("B", "C");
        assertThat(digests.byAgency("item", null, "A")).containsOnlyKeys("A");
    }

    @Test
    void aWriteAfterTheCountMakesTheDigestsAddUpAgainUntilTheTableIsRememberedAgain() {
        digests.remember("item", false);
        tamperWithRemembered();
        write("B", "5");
        assertThat(digests.byAgency("item", null, null)).isEqualTo(digests.counted("item", null, null));
        assertThat(digests.byAgency("item", null, null).get("B").rows()).isEqualTo(2);

        digests.remember("item", false);
        assertThat(digests.byAgency("item", null, null)).isEqualTo(digests.counted("item", null, null));
    }

    @Test
    void aPruneThatRemovesRowsIsAWriteAndOneThatRemovesNoneIsNot() {
        digests.remember("item", false);
        tamperWithRemembered();
        store.listAgenciesOfLoad(2, List.of("C"));
        assertThat(store.pruneNotInLoad("item", 2)).isOne();
        assertThat(digests.byAgency("item", null, null)).isEqualTo(digests.counted("item", null, null)).doesNotContainKey("C");

        digests.remember("item", false);
        tamperWithRemembered();
        assertThat(store.pruneNotInLoad("item", 3)).isZero();
        assertThat(digests.byAgency("item", null, null).get("A").sum()).as("nothing removed: still remembered").isZero();
    }

    @Test
    void slicesStillTheTablesAreNotCountedAgainUnlessForced() {
        digests.remember("item", false);
        tamperWithRemembered();
        digests.remember("item", false);
        assertThat(digests.byAgency("item", null, null).get("A").sum()).as("no write since: kept").isZero();

        digests.remember("item", true);
        assertThat(digests.byAgency("item", null, null)).as("--force counts again").isEqualTo(digests.counted("item", null, null));
    }
}
