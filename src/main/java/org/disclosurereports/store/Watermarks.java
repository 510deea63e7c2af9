package org.disclosurereports.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The watermarks of incremental pulls, in the pipeline's database (table {@code source_watermark}):
 * per source and record kind, the largest {@code changed_column} value loaded by a completed run.
 * Stored as text; {@link #value} turns it back into the type the source compares with.
 */
@Component
public class Watermarks {

    private static final String TABLE = "source_watermark";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public Watermarks(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = SqlDialect.of(dataSource);
    }

    public Optional<String> get(String source, String kind) {
        return jdbc.queryForList("SELECT watermark FROM " + TABLE + " WHERE source_name = ? AND kind = ?", String.class, source, kind)
                .stream().findFirst();
    }

    /** Every kind's watermark of a source, by kind. */
    public Map<String, String> of(String source) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.query("SELECT kind, watermark FROM " + TABLE + " WHERE source_name = ? ORDER BY kind",
                rs -> {
                    m.put(rs.getString(1), rs.getString(2));
                }, source);
        return m;
    }

    public void put(String source, String kind, String watermark, long loadId) {
        List<String> columns = List.of("source_name", "kind", "watermark", "updated_at", "load_id");
        jdbc.update(dialect.upsert(TABLE, columns, List.of("source_name", "kind")),
                source, kind, watermark, Timestamp.valueOf(LocalDateTime.now()), loadId);
    }

    /** Forgets a source's watermarks: its next pull is a full one. */
    public int clear(String source) {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE source_name = ?", source);
    }

    /**
     * A changed_column value as text: date-times and dates in ISO form, numbers exactly, anything
     * else as its text. The inverse of {@link #value}.
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toLocalDateTime().toString();
        }
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /** A stored watermark as the value to compare the source's changed_column with. */
    public static Object value(String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException notDateTime) {
            // try the next form
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notDate) {
            // try the next form
        }
        if (text.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(text);
        }
        return text;
    }

    /** Orders two changed_column values of one source column (same type); null is the lowest. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object max(Object a, Object b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Object x = comparable(a);
        Object y = comparable(b);
        return ((Comparable) x).compareTo(y) >= 0 ? x : y;
    }

    /** Values as one type per kind of column, so that they compare (Timestamp and LocalDateTime alike). */
    static Object comparable(Object v) {
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        if (v instanceof OffsetDateTime o) {
            return o.toLocalDateTime();
        }
        if (v instanceof Number n && !(v instanceof BigDecimal)) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof Comparable<?>) {
            return v;
        }
        return v.toString();
    }
}
