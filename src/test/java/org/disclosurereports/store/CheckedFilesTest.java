package org.disclosurereports.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A finding is found under its key only, whole, and the newest replaces the one before. */
class CheckedFilesTest {

    private CheckedFiles files;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource db = MigratedDatabase.with("V19__checked_files.sql");
        jdbc = new JdbcTemplate(db);
        files = new CheckedFiles(new RecordStore(db));
    }

    private static final CheckedFiles.Checked FOUND = new CheckedFiles.Checked(
            Map.of("SL", new RowDigests.Slice(3, 3, -42L), "SL-GOV", new RowDigests.Slice(1, 1, Long.MAX_VALUE)), Set.of("SL-JD1", "SL"), 4, 2);

    @Test
    void aFindingIsFoundUnderItsKeyAsItWasRemembered() {
        files.remember("application", "k1", FOUND);
        assertThat(files.find("application", "k1")).contains(FOUND);
        assertThat(files.find("application", "k2")).isEmpty();
        assertThat(files.find("document", "k1")).isEmpty();

        CheckedFiles.Checked newer = new CheckedFiles.Checked(Map.of("SL", new RowDigests.Slice(1, 1, 5)), Set.of(), 1, 0);
        files.remember("application", "k2", newer);
        assertThat(files.find("application", "k2")).contains(newer);
        assertThat(files.find("application", "k1")).as("replaced").isEmpty();
    }

    @Test
    void aFindingCutShortBeforeItsTotalsIsNotFound() {
        files.remember("application", "k1", FOUND);
        jdbc.update("DELETE FROM checked_file");
        assertThat(files.find("application", "k1")).isEmpty();
    }
}
