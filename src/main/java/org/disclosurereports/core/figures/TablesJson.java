package org.disclosurereports.core.figures;

import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codec of tables.json, schema {@code disclosure-tables/v1} (data-contract.md section 3): the one
 * place that knows its fields, tables and extensions. Written in layout order from the format, so the
 * same input always gives the same bytes. Read in one of two modes over the same walk of the document:
 * <ul>
 *   <li>{@link #read strict}, for our own output: every part cell is a number, totals are computed from
 *       the parts (as {@link Grid} always does), and a printed total that disagrees is refused;</li>
 *   <li>{@link #readAsPrinted as printed}, for auditing published reports: a cell may be blank and
 *       totals are kept as printed, never recomputed ({@link PublishedTables}).</li>
 * </ul>
 */
public final class TablesJson {

    public static final String SCHEMA = "disclosure-tables/v1";

    static final String SCHEMA_FIELD = "schema";
    static final String AGENCY_CODE = "agency_code";
    static final String AGENCY_NAME = "agency_name";
    static final String YEAR = "year";
    static final String SCOPE = "scope";
    static final String TABLE2 = "table2";
    static final String TABLE3 = "table3";
    static final String TABLE4 = "table4";
    /** Table 三 is written as named columns and one array of values per row. */
    static final String COLUMNS = "columns";
    static final String ROWS = "rows";

    // Additive extensions of v1.
    /** The id of the layout the tables are in (gov-2021-30, gov-2019-60); absent: the layout of the report year. */
    public static final String FORMAT = "format";
    /** The 信息处理费 that section 六 states, in 元, an exact decimal string; null when not known. */
    public static final String PROCESSING_FEES = CellRef.PROCESSING_FEES;
    /** A unit's report: where its figures came from (records, return, none). */
    public static final String DATA_SOURCE = "data_source";
    /**
     * A unit's report: per record kind behind its figures, the number of its records counted, the SHA-256
     * of that record set and the input files that loaded it; a summary: its units' sources, by unit code.
     */
    public static final String SOURCES = "sources";
    /** A summary report: the codes of the units it combines. */
    public static final String UNITS = "units";
    /** A published report given to {@code audit}: the numbers its text quotes, each with the cells it states. */
    public static final String TEXT_FIGURES = "text_figures";

    /** The parts of a document that are figures (the rest names the report). */
    public static final List<String> FIGURES = List.of(TABLE2, TABLE3, TABLE4, PROCESSING_FEES);

    /** Laid out like the contract's example: "key": value, one row of table 三 per line. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance)
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("")));

    /** Reads a published document's numbers exactly as written: {@code 1e-999999999} is not taken as 0, nor a huge one as infinity. */
    private static final ObjectReader EXACT = JSON.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A figure of a report fits the figures' column, DECIMAL(24, 6): larger or finer is no report's figure. */
    static final int FIGURE_DIGITS = 18;
    static final int FIGURE_DECIMALS = 6;

    /** The input is not a readable disclosure-tables/v1 document; the message names the place. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    private TablesJson() {}

    // ---- writing ----

    public static Map<String, Object> toMap(StatutoryTables t) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(SCHEMA_FIELD, SCHEMA);
        root.put(AGENCY_CODE, t.agencyCode());
        root.put(AGENCY_NAME, t.agencyName());
        root.put(YEAR, t.year());
        root.put(SCOPE, t.scope());
        root.put(FORMAT, t.table3().shape().formatId());

        Map<String, Object> table2 = new LinkedHashMap<>();
        for (ReportFormat.Table2Block block : t.table2().layout().blocks()) {
            for (ReportFormat.Table2Row row : block.rows()) {
                Map<String, Object> cells = new LinkedHashMap<>();
                for (ReportFormat.Column c : block.columns()) {
                    BigDecimal v = t.table2().get(row.key(), c.key());
                    // Amounts are exact decimal strings; counts are whole numbers.
                    cells.put(c.key(), c.decimal() ? plain(v) : v.longValueExact());
                }
                table2.put(row.key(), cells);
            }
        }
        root.put(TABLE2, table2);

        GridShape s3 = t.table3().shape();
        Map<String, Object> table3 = new LinkedHashMap<>();
        table3.put(COLUMNS, s3.columnKeys());
        Map<String, Object> rows = new LinkedHashMap<>();
        for (GridShape.Row r : s3.rows()) {
            rows.put(r.key(), t.table3().row(r.key()));
        }
        table3.put(ROWS, rows);
        root.put(TABLE3, table3);

        GridShape s4 = t.table4().shape();
        Map<String, Object> table4 = new LinkedHashMap<>();
        for (GridShape.Row r : s4.rows()) {
            Map<String, Object> cells = new LinkedHashMap<>();
            List<Long> values = t.table4().row(r.key());
            List<String> keys = s4.columnKeys();
            for (int c = 0; c < keys.size(); c++) {
                cells.put(keys.get(c), values.get(c));
            }
            table4.put(r.key(), cells);
        }
        root.put(TABLE4, table4);
        // null: not known (a submitted return does not state it), so section 六 asks the office to.
        root.put(PROCESSING_FEES, t.processingFeesYuan() == null ? null : plain(t.processingFeesYuan()));
        return root;
    }

    public static byte[] write(StatutoryTables t) {
        return write(t, Map.of());
    }

    /** tables.json with extension fields ({@link #DATA_SOURCE}, {@link #UNITS}) after the v1 ones. */
    public static byte[] write(StatutoryTables t, Map<String, Object> extensions) {
        Map<String, Object> map = toMap(t);
        map.putAll(extensions);
        return bytes(map);
    }

    /**
     * A report's figures as printed (a published report read back): the same fields in the same layout
     * order as {@link #toMap(StatutoryTables)}, a blank cell {@code null}, totals as printed, and the
     * numbers its text quotes as {@link #TEXT_FIGURES}, so that {@link #readAsPrinted} reads it back whole.
     */
    public static Map<String, Object> toMap(PublishedTables t) {
        ReportFormat format = t.format();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(SCHEMA_FIELD, SCHEMA);
        root.put(AGENCY_CODE, t.agencyCode());
        root.put(AGENCY_NAME, t.agencyName());
        root.put(YEAR, t.year());
        root.put(SCOPE, t.scope());
        Map<String, Object> table2 = new LinkedHashMap<>();
        for (ReportFormat.Table2Block block : format.table2().blocks()) {
            for (ReportFormat.Table2Row row : block.rows()) {
                Map<String, Object> cells = new LinkedHashMap<>();
                for (ReportFormat.Column c : block.columns()) {
                    cells.put(c.key(), printed(t, CellRef.of(TABLE2, row.key(), c.key()).toString()));
                }
                table2.put(row.key(), cells);
            }
        }
        root.put(TABLE2, table2);
        GridShape s3 = format.table3Shape();
        Map<String, Object> table3 = new LinkedHashMap<>();
        table3.put(COLUMNS, s3.columnKeys());
        Map<String, Object> rows = new LinkedHashMap<>();
        for (GridShape.Row r : s3.rows()) {
            List<Object> values = new ArrayList<>();
            for (String c : s3.columnKeys()) {
                values.add(printed(t, CellRef.of(TABLE3, r.key(), c).toString()));
            }
            rows.put(r.key(), values);
        }
        table3.put(ROWS, rows);
        root.put(TABLE3, table3);
        GridShape s4 = format.table4Shape();
        Map<String, Object> table4 = new LinkedHashMap<>();
        for (GridShape.Row r : s4.rows()) {
            Map<String, Object> cells = new LinkedHashMap<>();
            for (String c : s4.columnKeys()) {
                cells.put(c, printed(t, CellRef.of(TABLE4, r.key(), c).toString()));
            }
            table4.put(r.key(), cells);
        }
        root.put(TABLE4, table4);
        root.put(PROCESSING_FEES, printed(t, PROCESSING_FEES));
        List<Map<String, Object>> figures = new ArrayList<>();
        for (PublishedTables.TextFigure f : t.textFigures()) {
            Map<String, Object> figure = new LinkedHashMap<>();
            if (f.cells().size() == 1) {
                figure.put("cell", f.cells().get(0));
            } else {
                figure.put("cells", f.cells());
            }
            figure.put("value", f.value().stripTrailingZeros().scale() <= 0 ? f.value().longValueExact() : plain(f.value()));
            figure.put("quote", f.quote());
            figures.add(figure);
        }
        root.put(TEXT_FIGURES, figures);
        return root;
    }

    /** A printed cell as tables.json writes it: null when blank, an amount as an exact string, a count as a number. */
    private static Object printed(PublishedTables t, String ref) {
        BigDecimal v = t.get(ref);
        if (v == null) {
            return null;
        }
        return t.isDecimal(ref) ? plain(v) : v.longValueExact();
    }

    /** A published report's tables.json ({@link #toMap(PublishedTables)}) with extension fields after the v1 ones. */
    public static byte[] write(PublishedTables t, Map<String, Object> extensions) {
        Map<String, Object> map = toMap(t);
        map.putAll(extensions);
        return bytes(map);
    }

    /** The file's bytes: one line of JSON and a newline, the same for the same map. */
    private static byte[] bytes(Map<String, Object> map) {
        try {
            return (JSON.writeValueAsString(map) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tables.json", e);
        }
    }

    /** An exact amount without exponent or trailing zeros: 5949.088667, 12.5, 0. */
    public static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    // ---- reading: strict ----

    /**
     * Reads our own tables.json back into tables: every part cell a number, totals computed from the
     * parts; a missing or blank cell, or a printed total that is not the sum of its parts, is refused.
     */
    public static StatutoryTables read(JsonNode root, ReportFormat format) {
        try {
            PublishedTables printed = readAsPrinted(root, format, "tables.json");
            if (printed.year() == null) {
                throw new IllegalArgumentException("tables.json: no year");
            }
            Table2 t2 = new Table2(format.table2());
            Grid t3 = new Grid(format.table3Shape());
            Grid t4 = new Grid(format.table4Shape());
            for (String ref : printed.tableRefs()) {
                BigDecimal v = printed.get(ref);
                if (v == null) {
                    throw new IllegalArgumentException("tables.json: cell " + ref + " has no value");
                }
                CellRef cell = CellRef.parse(ref);
                if (cell.table().equals(TABLE2)) {
                    t2.add(cell.row(), cell.column(), v);
                    continue;
                }
                Grid grid = cell.table().equals(TABLE3) ? t3 : t4;
                GridShape shape = grid.shape();
                if (!shape.row(cell.row()).computed() && !shape.column(cell.column()).computed()) {
                    grid.add(cell.row(), cell.column(), v.longValueExact());
                }
            }
            t3.withTotals();
            t4.withTotals();
            StatutoryTables tables = new StatutoryTables(printed.agencyCode(), printed.agencyName(),
                    printed.year(), printed.scope(), t2, t3, t4,
                    root.has(PROCESSING_FEES) ? printed.get(PROCESSING_FEES) : BigDecimal.ZERO);
            for (String ref : printed.tableRefs()) {
                BigDecimal computed = tables.value(ref);
                if (computed.compareTo(printed.get(ref)) != 0) {
                    throw new IllegalArgumentException("tables.json: the total " + ref + " is " + plain(printed.get(ref))
                            + " but its parts add up to " + plain(computed));
                }
            }
            return tables;
        } catch (Unreadable e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("tables.json: a count is not a whole number (" + e.getMessage() + ")", e);
        }
    }

    public static StatutoryTables read(Path file, ReportFormat format) throws IOException {
        return read(JSON.readTree(file.toFile()), format);
    }

    // ---- reading: as printed ----

    public static PublishedTables readAsPrinted(Path file, ReportFormat format) throws Unreadable {
        return readAsPrinted(tree(file), format, file.toString());
    }

    /** Reads a document in the layout it names ({@link #FORMAT}), or else in the layout of its year. */
    public static PublishedTables readAsPrinted(Path file, ReportFormats formats) throws Unreadable {
        JsonNode root = tree(file);
        return readAsPrinted(root, formatOf(root, formats, file.toString()), file.toString());
    }

    /**
     * The layout a document is in: the one its {@link #FORMAT} field names, else the layout of its year, else
     * (no year either) the newest.
     */
    public static ReportFormat formatOf(JsonNode root, ReportFormats formats, String source) throws Unreadable {
        String named = root == null ? null : text(root, FORMAT);
        try {
            if (named != null) {
                return formats.byId(named);
            }
            JsonNode year = root == null ? null : root.get(YEAR);
            return year != null && year.canConvertToInt() ? formats.forYear(year.asInt()) : formats.newest();
        } catch (IllegalArgumentException e) {
            throw new Unreadable(source + ": " + e.getMessage());
        }
    }

    private static JsonNode tree(Path file) throws Unreadable {
        try {
            return EXACT.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new Unreadable(file + ": cannot be read as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /**
     * Reads a document as printed: a missing cell or JSON {@code null} is blank; {@code ""}, {@code "-"},
     * {@code "—"} and {@code "/"} (how published reports mark blanks) too. Accepts the extension
     * {@code text_figures: [{"cell" | "cells", "value", "quote"}]}.
     */
    public static PublishedTables readAsPrinted(JsonNode root, ReportFormat format, String source) throws Unreadable {
        if (root == null || !root.isObject()) {
            throw new Unreadable(source + ": not a JSON object");
        }
        if (!SCHEMA.equals(root.path(SCHEMA_FIELD).asText())) {
            throw new Unreadable(source + ": not a " + SCHEMA + " document (schema: '" + root.path(SCHEMA_FIELD).asText() + "')");
        }
        String named = text(root, FORMAT);
        if (named != null && !named.equals(format.id())) {
            throw new Unreadable(source + ": the tables are in the layout " + named + ", not " + format.id());
        }
        Integer year = root.path(YEAR).canConvertToInt() ? root.path(YEAR).asInt() : null;
        PublishedTables p = new PublishedTables(format, text(root, AGENCY_CODE), text(root, AGENCY_NAME), year,
                root.path(SCOPE).asText(StatutoryTables.SCOPE_AGENCY));

        for (Iterator<Map.Entry<String, JsonNode>> rows = root.path(TABLE2).fields(); rows.hasNext(); ) {
            Map.Entry<String, JsonNode> row = rows.next();
            for (Iterator<Map.Entry<String, JsonNode>> cs = row.getValue().fields(); cs.hasNext(); ) {
                Map.Entry<String, JsonNode> c = cs.next();
                put(p, source, ref(TABLE2, row.getKey(), c.getKey()), c.getValue());
            }
        }

        GridShape s3 = format.table3Shape();
        JsonNode t3 = root.path(TABLE3);
        List<String> columns = new ArrayList<>();
        if (t3.path(COLUMNS).isArray()) {
            t3.path(COLUMNS).forEach(c -> columns.add(c.asText()));
        } else {
            columns.addAll(s3.columnKeys());
        }
        for (String c : columns) {
            if (!s3.hasColumn(c)) {
                throw new Unreadable(source + ": table3.columns names unknown column '" + c + "' (known: " + s3.columnKeys() + ")");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> rows = t3.path(ROWS).fields(); rows.hasNext(); ) {
            Map.Entry<String, JsonNode> row = rows.next();
            if (!s3.hasRow(row.getKey())) {
                throw new Unreadable(source + ": table3.rows has unknown row '" + row.getKey() + "'");
            }
            JsonNode values = row.getValue();
            if (!values.isArray() || values.size() > columns.size()) {
                throw new Unreadable(source + ": table3.rows." + row.getKey() + " must be an array of at most "
                        + columns.size() + " values, one per column");
            }
            for (int i = 0; i < values.size(); i++) {
                put(p, source, ref(TABLE3, row.getKey(), columns.get(i)), values.get(i));
            }
        }

        for (Iterator<Map.Entry<String, JsonNode>> kinds = root.path(TABLE4).fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            for (Iterator<Map.Entry<String, JsonNode>> cs = kind.getValue().fields(); cs.hasNext(); ) {
                Map.Entry<String, JsonNode> c = cs.next();
                put(p, source, ref(TABLE4, kind.getKey(), c.getKey()), c.getValue());
            }
        }
        if (root.has(PROCESSING_FEES)) {
            put(p, source, PROCESSING_FEES, root.get(PROCESSING_FEES));
        }

        JsonNode figures = root.path(TEXT_FIGURES);
        if (!figures.isMissingNode() && !figures.isArray()) {
            throw new Unreadable(source + ": " + TEXT_FIGURES + " must be an array");
        }
        int i = 0;
        for (JsonNode f : figures) {
            String where = source + ": " + TEXT_FIGURES + "[" + i++ + "]";
            List<String> refs = new ArrayList<>();
            if (f.has("cell")) {
                refs.add(f.get("cell").asText());
            }
            f.path("cells").forEach(c -> refs.add(c.asText()));
            if (refs.isEmpty()) {
                throw new Unreadable(where + " names no cell (give \"cell\" or \"cells\")");
            }
            for (String r : refs) {
                if (!p.has(r)) {
                    throw new Unreadable(where + " names unknown cell '" + r + "'");
                }
            }
            BigDecimal value = number(f.get("value"), where);
            if (value == null) {
                throw new Unreadable(where + " has no numeric \"value\" (got " + f.get("value") + ")");
            }
            p.addTextFigure(new PublishedTables.TextFigure(refs, value, f.path("quote").asText("")));
        }
        return p;
    }

    /** The text of a field, or null when absent or null; e.g. {@link #DATA_SOURCE}. */
    public static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String ref(String table, String row, String column) throws Unreadable {
        try {
            return CellRef.of(table, row, column).toString();
        } catch (IllegalArgumentException e) {
            throw new Unreadable(e.getMessage());
        }
    }

    private static void put(PublishedTables p, String source, String ref, JsonNode value) throws Unreadable {
        if (!p.has(ref)) {
            throw new Unreadable(source + ": unknown cell " + ref + " (not in the layout " + p.format().id() + ")");
        }
        if (value == null || value.isNull()) {
            p.set(ref, null);
            return;
        }
        BigDecimal v = number(value, source + ": cell " + ref);
        if (v == null && !isBlankMark(value.asText())) {
            throw new Unreadable(source + ": cell " + ref + " has value '" + value.asText() + "', which is not a number");
        }
        p.set(ref, v);
    }

    private static boolean isBlankMark(String s) {
        return List.of("", "-", "—", "/", "－").contains(s.strip());
    }

    /**
     * The number a value states, or null when it states none (null, or text that is not a number, which may be
     * a blank mark). A JSON object, array or boolean where a number belongs, and a number no report can print
     * (infinite, more than {@value #FIGURE_DIGITS} digits before the point or {@value #FIGURE_DECIMALS} after),
     * are refused naming {@code where}.
     */
    private static BigDecimal number(JsonNode n, String where) throws Unreadable {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            if ((n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) {
                throw new Unreadable(where + " has value " + n.asText() + ", which is too large for a report figure");
            }
            return figure(n.decimalValue(), where);
        }
        if (n.isTextual()) {
            BigDecimal v;
            try {
                v = new BigDecimal(n.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
            return figure(v, where);
        }
        throw new Unreadable(where + " has a JSON " + n.getNodeType().name().toLowerCase() + " where a number belongs");
    }

    private static BigDecimal figure(BigDecimal v, String where) throws Unreadable {
        BigDecimal s = v.stripTrailingZeros();
        if (s.precision() - s.scale() > FIGURE_DIGITS) {
            throw new Unreadable(where + " has value " + v + ", which is too large for a report figure (at most "
                    + FIGURE_DIGITS + " digits before the decimal point)");
        }
        if (s.scale() > FIGURE_DECIMALS) {
            throw new Unreadable(where + " has value " + v + ", which has more than " + FIGURE_DECIMALS + " decimals");
        }
        return v;
    }
}
