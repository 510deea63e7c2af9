package org.disclosurereports.store;

import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.records.AppealCase;
import org.disclosurereports.core.records.Application;
import org.disclosurereports.core.records.Disclosure;
import org.disclosurereports.core.records.Document;
import org.disclosurereports.core.records.EnforcementFigure;
import org.disclosurereports.core.records.Vocabulary;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The records of the data contract in the database: written by ingest on their natural keys (so that
 * loading the same files twice changes nothing), read back for counting a set of agencies at a time.
 * <p>
 * Every row carries the load (job instance) that last wrote it. A file that is present in a load is
 * the whole truth for the agencies of that load's agencies.csv: rows of those agencies that it no
 * longer contains are removed by {@link #pruneNotInLoad}, so a row deleted or re-keyed at the source
 * is not counted twice.
 */
public class RecordStore {

    /** The agency codes of one load (its id the one parameter), as a subquery. */
    public static final String AGENCIES_OF_LOAD = "SELECT agency_code FROM record_load_agency WHERE load_id = ?";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public RecordStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.dialect = SqlDialect.of(dataSource);
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** For the other stores of this package (trainings, hearings, holidays) that share this database. */
    JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * Inserts or replaces rows on the table's natural key. Each row: the kind's columns, then load_id,
     * source_line; each is written with its digest ({@link RowDigests#of}).
     */
    public void upsert(String table, List<String> columns, List<String> key, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>(columns);
        all.add("load_id");
        all.add("source_line");
        all.add("row_hash");
        List<Object[]> args = rows.stream().map(r -> toJdbc(r, columns.size())).toList();
        jdbc.batchUpdate(dialect.upsert(table, all, key), args);
        wrote(table);
    }

    /**
     * Counts a write to a record table, in the writer's transaction: the slices remembered for the
     * table's earlier count are no longer its slices ({@link RowDigests#remember}). Every statement of
     * this package that changes a record table's rows is followed by this.
     */
    void wrote(String table) {
        if (jdbc.update("UPDATE record_table_version SET version = version + 1 WHERE record_table = ?", table) == 0) {
            jdbc.update("INSERT INTO record_table_version (record_table, version) VALUES (?, 1)", table);
        }
    }

    private static Object[] toJdbc(Object[] row, int columns) {
        Object[] out = new Object[row.length + 1];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i] instanceof LocalDate d ? Date.valueOf(d) : row[i];
        }
        out[row.length] = RowDigests.of(row, columns);
        return out;
    }

    /**
     * For rows about to be written, the lines on which the same natural key was already loaded by
     * this load: a second row with the same key in one file is a duplicate, not a correction.
     */
    public Map<List<Object>, Long> linesAlreadyLoaded(String table, List<String> key, List<List<Object>> keys, long loadId) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        // Look the rows up by the last key column (the id: indexed, see V9) and match the whole key and
        // the load in Java: one indexed predicate, so no database can choose to scan the load instead.
        String idColumn = key.get(key.size() - 1);
        Set<Object> ids = new LinkedHashSet<>();
        keys.forEach(k -> ids.add(k.get(k.size() - 1)));
        String sql = "SELECT " + String.join(", ", key) + ", load_id, source_line FROM " + table + " WHERE "
                + idColumn + " IN (" + SqlDialect.placeholders(ids.size()) + ")";
        Map<List<Object>, Long> found = new HashMap<>();
        jdbc.query(sql, rs -> {
            if (rs.getLong(key.size() + 1) != loadId) {
                return;
            }
            List<Object> k = new ArrayList<>();
            for (int i = 1; i <= key.size(); i++) {
                Object v = rs.getObject(i);
                k.add(v instanceof Number n && !(v instanceof BigDecimal) ? Integer.valueOf(n.intValue()) : v);
            }
            found.put(k, rs.getLong(key.size() + 2));
        }, ids.toArray());
        return found;
    }

    /**
     * Deletes rows of {@code table} for the agencies of load {@code loadId} that earlier loads wrote and
     * this load did not write again, except the agencies whose rows the load found unchanged and kept
     * ({@link #keepUnchanged}). Loads are job instances, numbered in order: "earlier" is an index
     * range on load_id (a fresh database has nothing to scan), and an older run resumed late never
     * removes what a newer load wrote.
     */
    public int pruneNotInLoad(String table, long loadId) {
        // A first load has nothing older, and most loads write every row they do not keep: the oldest
        // load_id is one index lookup, while a DELETE over the agency list may read every row (38 s for
        // 3 million rows on H2, measured).
        Long oldest = jdbc.queryForObject("SELECT MIN(load_id) FROM " + table, Long.class);
        if (oldest == null || oldest >= loadId) {
            return 0;
        }
        Set<String> kept = keptUnchanged(loadId, table);
        if (kept.isEmpty()) {
            int removed = jdbc.update("DELETE FROM " + table + " WHERE load_id < ? AND agency_code IN "
                    + "(" + AGENCIES_OF_LOAD + ")", loadId, loadId);
            if (removed > 0) {
                wrote(table);
            }
            return removed;
        }
        // The kept rows are older than this load by design: only the other agencies are looked at, by agency.
        List<String> others = jdbc.queryForList(AGENCIES_OF_LOAD, String.class, loadId).stream()
                .filter(c -> !kept.contains(c)).toList();
        int removed = 0;
        for (int from = 0; from < others.size(); from += PRUNE_BATCH) {
            List<String> batch = others.subList(from, Math.min(others.size(), from + PRUNE_BATCH));
            List<Object> args = new ArrayList<>();
            args.add(loadId);
            args.addAll(batch);
            removed += jdbc.update("DELETE FROM " + table + " WHERE load_id < ? AND agency_code IN ("
                    + SqlDialect.placeholders(batch.size()) + ")", args.toArray());
        }
        if (removed > 0) {
            wrote(table);
        }
        return removed;
    }

    private static final int PRUNE_BATCH = 500;

    /**
     * Notes that load {@code loadId} found the rows of {@code table} of these agencies unchanged in its
     * input and kept them as they were (a restart of the load notes them again, the same).
     */
    public void keepUnchanged(long loadId, String table, Collection<String> agencyCodes) {
        jdbc.update("DELETE FROM record_load_kept WHERE load_id = ? AND record_table = ?", loadId, table);
        jdbc.batchUpdate("INSERT INTO record_load_kept (load_id, record_table, agency_code) VALUES (?, ?, ?)",
                agencyCodes.stream().map(c -> new Object[] {loadId, table, c}).toList());
    }

    /** The agencies whose rows of {@code table} load {@code loadId} kept unchanged. */
    public Set<String> keptUnchanged(long loadId, String table) {
        return new HashSet<>(jdbc.queryForList("SELECT agency_code FROM record_load_kept WHERE load_id = ? AND record_table = ?",
                String.class, loadId, table));
    }

    /** Once load {@code loadId} has pruned, what it kept is written in its rows' load ids alone. */
    public void forgetKept(long loadId) {
        jdbc.update("DELETE FROM record_load_kept WHERE load_id = ?", loadId);
    }

    /**
     * The agency codes of load {@code loadId}'s agencies.csv, kept apart from the agency rows: those
     * name only the last load that saw each agency, and another run loading the same agencies before
     * this load's run resumes must not take its units away.
     */
    public void listAgenciesOfLoad(long loadId, Collection<String> codes) {
        jdbc.update("DELETE FROM record_load_agency WHERE load_id = ?", loadId);
        jdbc.batchUpdate("INSERT INTO record_load_agency (load_id, agency_code) VALUES (?, ?)",
                codes.stream().map(c -> new Object[] {loadId, c}).toList());
    }

    public Set<String> agencyCodes() {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT agency_code FROM agency", String.class));
    }

    /** The agencies listed in the agencies.csv of load {@code loadId}, by code. */
    public List<Agency> agenciesOfLoad(long loadId) {
        return jdbc.query("SELECT * FROM agency WHERE agency_code IN (" + AGENCIES_OF_LOAD + ") ORDER BY agency_code",
                RecordStore::agency, loadId);
    }

    public List<Agency> allAgencies() {
        return jdbc.query("SELECT * FROM agency ORDER BY agency_code", RecordStore::agency);
    }

    public Optional<Agency> agency(String code) {
        return jdbc.query("SELECT * FROM agency WHERE agency_code = ?", RecordStore::agency, code).stream().findFirst();
    }

    private static Agency agency(ResultSet rs, int n) throws SQLException {
        return new Agency(rs.getString("agency_code"), rs.getString("name"), rs.getString("parent_code"),
                rs.getString("agency_level"), rs.getString("report_url"), rs.getString("contact_office"),
                rs.getString("contact_address"), rs.getString("contact_phone"));
    }

    /**
     * The records of {@code agencyCodes} that can count in any year from {@code firstYear} to
     * {@code lastYear}, one query per record kind, grouped per agency (every code has its entry, in the
     * order given). Each query orders by agency and then by the kind's key, as counting reads a year:
     * documents issued by the end of the span, enforcement figures of its years and the year before its
     * first (the item counts of last year), applications and appeal cases begun by its end and not
     * closed before its start. The per-agency predicates and key orders are served by the primary keys
     * (documents: by document_by_agency).
     */
    public Map<String, AgencyRecords> records(List<String> agencyCodes, int firstYear, int lastYear) {
        Map<String, AgencyRecords> byAgency = new LinkedHashMap<>();
        agencyCodes.forEach(code -> byAgency.put(code, new AgencyRecords(code, firstYear, lastYear)));
        if (byAgency.isEmpty()) {
            return byAgency;
        }
        List<String> codes = List.copyOf(byAgency.keySet());
        String agencies = "agency_code IN (" + SqlDialect.placeholders(codes.size()) + ")";
        Date first = Date.valueOf(LocalDate.of(firstYear, 1, 1));
        Date last = Date.valueOf(LocalDate.of(lastYear, 12, 31));
        jdbc.query("SELECT * FROM document WHERE " + agencies + " AND issued_date <= ? ORDER BY agency_code, document_id",
                rs -> {
                    Document record = new Document(rs.getString("document_id"), rs.getString("agency_code"),
                            rs.getString("doc_number"), rs.getString("title"), rs.getString("category"),
                            date(rs, "issued_date"), vocabulary(Disclosure.values(), rs.getString("disclosure")),
                            date(rs, "published_date"), date(rs, "repealed_date"), date(rs, "interpretation_date"),
                            rs.getString("interpretation_forms"));
                    of(byAgency, record.agencyCode()).documents.add(new AgencyRecords.Row<>(record, rs.getLong("load_id")));
                }, arguments(codes, last));
        jdbc.query("SELECT * FROM enforcement_figure WHERE " + agencies + " AND report_year BETWEEN ? AND ? "
                        + "ORDER BY agency_code, report_year, item",
                rs -> {
                    EnforcementFigure record = new EnforcementFigure(rs.getString("agency_code"), rs.getInt("report_year"),
                            rs.getString("item"), rs.getBigDecimal("figure").stripTrailingZeros(),
                            rs.getObject("item_count") == null ? null : rs.getLong("item_count"));
                    of(byAgency, record.agencyCode()).enforcementFigures.add(new AgencyRecords.Row<>(record, rs.getLong("load_id")));
                }, arguments(codes, firstYear - 1, lastYear));
        jdbc.query("SELECT * FROM application WHERE " + agencies + " AND received_date <= ? "
                        + "AND (closed_date IS NULL OR closed_date >= ?) ORDER BY agency_code, application_id",
                rs -> {
                    boolean extended = rs.getBoolean("extended");
                    Boolean extendedOrUnknown = rs.wasNull() ? null : extended;
                    Application record = new Application(rs.getString("agency_code"), rs.getString("application_id"),
                            date(rs, "received_date"), rs.getString("applicant_type"), date(rs, "closed_date"),
                            rs.getString("outcome"), extendedOrUnknown, rs.getBigDecimal("fee_yuan"));
                    of(byAgency, record.agencyCode()).applications.add(new AgencyRecords.Row<>(record, rs.getLong("load_id")));
                }, arguments(codes, last, first));
        jdbc.query("SELECT * FROM appeal_case WHERE " + agencies + " AND filed_date <= ? "
                        + "AND (closed_date IS NULL OR closed_date >= ?) ORDER BY agency_code, case_id",
                rs -> {
                    AppealCase record = new AppealCase(rs.getString("agency_code"), rs.getString("case_id"), rs.getString("kind"),
                            date(rs, "filed_date"), date(rs, "closed_date"), rs.getString("result"));
                    of(byAgency, record.agencyCode()).appeals.add(new AgencyRecords.Row<>(record, rs.getLong("load_id")));
                }, arguments(codes, last, first));
        return byAgency;
    }

    private static AgencyRecords of(Map<String, AgencyRecords> byAgency, String code) {
        AgencyRecords records = byAgency.get(code);
        if (records == null) {
            throw new IllegalStateException("the database returned a record of agency " + code + ", which was not asked for");
        }
        return records;
    }

    private static Object[] arguments(List<String> codes, Object... more) {
        List<Object> args = new ArrayList<>(codes);
        args.addAll(List.of(more));
        return args.toArray();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static <V extends Vocabulary> V vocabulary(V[] values, String key) {
        for (V v : values) {
            if (v.key().equals(key)) {
                return v;
            }
        }
        throw new IllegalStateException("unknown value in database: " + key);
    }

    /** Row counts per table, for summaries and tests. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (String t : List.of("agency", "application", "document", "enforcement_figure", "appeal_case")) {
            counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class));
        }
        return Collections.unmodifiableMap(counts);
    }
}
