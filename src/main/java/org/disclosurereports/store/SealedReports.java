package org.disclosurereports.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Table {@code sealed_report}: the reports offices have published, with the figures as published. A seal
 * belongs to the report published from one output directory (the {@code --out} it was sealed in): only
 * runs into that directory leave the unit alone. A seal recorded without a directory holds for every one.
 */
@Component
public class SealedReports {

    public record Sealed(String agencyCode, int year, LocalDateTime sealedAt, String sealedBy, String tablesSha256,
                         String pdfSha256, String tablesJson) {}

    private final JdbcTemplate jdbc;

    public SealedReports(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private static final String FOR_OUTPUT = " AND (output_directory IS NULL OR output_directory = ?)";

    /** The seal of a unit's report of the year, whichever output directory it was sealed in. */
    public Optional<Sealed> find(String agencyCode, int year) {
        return jdbc.query("SELECT * FROM sealed_report WHERE agency_code = ? AND report_year = ?", SealedReports::sealed,
                agencyCode, year).stream().findFirst();
    }

    /** The seal that holds for the report in output directory {@code out}. */
    public Optional<Sealed> find(String agencyCode, int year, Path out) {
        return jdbc.query("SELECT * FROM sealed_report WHERE agency_code = ? AND report_year = ?" + FOR_OUTPUT, SealedReports::sealed,
                agencyCode, year, out.toString()).stream().findFirst();
    }

    /** The output directory a seal was made in; empty for a seal that holds everywhere. */
    public Optional<String> outputDirectory(String agencyCode, int year) {
        return jdbc.queryForList("SELECT output_directory FROM sealed_report WHERE agency_code = ? AND report_year = ?",
                String.class, agencyCode, year).stream().filter(d -> d != null).findFirst();
    }

    private static Sealed sealed(ResultSet rs, int n) throws SQLException {
        return new Sealed(rs.getString("agency_code"), rs.getInt("report_year"), rs.getTimestamp("sealed_at").toLocalDateTime(),
                rs.getString("sealed_by"), rs.getString("tables_sha256"), rs.getString("pdf_sha256"), rs.getString("tables_json"));
    }

    /** The units whose report of the year is sealed for output directory {@code out}. */
    public List<String> sealedCodes(int year, Path out) {
        return jdbc.queryForList("SELECT agency_code FROM sealed_report WHERE report_year = ?" + FOR_OUTPUT + " ORDER BY agency_code",
                String.class, year, out.toString());
    }

    /** One line per report of the year sealed for output directory {@code out}: code and figures' digest. */
    public List<String> sealState(int year, Path out) {
        return jdbc.queryForList("SELECT agency_code, tables_sha256 FROM sealed_report WHERE report_year = ?" + FOR_OUTPUT
                        + " ORDER BY agency_code", year, out.toString())
                .stream().map(r -> r.get("agency_code") + "=" + r.get("tables_sha256")).toList();
    }

    /** @param out the output directory the published report is in */
    public void seal(String agencyCode, int year, Path out, String by, String tablesSha256, String pdfSha256, String tablesJson) {
        jdbc.update("INSERT INTO sealed_report (agency_code, report_year, sealed_at, sealed_by, tables_sha256, pdf_sha256, tables_json, "
                + "output_directory) VALUES (?, ?, CURRENT_TIMESTAMP, ?, ?, ?, ?, ?)", agencyCode, year, by, tablesSha256, pdfSha256,
                tablesJson, out.toString());
    }

    public boolean unseal(String agencyCode, int year) {
        return jdbc.update("DELETE FROM sealed_report WHERE agency_code = ? AND report_year = ?", agencyCode, year) == 1;
    }
}
