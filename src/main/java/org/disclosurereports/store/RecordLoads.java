package org.disclosurereports.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the records of each load came from: the data directory of the run and the input it read per
 * record kind. A data directory is the whole truth for the agencies of its agencies.csv, so a run
 * from another directory must not silently take those agencies' records over (see
 * {@link #agenciesLoadedElsewhere}), and a record a run kept from an earlier load is named with that
 * load, its directory and its input ({@link #sources}).
 */
public final class RecordLoads {

    /** What a load read for one record kind: a file name (CSV or workbook) or a pull's label; sha256 null for a pull. */
    public record Input(String kind, String name, String sha256) {}

    /**
     * The records of one kind behind a run's figures that one load wrote.
     *
     * @param dataDirectory null when the load is older than this record (not known)
     * @param input         null when the load did not record its inputs
     * @param sha256        digest of the record set (its rows in key order), for records kept from an earlier load
     *                      that the run's own input does not vouch for; null otherwise
     * @param unchangedIn   for records an earlier load wrote that the run found unchanged in its own input file
     *                      and kept ({@code UnchangedAgencies}), that input's name: its digest is the run's; else null
     */
    public record Source(long loadId, String dataDirectory, String input, long rows, String sha256, String unchangedIn) {}

    private final RecordStore store;

    public RecordLoads(RecordStore store) {
        this.store = store;
    }

    /** Records what load {@code loadId} reads; a restart of the same load records it again. */
    public void record(long loadId, String dataDirectory, List<Input> inputs) {
        store.jdbc().update("DELETE FROM record_load_input WHERE load_id = ?", loadId);
        store.jdbc().update("DELETE FROM record_load WHERE load_id = ?", loadId);
        store.jdbc().update("INSERT INTO record_load (load_id, data_directory) VALUES (?, ?)", loadId, dataDirectory);
        for (Input input : inputs) {
            store.jdbc().update("INSERT INTO record_load_input (load_id, record_kind, input_name, sha256) VALUES (?, ?, ?, ?)",
                    loadId, input.kind(), input.name(), input.sha256());
        }
    }

    /** What load {@code loadId} read for record kind {@code kind}: none for a load older than these records. */
    public List<Input> inputs(long loadId, String kind) {
        return store.jdbc().query("SELECT input_name, sha256 FROM record_load_input WHERE load_id = ? AND record_kind = ? ORDER BY input_name",
                (rs, i) -> new Input(kind, rs.getString(1), rs.getString(2)), loadId, kind);
    }

    public Optional<String> dataDirectory(long loadId) {
        return store.jdbc().queryForList("SELECT data_directory FROM record_load WHERE load_id = ?", String.class, loadId)
                .stream().findFirst();
    }

    /**
     * Of the given agency codes, those whose stored agency row a load from another data directory
     * wrote, with that directory. Rows of loads whose directory is not known are not listed.
     */
    public Map<String, String> agenciesLoadedElsewhere(Collection<String> codes, String dataDirectory) {
        Map<String, String> elsewhere = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return elsewhere;
        }
        List<Object> args = new ArrayList<>(codes);
        args.add(dataDirectory);
        store.jdbc().query("SELECT a.agency_code, l.data_directory FROM agency a JOIN record_load l ON l.load_id = a.load_id"
                        + " WHERE a.agency_code IN (" + SqlDialect.placeholders(codes.size()) + ") AND l.data_directory <> ?"
                        + " ORDER BY a.agency_code",
                rs -> {
                    elsewhere.put(rs.getString(1), rs.getString(2));
                }, args.toArray());
        return elsewhere;
    }

    /**
     * Removes the rows of {@code tables} for the given agencies that loads from another data directory
     * wrote: a directory that takes agencies over becomes the only source of their records, so its run
     * gives the same figures as on a database that never saw the other directory.
     */
    public int removeLoadedElsewhere(List<String> tables, Collection<String> codes, String dataDirectory) {
        if (codes.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(codes);
        args.add(dataDirectory);
        int removed = 0;
        for (String table : tables) {
            int fromTable = store.jdbc().update("DELETE FROM " + table + " WHERE agency_code IN (" + SqlDialect.placeholders(codes.size())
                    + ") AND load_id IN (SELECT load_id FROM record_load WHERE data_directory <> ?)", args.toArray());
            if (fromTable > 0) {
                store.wrote(table);
            }
            removed += fromTable;
        }
        return removed;
    }

    /**
     * The loads whose rows of {@code table} count for the agencies of load {@code loadId} (every row
     * for a table without agencies, such as the holidays), oldest first. A source other than
     * {@code loadId} itself is records kept from an earlier load: it carries the digest of its rows.
     */
    public List<Source> sources(String table, String kind, boolean perAgency, List<String> keyColumns, List<String> columns,
                                long loadId) {
        String scope = perAgency ? " WHERE agency_code IN (" + RecordStore.AGENCIES_OF_LOAD + ")" : "";
        Object[] scopeArgs = perAgency ? new Object[] {loadId} : new Object[0];
        Map<Long, Long> rowsByLoad = new LinkedHashMap<>();
        store.jdbc().query("SELECT load_id, COUNT(*) FROM " + table + scope + " GROUP BY load_id ORDER BY load_id",
                rs -> {
                    rowsByLoad.put(rs.getLong(1), rs.getLong(2));
                }, scopeArgs);
        // After this load's prune, the older rows of its agencies left from a file it read are the rows it
        // found unchanged in that file and kept: the file vouches for them, and they need no digest of their own.
        String ownFile = pruned(loadId) ? inputs(loadId, kind).stream().filter(i -> i.sha256() != null)
                .map(Input::name).findFirst().orElse(null) : null;
        List<Source> sources = new ArrayList<>();
        for (var e : rowsByLoad.entrySet()) {
            long load = e.getKey();
            String directory = dataDirectory(load).orElse(null);
            String input = store.jdbc().queryForList("SELECT input_name FROM record_load_input WHERE load_id = ? AND record_kind = ?",
                    String.class, load, kind).stream().findFirst().orElse(null);
            String unchangedIn = load < loadId ? ownFile : null;
            String digest = load == loadId || unchangedIn != null ? null : digest(table, columns, keyColumns, scope, scopeArgs, load);
            sources.add(new Source(load, directory, input, e.getValue(), digest, unchangedIn));
        }
        return sources;
    }

    /** Marks load {@code loadId}'s prune as done, in the prune's transaction. */
    public void pruned(long loadId, boolean done) {
        store.jdbc().update("UPDATE record_load SET pruned = ? WHERE load_id = ?", done, loadId);
    }

    private boolean pruned(long loadId) {
        return store.jdbc().queryForList("SELECT pruned FROM record_load WHERE load_id = ?", Boolean.class, loadId)
                .stream().findFirst().orElse(false);
    }

    /** SHA-256 over the rows one load wrote, in key order, a value per line: the same records give the same digest. */
    private String digest(String table, List<String> columns, List<String> keyColumns, String scope, Object[] scopeArgs, long load) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Object> args = new ArrayList<>(List.of(scopeArgs));
        args.add(load);
        store.jdbc().query("SELECT " + String.join(", ", columns) + " FROM " + table
                        + (scope.isEmpty() ? " WHERE" : scope + " AND") + " load_id = ? ORDER BY " + String.join(", ", keyColumns),
                rs -> {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= columns.size(); i++) {
                        Object v = rs.getObject(i);
                        line.append(i == 1 ? "" : "\t").append(v == null ? "" : v instanceof BigDecimal d
                                ? d.stripTrailingZeros().toPlainString() : v.toString());
                    }
                    sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                }, args.toArray());
        return HexFormat.of().formatHex(sha.digest());
    }
}
