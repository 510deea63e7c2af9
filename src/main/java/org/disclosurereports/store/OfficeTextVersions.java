package org.disclosurereports.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Table {@code office_text_version}: every save of a passage an office wrote in the review console.
 * Nothing is overwritten: a passage's text is its highest version, the earlier ones stay.
 */
@Component
public class OfficeTextVersions {

    public record Version(String agencyCode, int year, String slot, int version, String body, String savedBy, Instant savedAt) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public OfficeTextVersions(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Saves a new version of the passage and returns its number. */
    public int save(String agencyCode, int year, String slot, String body, String savedBy) {
        Integer saved = transaction.execute(status -> {
            Integer last = jdbc.queryForObject("SELECT MAX(version) FROM office_text_version WHERE agency_code = ? AND report_year = ? AND slot = ?",
                    Integer.class, agencyCode, year, slot);
            int next = last == null ? 1 : last + 1;
            jdbc.update("INSERT INTO office_text_version (agency_code, report_year, slot, version, body, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    agencyCode, year, slot, next, body, savedBy, Timestamp.from(Instant.now()));
            return next;
        });
        return saved == null ? 0 : saved;
    }

    public Optional<Version> latest(String agencyCode, int year, String slot) {
        return jdbc.query("SELECT * FROM office_text_version WHERE agency_code = ? AND report_year = ? AND slot = ? ORDER BY version DESC",
                OfficeTextVersions::version, agencyCode, year, slot).stream().findFirst();
    }

    public List<Version> history(String agencyCode, int year, String slot) {
        return jdbc.query("SELECT * FROM office_text_version WHERE agency_code = ? AND report_year = ? AND slot = ? ORDER BY version DESC",
                OfficeTextVersions::version, agencyCode, year, slot);
    }

    private static Version version(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getString("agency_code"), rs.getInt("report_year"), rs.getString("slot"), rs.getInt("version"),
                rs.getString("body"), rs.getString("saved_by"), rs.getTimestamp("saved_at").toInstant());
    }
}
