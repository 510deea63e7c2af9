package org.disclosurereports.job;

import org.disclosurereports.inputs.InputRefused;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.inputs.RowText;
import org.disclosurereports.inputs.SourceDefinition;
import org.disclosurereports.inputs.XlsxInput;
import org.disclosurereports.store.Watermarks;

import org.apache.commons.csv.CSVFormat;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Streams one record kind's rows from a source database through a cursor (never the whole table in
 * memory) as {@link RawRow}s, for the same checks, rejects and upserts as a file. The query's result
 * columns are matched to the contract's columns by name; values become the text a CSV file would
 * hold (dates ISO, numbers exact, booleans Y/N).
 * <p>
 * Incremental: with a {@code changed_column} and a watermark, only rows changed after the watermark
 * are read ({@code SELECT * FROM (query) src WHERE src.changed > ?}). The largest changed value read
 * is kept in the step's context ({@link #TO}); the watermark moves to it only when the whole run
 * completes ({@link WatermarkListener}).
 * <p>
 * A row's "line" is its number in this pull; its location names the source and its key
 * ({@code source casedb, applications key SL-EDU/YSQ2024001}).
 */
public class JdbcSourceReader implements ItemStreamReader<RawRow> {

    /** Step context keys: what was pulled, from which watermark, up to which. */
    public static final String SOURCE = "source.name";
    public static final String KIND = "source.kind";
    public static final String FROM = "source.from";
    public static final String TO = "source.to";
    public static final String MODE = "source.mode";

    private static final CSVFormat ORIGINAL = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private final SourceDefinition source;
    private final SourceDefinition.KindQuery query;
    private final RecordKind kind;
    private final DataSource dataSource;
    private final String from;
    private final JdbcCursorItemReader<RawRow> cursor;
    private int[] columnOfResult;
    private int changedIndex = -1;
    private int[] keyPositions;
    private Object maxChanged;
    private long rows;

    /**
     * @param from the watermark to pull after, or null for a full pull
     */
    public JdbcSourceReader(SourceDefinition source, RecordKind kind, DataSource dataSource, String from) {
        this.source = source;
        this.query = source.kinds().get(kind.name());
        this.kind = kind;
        this.dataSource = dataSource;
        this.from = query.incremental() ? from : null;
        this.maxChanged = this.from == null ? null : Watermarks.value(this.from);
        this.cursor = new JdbcCursorItemReader<>(dataSource, sql(), this::row);
    }

    public String label() {
        return source.name() + "/" + kind.name();
    }

    /** The SQL actually run: the office's query, wrapped to filter on the changed column. */
    String sql() {
        if (from != null) {
            return "SELECT * FROM (" + query.query() + ") src WHERE src." + query.changedColumn() + " > ?";
        }
        return query.query();
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        mapColumns();
        cursor.setName("source-" + kind.name());
        cursor.setFetchSize(source.fetchSize());
        // A pull is not resumed half-way (rows move in a live source): a failed pull is repeated from its watermark.
        cursor.setSaveState(false);
        cursor.setVerifyCursorPosition(false);
        if (from != null) {
            Object value = Watermarks.value(from);
            cursor.setPreparedStatementSetter(ps -> ps.setObject(1, value));
        }
        try {
            cursor.open(new ExecutionContext());
        } catch (Exception e) {
            throw refused("the query failed", e);
        }
    }

    /** Matches the query's result columns to the contract's before any row is read; refuses a query without a required column. */
    private void mapColumns() {
        List<String> labels = new ArrayList<>();
        try {
            new JdbcTemplate(dataSource).query("SELECT * FROM (" + query.query() + ") src WHERE 1 = 0", (ResultSet rs) -> {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    labels.add(md.getColumnLabel(i));
                }
                return null;
            });
        } catch (RuntimeException e) {
            throw refused("the query cannot be run", e);
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            positions.putIfAbsent(labels.get(i).toLowerCase(Locale.ROOT), i + 1);
        }
        List<String> missing = kind.requiredHeaders().stream().filter(h -> !positions.containsKey(h)).toList();
        if (!missing.isEmpty()) {
            throw new InputRefused("source " + source.name() + ", " + kind.name() + " query: no result column named "
                    + String.join(", ", missing) + " (the query gives: " + String.join(", ", labels)
                    + "); name the columns with the data contract's names, e.g. SELECT sqbh AS application_id");
        }
        columnOfResult = new int[kind.columns().size()];
        for (int c = 0; c < columnOfResult.length; c++) {
            columnOfResult[c] = positions.getOrDefault(kind.columns().get(c).header(), -1);
        }
        if (query.incremental()) {
            Integer changed = positions.get(query.changedColumn().toLowerCase(Locale.ROOT));
            if (changed == null) {
                throw new InputRefused("source " + source.name() + ", " + kind.name() + " query: changed_column "
                        + query.changedColumn() + " is not a column of its result (" + String.join(", ", labels) + ")");
            }
            changedIndex = changed;
        }
        List<String> headers = kind.columns().stream().map(RecordKind.Column::header).toList();
        keyPositions = kind.keyColumns().stream()
                .mapToInt(db -> headers.indexOf(kind.columns().stream().filter(c -> c.dbColumn().equals(db)).findFirst().orElseThrow().header()))
                .toArray();
    }

    private RawRow row(ResultSet rs, int n) throws SQLException {
        rows++;
        String[] values = new String[columnOfResult.length];
        for (int c = 0; c < values.length; c++) {
            values[c] = columnOfResult[c] < 0 ? null : text(rs.getObject(columnOfResult[c]));
        }
        if (changedIndex > 0) {
            maxChanged = Watermarks.max(maxChanged, rs.getObject(changedIndex));
        }
        List<String> key = new ArrayList<>();
        for (int p : keyPositions) {
            key.add(values[p] == null ? "" : values[p]);
        }
        String location = "source " + source.name() + ", " + kind.name() + " key " + String.join("/", key);
        return new RawRow(rows, values, RowText.later(() -> ORIGINAL.format((Object[]) values)), null, location, List.of());
    }

    /** A source value as the text a CSV file of the contract would hold. */
    public static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return XlsxInput.clean(s);
        }
        if (v instanceof Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        // The contract's values are dates: a date-time column gives its day.
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().toLocalDate().toString();
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate().toString();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toLocalDate().toString();
        }
        if (v instanceof BigDecimal b) {
            return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Boolean b) {
            return b ? "Y" : "N";
        }
        if (v instanceof byte[] bytes) {
            return XlsxInput.clean(new String(bytes, StandardCharsets.UTF_8));
        }
        return XlsxInput.clean(v.toString());
    }

    @Override
    public RawRow read() throws Exception {
        try {
            return cursor.read();
        } catch (InputRefused e) {
            throw e;
        } catch (RuntimeException e) {
            throw refused("reading failed after " + rows + " rows", e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(SOURCE, source.name());
        context.putString(KIND, kind.name());
        context.putString(MODE, from == null ? "full" : "incremental");
        if (from != null) {
            context.putString(FROM, from);
        }
        if (query.incremental() && maxChanged != null) {
            context.putString(TO, Watermarks.text(maxChanged));
        }
    }

    @Override
    public void close() {
        cursor.close();
    }

    private RuntimeException refused(String what, Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        // Not InputRefused: a database that does not answer tonight may answer tomorrow (exit 1, run again).
        return new IllegalStateException("source " + source.name() + ", " + kind.name() + ": " + what + ": " + cause.getMessage(), e);
    }
}
