package org.disclosurereports.devtools.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the pipeline is measured against, on the same data and database:
 * <ol>
 *   <li><b>parse floor</b>: read and parse every input file once, nothing else;</li>
 *   <li><b>bare JDBC insert</b>: what a developer would write by hand: parse, convert dates, batch
 *       INSERT into plain tables of the same columns, commit every 1,000 rows, no validation;</li>
 *   <li><b>hand-written SQL</b>: what a DBA would write: GROUP BY queries computing table 三 and
 *       table 四 for every agency of a year straight from the loaded tables.</li>
 * </ol>
 */
public final class Baselines {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final List<String> FILES = List.of("agencies.csv", "applications.csv", "filings.csv", "enforcement.csv", "appeals.csv");

    private Baselines() {}

    public record Timing(String name, double seconds, long rows) {
        public double rowsPerSecond() {
            return seconds == 0 ? 0 : rows / seconds;
        }
    }

    /** (a) Reads and parses every record file of the data directory once. */
    public static Timing parseFloor(Path data) throws IOException {
        long start = System.nanoTime();
        long rows = 0;
        long chars = 0;
        for (String f : FILES) {
            Path p = data.resolve(f);
            if (!Files.exists(p)) {
                continue;
            }
            try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8); CSVParser parser = CSV.parse(r)) {
                for (CSVRecord rec : parser) {
                    rows++;
                    chars += rec.get(0).length();
                }
            }
        }
        if (chars < 0) {
            throw new IllegalStateException(); // keeps the parse from being optimised away
        }
        return new Timing("parse floor", seconds(start), rows);
    }

    /** (b) Bare JDBC batch inserts of applications, filings and appeals into bench_* tables. */
    public static Timing bareJdbcInsert(DataSource dataSource, Path data) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String t : List.of("bench_application", "bench_document", "bench_appeal")) {
                    s.execute("DROP TABLE IF EXISTS " + t);
                }
                s.execute("CREATE TABLE bench_application (agency_code VARCHAR(64), application_id VARCHAR(100), received_date DATE,"
                        + " applicant_type VARCHAR(32), closed_date DATE, outcome VARCHAR(40), extended VARCHAR(1), fee_yuan DECIMAL(14,2))");
                s.execute("CREATE TABLE bench_document (document_id VARCHAR(100), agency_code VARCHAR(64), doc_number VARCHAR(200),"
                        + " title VARCHAR(1000), category VARCHAR(32), issued_date DATE, disclosure VARCHAR(32), published_date DATE,"
                        + " repealed_date DATE, interpretation_date DATE, interpretation_forms VARCHAR(200))");
                s.execute("CREATE TABLE bench_appeal (case_id VARCHAR(100), agency_code VARCHAR(64), kind VARCHAR(32), filed_date DATE,"
                        + " closed_date DATE, result VARCHAR(32))");
            }
            c.commit();
            long start = System.nanoTime();
            long rows = insert(c, data.resolve("applications.csv"), "bench_application", 8, new int[] {2, 4})
                    + insert(c, data.resolve("filings.csv"), "bench_document", 11, new int[] {5, 7, 8, 9})
                    + insert(c, data.resolve("appeals.csv"), "bench_appeal", 6, new int[] {3, 4});
            return new Timing("bare JDBC insert", seconds(start), rows);
        }
    }

    private static long insert(Connection c, Path file, String table, int columns, int[] dateColumns) throws IOException, SQLException {
        if (!Files.exists(file)) {
            return 0;
        }
        String sql = "INSERT INTO " + table + " VALUES (" + String.join(",", Collections.nCopies(columns, "?")) + ")";
        long rows = 0;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSV.parse(r);
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (CSVRecord rec : parser) {
                for (int i = 0; i < columns; i++) {
                    String v = rec.get(i);
                    boolean date = contains(dateColumns, i);
                    ps.setObject(i + 1, v.isEmpty() ? null : date ? Date.valueOf(LocalDate.parse(v)) : v);
                }
                ps.addBatch();
                if (++rows % 1000 == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return rows;
    }

    private static boolean contains(int[] columns, int column) {
        for (int c : columns) {
            if (c == column) {
                return true;
            }
        }
        return false;
    }

    /**
     * (c) Table 三 and table 四 for every agency of {@code year} by GROUP BY over the pipeline's own
     * tables. Returns the timing and, for checking, the sum of all cells it computed.
     */
    public static Map<String, Object> handWrittenSql(DataSource dataSource, int year) throws SQLException {
        Date first = Date.valueOf(LocalDate.of(year, 1, 1));
        Date last = Date.valueOf(LocalDate.of(year, 12, 31));
        long start = System.nanoTime();
        long cells = 0;
        long groups = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT agency_code, applicant_type,"
                    + " SUM(CASE WHEN received_date BETWEEN ? AND ? THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN received_date < ? AND (closed_date IS NULL OR closed_date >= ?) THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN received_date <= ? AND (closed_date IS NULL OR closed_date > ?) THEN 1 ELSE 0 END)"
                    + " FROM application WHERE received_date <= ? AND (closed_date IS NULL OR closed_date >= ?)"
                    + " GROUP BY agency_code, applicant_type")) {
                Object[] args = {first, last, first, first, last, last, last, first};
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups++;
                        cells += rs.getLong(3) + rs.getLong(4) + rs.getLong(5);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT agency_code, outcome, applicant_type, COUNT(*) FROM application"
                    + " WHERE closed_date BETWEEN ? AND ? GROUP BY agency_code, outcome, applicant_type")) {
                ps.setDate(1, first);
                ps.setDate(2, last);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups++;
                        cells += rs.getLong(4);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT agency_code, kind, col, COUNT(*) FROM ("
                    + "SELECT agency_code, kind, CASE WHEN closed_date IS NULL OR closed_date > ? THEN 'pending' ELSE result END AS col"
                    + " FROM appeal_case WHERE filed_date <= ? AND (closed_date IS NULL OR closed_date >= ?)) cases"
                    + " GROUP BY agency_code, kind, col")) {
                ps.setDate(1, last);
                ps.setDate(2, last);
                ps.setDate(3, first);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups++;
                        cells += rs.getLong(4);
                    }
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timing", new Timing("hand-written SQL (tables 三, 四)", seconds(start), groups));
        m.put("counted", cells);
        return m;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
