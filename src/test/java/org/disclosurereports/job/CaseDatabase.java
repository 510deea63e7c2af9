package org.disclosurereports.job;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.inputs.FieldType;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RecordKind;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case-management system's database for the tests, on MariaDB: a schema unlike the data contract
 * (pinyin column names, numeric codes, a code table for results, date-times), filled with the same
 * records as the demo data's applications.csv and appeals.csv, the deliberately bad rows included.
 * The mapping back to the contract is the one in {@code jobs/sources/casedb.yaml}.
 */
final class CaseDatabase {

    static final LocalDateTime EXPORTED = LocalDateTime.of(2025, 1, 15, 18, 0);
    static final List<String> APPLICANT_TYPES = List.of("natural_person", "commercial", "research", "social_welfare", "legal_service", "other");
    static final List<String> CASE_KINDS = List.of("review", "litigation_direct", "litigation_after_review");
    static final List<String> CASE_RESULTS = List.of("upheld", "corrected", "other");
    /** A code the system has but the contract does not know: rejected, naming it. */
    static final int UNKNOWN_CODE = 9;

    private final String url;
    private final String user;
    private final String password;
    private final InputSchema schema;
    /** 办结结果 code (J01…) by the contract's outcome key. */
    final Map<String, String> outcomeCodes = new LinkedHashMap<>();

    CaseDatabase(String url, String user, String password, ReportFormat format) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = new InputSchema(format);
        int i = 1;
        for (var row : format.table3Shape().outcomeRows()) {
            outcomeCodes.put(row.key(), String.format("J%02d", i++));
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    void create(ReportFormat format) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE dm_bjjg (                 -- 办结结果代码表
                        dm VARCHAR(8) PRIMARY KEY,
                        mc VARCHAR(100) NOT NULL)""");
            s.execute("""
                    CREATE TABLE ysq_sqb (                 -- 依申请公开 申请表
                        sqbh  VARCHAR(40) NOT NULL,        -- 申请编号
                        jgdm  VARCHAR(20) NOT NULL,        -- 受理机构代码
                        sqrq  DATETIME    NOT NULL,        -- 申请日期
                        sqrlx TINYINT     NOT NULL,        -- 申请人类型 1..6
                        bjrq  DATE,                        -- 办结日期
                        bjjg  VARCHAR(8),                  -- 办结结果代码
                        yqbz  CHAR(1),                     -- 延期标志 1/0
                        sfje  DECIMAL(10, 2),              -- 收费金额
                        gxsj  DATETIME(3) NOT NULL,        -- 更新时间
                        PRIMARY KEY (jgdm, sqbh))""");
            s.execute("""
                    CREATE TABLE fy_ajb (                  -- 复议诉讼 案件表
                        ajbh VARCHAR(40) NOT NULL, jgdm VARCHAR(20) NOT NULL, ajlx TINYINT NOT NULL,
                        larq DATE NOT NULL, jarq DATE, jajg TINYINT, gxsj DATETIME(3) NOT NULL,
                        PRIMARY KEY (jgdm, ajbh))""");
        }
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("INSERT INTO dm_bjjg VALUES (?, ?)")) {
            for (var row : format.table3Shape().outcomeRows()) {
                p.setString(1, outcomeCodes.get(row.key()));
                p.setString(2, row.label());
                p.executeUpdate();
            }
        }
    }

    /** The records of a data directory's applications.csv and appeals.csv, each stamped a second apart. */
    void fill(Path applicationsCsv, Path appealsCsv) throws SQLException, IOException {
        int second = 0;
        try (Connection c = connect()) {
            for (CSVRecord r : csv(applicationsCsv)) {
                insertApplication(c, r, EXPORTED.plusSeconds(second++));
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO fy_ajb VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                RecordKind appeals = schema.kind(InputSchema.APPEALS);
                for (CSVRecord r : csv(appealsCsv)) {
                    p.setString(1, r.get("case_id"));
                    p.setString(2, r.get("agency_code"));
                    p.setInt(3, code(CASE_KINDS, appeals, "kind", r.get("kind")));
                    p.setObject(4, date(r.get("filed_date")));
                    p.setObject(5, date(r.get("closed_date")));
                    p.setObject(6, r.get("result").isEmpty() ? null : code(CASE_RESULTS, appeals, "result", r.get("result")));
                    p.setObject(7, EXPORTED.plusSeconds(second++));
                    p.executeUpdate();
                }
            }
        }
    }

    void insertApplication(Connection c, CSVRecord r, LocalDateTime changed) throws SQLException {
        RecordKind applications = schema.kind(InputSchema.APPLICATIONS);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ysq_sqb VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, r.get("application_id"));
            p.setString(2, r.get("agency_code"));
            p.setObject(3, date(r.get("received_date")).atTime(9, 30));
            p.setInt(4, code(APPLICANT_TYPES, applications, "applicant_type", r.get("applicant_type")));
            p.setObject(5, date(r.get("closed_date")));
            p.setString(6, r.get("outcome").isEmpty() ? null : outcomeCodes.get(key(applications, "outcome", r.get("outcome"))));
            p.setString(7, switch (r.get("extended")) { case "Y", "是" -> "1"; case "N", "否" -> "0"; default -> null; });
            p.setBigDecimal(8, r.get("fee_yuan").isEmpty() ? null : new BigDecimal(r.get("fee_yuan")));
            p.setObject(9, changed);
            p.executeUpdate();
        }
    }

    int update(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            return p.executeUpdate();
        }
    }

    private static int code(List<String> keys, RecordKind kind, String column, String value) {
        String key = key(kind, column, value);
        return key == null ? UNKNOWN_CODE : keys.indexOf(key) + 1;
    }

    /** A CSV value (label or key) as the contract's key; null when the contract does not know it. */
    private static String key(RecordKind kind, String column, String value) {
        try {
            return (String) kind.column(column).type().parse(value);
        } catch (FieldType.Problem e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return (LocalDate) FieldType.DATE.parse(value);
        } catch (FieldType.Problem e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }
}
