package org.disclosurereports.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What checking a record file found, kept for the next load of the same bytes under the same checks:
 * per agency the {@link RowDigests.Slice} of its good rows and whether it had a rejected row, and the
 * file's numbers of good and rejected rows. The key names what the finding depends on (the caller
 * makes it from the file's SHA-256, its encoding, the agencies its rows are checked against and the
 * software version); one finding per table is kept, the newest.
 */
public final class CheckedFiles {

    /** @param rejectedAgencies the agencies (among the known ones) named by a rejected row */
    public record Checked(Map<String, RowDigests.Slice> good, Set<String> rejectedAgencies, long goodRows, long rejectedRows) {}

    private final RecordStore store;

    public CheckedFiles(RecordStore store) {
        this.store = store;
    }

    public Optional<Checked> find(String table, String key) {
        List<long[]> totals = store.jdbc().query("SELECT good_rows, rejected_rows FROM checked_file WHERE record_table = ? AND check_key = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, table, key);
        if (totals.isEmpty()) {
            return Optional.empty();
        }
        Map<String, RowDigests.Slice> good = new HashMap<>();
        Set<String> rejected = new HashSet<>();
        store.jdbc().query("SELECT agency_code, good_rows, digested, digest_sum, rejected FROM checked_file_agency WHERE record_table = ?", rs -> {
            if (rs.getLong(2) > 0) {
                good.put(rs.getString(1), new RowDigests.Slice(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
            if (rs.getBoolean(5)) {
                rejected.add(rs.getString(1));
            }
        }, table);
        return Optional.of(new Checked(good, rejected, totals.get(0)[0], totals.get(0)[1]));
    }

    /**
     * Replaces the table's finding. The totals are written last: a finding cut short by a crash has
     * none, and is not found.
     */
    public void remember(String table, String key, Checked checked) {
        store.jdbc().update("DELETE FROM checked_file WHERE record_table = ?", table);
        store.jdbc().update("DELETE FROM checked_file_agency WHERE record_table = ?", table);
        Set<String> agencies = new HashSet<>(checked.good().keySet());
        agencies.addAll(checked.rejectedAgencies());
        List<Object[]> rows = new ArrayList<>();
        for (String agency : agencies) {
            RowDigests.Slice s = checked.good().getOrDefault(agency, RowDigests.Slice.EMPTY);
            rows.add(new Object[] {table, agency, s.rows(), s.digested(), s.sum(), checked.rejectedAgencies().contains(agency)});
        }
        store.jdbc().batchUpdate("INSERT INTO checked_file_agency (record_table, agency_code, good_rows, digested, digest_sum, rejected)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows);
        store.jdbc().update("INSERT INTO checked_file (record_table, check_key, good_rows, rejected_rows) VALUES (?, ?, ?, ?)",
                table, key, checked.goodRows(), checked.rejectedRows());
    }
}
