package org.disclosurereports.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Table {@code sealed_report}: the reports offices have published, with the figures as published. */
@Component
public class SealedReports {

    public record Sealed(String agencyCode, int year, LocalDateTime sealedAt, String sealedBy, String tablesSha256,
                         String pdfSha256, String tablesJson) {}

    private final JdbcTemplate jdbc;

    public SealedReports(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<Sealed> find(String agencyCode, int year) {
        return jdbc.query("SELECT * FROM sealed_report WHERE agency_code = ? AND report_year = ?", (rs, n) -> new Sealed(
                rs.getString("agency_code"), rs.getInt("report_year"), rs.getTimestamp("sealed_at").toLocalDateTime(),
                rs.getString("sealed_by"), rs.getString("tables_sha256"), rs.getString("pdf_sha256"), rs.getString("tables_json")),
                agencyCode, year).stream().findFirst();
    }

    public List<String> sealedCodes(int year) {
        return jdbc.queryForList("SELECT agency_code FROM sealed_report WHERE report_year = ? ORDER BY agency_code", String.class, year);
    }

    /** One line per sealed report of the year: code and figures' digest. */
    public List<String> sealState(int year) {
        return jdbc.queryForList("SELECT agency_code, tables_sha256 FROM sealed_report WHERE report_year = ? ORDER BY agency_code", year)
                .stream().map(r -> r.get("agency_code") + "=" + r.get("tables_sha256")).toList();
    }

    public void seal(String agencyCode, int year, String by, String tablesSha256, String pdfSha256, String tablesJson) {
        jdbc.update("INSERT INTO sealed_report (agency_code, report_year, sealed_at, sealed_by, tables_sha256, pdf_sha256, tables_json) "
                + "VALUES (?, ?, CURRENT_TIMESTAMP, ?, ?, ?, ?)", agencyCode, year, by, tablesSha256, pdfSha256, tablesJson);
    }

    public boolean unseal(String agencyCode, int year) {
        return jdbc.update("DELETE FROM sealed_report WHERE agency_code = ? AND report_year = ?", agencyCode, year) == 1;
    }
}
