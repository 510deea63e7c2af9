package org.disclosurereports.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Digests of records, kept with them ({@code row_hash}): each row's contract columns as a 64-bit
 * number, written by {@link RecordStore#upsert}; an agency's rows of a table as their count and the sum
 * of their digests ({@link Slice}), which does not depend on the order they are read or were loaded in.
 * Two slices are equal when the rows are (short of a 64-bit collision), so a load can tell that an
 * agency's rows in a file are those already stored, and a report's fingerprint needs no row read.
 * <p>
 * Adding up a table's digests still reads an index entry per row. A run of all agencies therefore
 * remembers each table's slices once its loads are done ({@link #remember}, table {@code agency_slice}),
 * and they serve until the table is written again: every write of the store counts itself
 * ({@code record_table_version}). A night where one unit changed adds up the tables it wrote, once.
 * The records are the pipeline's to write: after a hand edit of a record table, {@code run --force}
 * adds every table up again.
 */
public final class RowDigests {

    private final RecordStore store;

    public RowDigests(RecordStore store) {
        this.store = store;
    }

    /**
     * An agency's rows of one table: how many, how many carry a digest (rows written before digests
     * were kept carry none), and the sum of the digests modulo 2<sup>64</sup>.
     */
    public record Slice(long rows, long digested, long sum) {

        public static final Slice EMPTY = new Slice(0, 0, 0);

        public Slice plus(long rowDigest) {
            return new Slice(rows + 1, digested + 1, sum + rowDigest);
        }

        public static Slice add(Slice a, Slice b) {
            return new Slice(a.rows + b.rows, a.digested + b.digested, a.sum + b.sum);
        }

        /** Every row has its digest: only then do equal slices mean equal rows. */
        public boolean complete() {
            return digested == rows;
        }

        @Override
        public String toString() {
            return rows + "/" + digested + "/" + Long.toUnsignedString(sum, 16);
        }
    }

    /**
     * The digest of one row: its first {@code columns} values (the kind's columns, in their order), each
     * as text with a separator, through 64-bit FNV-1a over the UTF-16 code units and MurmurHash3's
     * finalizer. Any change of one value changes the digest (every step is a bijection of the state); it
     * is no cryptographic digest, and need not be: it tells a file's rows from the stored ones.
     */
    public static long of(Object[] values, int columns) {
        long h = FNV_OFFSET;
        for (int i = 0; i < columns; i++) {
            Object v = values[i];
            String text = v == null ? "\u2400" : v.toString();
            for (int c = 0; c < text.length(); c++) {
                h = (h ^ text.charAt(c)) * FNV_PRIME;
            }
            h = (h ^ '\u241f') * FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * The slices of a table by agency, for the agencies whose codes lie between {@code first} and
     * {@code last} (both included; null for no bound): those remembered for the table as it is
     * ({@link #remember}), or else added up from the rows' digests.
     */
    public Map<String, Slice> byAgency(String table, String first, String last) {
        List<Long> versions = store.jdbc().query("SELECT slices_version FROM record_table_version WHERE record_table = ?"
                + " AND slices_version = version", (rs, i) -> rs.getLong(1), table);
        if (versions.isEmpty()) {
            return counted(table, first, last);
        }
        Map<String, Slice> slices = new HashMap<>();
        String bounds = bounds(first, last);
        store.jdbc().query("SELECT agency_code, row_count, digested, digest_sum FROM agency_slice WHERE record_table = ?"
                + (bounds.isEmpty() ? "" : " AND " + bounds), rs -> {
            slices.put(rs.getString(1), new Slice(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }, args(table, first, last));
        return slices;
    }

    /**
     * The slices of a table by agency added up from its rows' digests (an index on agency_code and
     * row_hash where the table is large), whatever is remembered.
     */
    public Map<String, Slice> counted(String table, String first, String last) {
        Map<String, Slice> slices = new HashMap<>();
        String bounds = bounds(first, last);
        store.jdbc().query("SELECT agency_code, COUNT(*), COUNT(row_hash), SUM(row_hash) FROM " + table
                + (bounds.isEmpty() ? "" : " WHERE " + bounds) + " GROUP BY agency_code", rs -> {
            slices.put(rs.getString(1), new Slice(rs.getLong(2), rs.getLong(3), lowBits(rs.getBigDecimal(4))));
        }, args(null, first, last));
        return slices;
    }

    /**
     * Remembers the slices of a table with an agency column as it is now, unless those remembered are
     * still its slices and {@code recount} is false. Called where nothing else writes the table (at
     * the end of a run's loads, within its load turn); the slices are kept only if no write came
     * between the count and the end (the write count is the same after as before).
     */
    public void remember(String table, boolean recount) {
        List<Long[]> row = store.jdbc().query("SELECT version, slices_version FROM record_table_version WHERE record_table = ?",
                (rs, i) -> new Long[] {rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2)}, table);
        long version;
        if (row.isEmpty()) {
            // A table not written since the write counts were introduced: counted from here on.
            store.jdbc().update("INSERT INTO record_table_version (record_table, version) VALUES (?, 0)", table);
            version = 0;
        } else {
            version = row.get(0)[0];
            if (!recount && Long.valueOf(version).equals(row.get(0)[1])) {
                return;
            }
        }
        store.jdbc().update("UPDATE record_table_version SET slices_version = NULL WHERE record_table = ?", table);
        store.jdbc().update("DELETE FROM agency_slice WHERE record_table = ?", table);
        List<Object[]> rows = new ArrayList<>();
        counted(table, null, null).forEach((agency, s) -> rows.add(new Object[] {table, agency, s.rows(), s.digested(), s.sum()}));
        store.jdbc().batchUpdate("INSERT INTO agency_slice (record_table, agency_code, row_count, digested, digest_sum) VALUES (?, ?, ?, ?, ?)", rows);
        store.jdbc().update("UPDATE record_table_version SET slices_version = version WHERE record_table = ? AND version = ?", table, version);
    }

    /** The conditions on agency_code for the bounds given, joined by AND; empty for none. */
    private static String bounds(String first, String last) {
        List<String> conditions = new ArrayList<>();
        if (first != null) {
            conditions.add("agency_code >= ?");
        }
        if (last != null) {
            conditions.add("agency_code <= ?");
        }
        return String.join(" AND ", conditions);
    }

    private static Object[] args(String table, String first, String last) {
        List<Object> args = new ArrayList<>();
        if (table != null) {
            args.add(table);
        }
        if (first != null) {
            args.add(first);
        }
        if (last != null) {
            args.add(last);
        }
        return args.toArray();
    }

    /** The slice of a whole table (one without an agency column, such as the holidays). */
    public Slice whole(String table) {
        return store.jdbc().queryForObject("SELECT COUNT(*), COUNT(row_hash), SUM(row_hash) FROM " + table,
                (rs, i) -> new Slice(rs.getLong(1), rs.getLong(2), lowBits(rs.getBigDecimal(3))));
    }

    /** The sum as the databases give it (exact, wider than 64 bits), modulo 2<sup>64</sup>, as the Java side adds. */
    private static long lowBits(BigDecimal sum) {
        return sum == null ? 0 : sum.toBigInteger().longValue();
    }
}
