package org.disclosurereports.store;

import org.disclosurereports.core.records.Vocabulary;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The record sets behind one report's figures, gathered while they are counted: per table, how many
 * records were counted, a SHA-256 over them and the loads that wrote them. The store reads each set in
 * key order, so the same records give the same digest whatever order they were loaded in, and another
 * agency's records never enter it.
 */
public final class RecordSources {

    /** Counting that gathers nothing (the years before, the console's previews of other years). */
    public static final RecordSources NONE = new RecordSources(false);

    /** One table's counted records: their number, the digest of their values in key order, the loads that wrote them. */
    public record Counted(long records, String sha256, SortedSet<Long> loads) {}

    private final boolean gathering;
    private final Map<String, Tally> tables = new LinkedHashMap<>();

    public RecordSources() {
        this(true);
    }

    private RecordSources(boolean gathering) {
        this.gathering = gathering;
    }

    /** Names {@code table} as a source even when none of its records counts. */
    void read(String table) {
        if (gathering) {
            tables.computeIfAbsent(table, t -> new Tally());
        }
    }

    void row(String table, Record record, long loadId) {
        if (gathering) {
            tables.computeIfAbsent(table, t -> new Tally()).add(record, loadId);
        }
    }

    /** Per table, in the order they were read. */
    public Map<String, Counted> counted() {
        Map<String, Counted> counted = new LinkedHashMap<>();
        tables.forEach((table, tally) -> counted.put(table, tally.counted()));
        return Collections.unmodifiableMap(counted);
    }

    private static final class Tally {
        private final MessageDigest sha = sha256();
        private final SortedSet<Long> loads = new TreeSet<>();
        private long records;

        void add(Record record, long loadId) {
            sha.update(line(record).getBytes(StandardCharsets.UTF_8));
            loads.add(loadId);
            records++;
        }

        /** Leaves the tally open: the digest is taken from a copy. */
        Counted counted() {
            try {
                byte[] digest = ((MessageDigest) sha.clone()).digest();
                return new Counted(records, HexFormat.of().formatHex(digest), Collections.unmodifiableSortedSet(new TreeSet<>(loads)));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A record as one line of tab-separated values: amounts without trailing zeros, so both databases give the same line. */
    static String line(Record record) {
        StringBuilder line = new StringBuilder();
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Object v;
            try {
                v = components[i].getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[i].getName() + " of " + record.getClass().getSimpleName(), e);
            }
            String text = v == null ? "" : v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                    : v instanceof Vocabulary k ? k.key() : v.toString();
            line.append(i == 0 ? "" : "\t").append(text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
        }
        return line.append('\n').toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
