package org.disclosurereports.core.figures;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.ReportNarrative;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report's figures as printed, for auditing: every cell of tables 二/三/四 by reference
 * ({@code table3.granted.total}), where a cell may be blank ({@code null}) and totals are kept as
 * printed, never recomputed (unlike {@link org.disclosurereports.core.figures.Grid}, which refuses hand-set
 * totals). Also the numbers the narrative quotes, each with the cells it describes (identity F).
 */
public final class PublishedTables {

    /**
     * A number stated in the text: {@code value} should equal the sum of {@code cells}.
     * {@code quote} is the sentence it stands in, for the auditor's message.
     */
    public record TextFigure(List<String> cells, BigDecimal value, String quote) {
        public TextFigure {
            cells = List.copyOf(cells);
        }
    }

    /** The input is not a readable disclosure-tables/v1 document; the message names the place. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    private final ReportFormat format;
    private final String agencyCode;
    private final String agencyName;
    private final Integer year;
    private final String scope;
    private final Map<String, BigDecimal> cells = new LinkedHashMap<>();
    private final Set<String> decimalCells = new HashSet<>();
    private final List<String> tableRefs;
    private final List<TextFigure> textFigures = new ArrayList<>();

    /** Every cell blank, in layout order. */
    public PublishedTables(ReportFormat format, String agencyCode, String agencyName, Integer year, String scope) {
        this.format = format;
        this.agencyCode = agencyCode;
        this.agencyName = agencyName;
        this.year = year;
        this.scope = scope;
        for (ReportFormat.Table2Block block : format.table2().blocks()) {
            for (ReportFormat.Table2Row row : block.rows()) {
                for (ReportFormat.Column c : block.columns()) {
                    String ref = ref("table2", row.key(), c.key());
                    cells.put(ref, null);
                    if (c.decimal()) {
                        decimalCells.add(ref);
                    }
                }
            }
        }
        for (GridShape shape : List.of(format.table3Shape(), format.table4Shape())) {
            for (GridShape.Row r : shape.rows()) {
                for (ReportFormat.Column c : shape.columns()) {
                    cells.put(ref(shape.table(), r.key(), c.key()), null);
                }
            }
        }
        this.tableRefs = List.copyOf(cells.keySet());
        cells.put(ReportNarrative.PROCESSING_FEES_REF, null);
        decimalCells.add(ReportNarrative.PROCESSING_FEES_REF);
    }

    public static String ref(String table, String row, String column) {
        return table + "." + row + "." + column;
    }

    /** The figures of a report generated from records, with the figures its narrative quotes. */
    public static PublishedTables of(ReportFormat format, StatutoryTables t, ReportNarrative narrative) {
        PublishedTables p = new PublishedTables(format, t.agencyCode(), t.agencyName(), t.year(), t.scope());
        for (String ref : p.tableRefs) {
            p.cells.put(ref, ReportNarrative.resolve(t, ref));
        }
        p.cells.put(ReportNarrative.PROCESSING_FEES_REF, t.processingFeesYuan());
        if (narrative != null) {
            for (List<ReportNarrative.Paragraph> paragraphs : narrative.sections().values()) {
                for (ReportNarrative.Paragraph paragraph : paragraphs) {
                    String text = paragraph.text();
                    int at = 0;
                    for (ReportNarrative.Part part : paragraph.parts()) {
                        // Rule F is about the statutory tables: figures that restate other sources (the work-plan
                        // scorecard, reply deadlines) are checked against those sources where they are made.
                        if (part instanceof ReportNarrative.Figure f && f.cells().stream().allMatch(p.cells::containsKey)) {
                            // The words around this very figure, so that the auditor sees which "3" is meant.
                            int from = Math.max(0, at - 24);
                            int to = Math.min(text.length(), at + f.text().length() + 24);
                            String quote = (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
                            p.textFigures.add(new TextFigure(f.cells(), new BigDecimal(f.value()), quote));
                        }
                        at += part.text().length();
                    }
                }
            }
        }
        return p;
    }

    public static PublishedTables read(Path file, ReportFormat format) throws Unreadable {
        JsonNode root;
        try {
            root = TablesJson.JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new Unreadable(file + ": cannot be read as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return read(root, format, file.toString());
    }

    /**
     * Reads a {@code disclosure-tables/v1} document as printed: a missing cell or JSON {@code null} is
     * blank; {@code ""}, {@code "-"}, {@code "—"} and {@code "/"} (how published reports mark blanks) too.
     * Accepts the extension {@code text_figures: [{"cell" | "cells", "value", "quote"}]}.
     */
    public static PublishedTables read(JsonNode root, ReportFormat format, String source) throws Unreadable {
        if (root == null || !root.isObject()) {
            throw new Unreadable(source + ": not a JSON object");
        }
        if (!TablesJson.SCHEMA.equals(root.path("schema").asText())) {
            throw new Unreadable(source + ": not a " + TablesJson.SCHEMA + " document (schema: '" + root.path("schema").asText() + "')");
        }
        Integer year = root.path("year").canConvertToInt() ? root.path("year").asInt() : null;
        PublishedTables p = new PublishedTables(format, text(root, "agency_code"), text(root, "agency_name"), year,
                root.path("scope").asText(StatutoryTables.SCOPE_AGENCY));

        JsonNode t2 = root.path("table2");
        for (Iterator<Map.Entry<String, JsonNode>> rows = t2.fields(); rows.hasNext(); ) {
            Map.Entry<String, JsonNode> row = rows.next();
            for (Iterator<Map.Entry<String, JsonNode>> cs = row.getValue().fields(); cs.hasNext(); ) {
                Map.Entry<String, JsonNode> c = cs.next();
                p.put(source, ref("table2", row.getKey(), c.getKey()), c.getValue());
            }
        }

        GridShape s3 = format.table3Shape();
        JsonNode t3 = root.path("table3");
        List<String> columns = new ArrayList<>();
        if (t3.path("columns").isArray()) {
            t3.path("columns").forEach(c -> columns.add(c.asText()));
        } else {
            columns.addAll(s3.columnKeys());
        }
        for (String c : columns) {
            if (!s3.hasColumn(c)) {
                throw new Unreadable(source + ": table3.columns names unknown column '" + c + "' (known: " + s3.columnKeys() + ")");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> rows = t3.path("rows").fields(); rows.hasNext(); ) {
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
                p.put(source, ref("table3", row.getKey(), columns.get(i)), values.get(i));
            }
        }

        for (Iterator<Map.Entry<String, JsonNode>> kinds = root.path("table4").fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            for (Iterator<Map.Entry<String, JsonNode>> cs = kind.getValue().fields(); cs.hasNext(); ) {
                Map.Entry<String, JsonNode> c = cs.next();
                p.put(source, ref("table4", kind.getKey(), c.getKey()), c.getValue());
            }
        }
        if (root.has("processing_fees_yuan")) {
            p.put(source, ReportNarrative.PROCESSING_FEES_REF, root.get("processing_fees_yuan"));
        }

        JsonNode figures = root.path("text_figures");
        if (!figures.isMissingNode() && !figures.isArray()) {
            throw new Unreadable(source + ": text_figures must be an array");
        }
        int i = 0;
        for (JsonNode f : figures) {
            String where = source + ": text_figures[" + i++ + "]";
            List<String> refs = new ArrayList<>();
            if (f.has("cell")) {
                refs.add(f.get("cell").asText());
            }
            f.path("cells").forEach(c -> refs.add(c.asText()));
            if (refs.isEmpty()) {
                throw new Unreadable(where + " names no cell (give \"cell\" or \"cells\")");
            }
            for (String r : refs) {
                if (!p.cells.containsKey(r)) {
                    throw new Unreadable(where + " names unknown cell '" + r + "'");
                }
            }
            BigDecimal value = number(f.get("value"));
            if (value == null) {
                throw new Unreadable(where + " has no numeric \"value\" (got " + f.get("value") + ")");
            }
            p.textFigures.add(new TextFigure(refs, value, f.path("quote").asText("")));
        }
        return p;
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private void put(String source, String ref, JsonNode value) throws Unreadable {
        if (!cells.containsKey(ref)) {
            throw new Unreadable(source + ": unknown cell " + ref + " (not in the layout " + format.id() + ")");
        }
        if (value == null || value.isNull()) {
            cells.put(ref, null);
            return;
        }
        BigDecimal v = number(value);
        if (v == null && !isBlankMark(value.asText())) {
            throw new Unreadable(source + ": cell " + ref + " has value '" + value.asText() + "', which is not a number");
        }
        cells.put(ref, v);
    }

    private static boolean isBlankMark(String s) {
        return List.of("", "-", "—", "/", "－").contains(s.strip());
    }

    private static BigDecimal number(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual()) {
            try {
                return new BigDecimal(n.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Sets a cell as printed (null for blank): for building tables by hand in tests and roll-ups. */
    public PublishedTables set(String ref, BigDecimal value) {
        requireKnown(ref);
        cells.put(ref, value);
        return this;
    }

    public PublishedTables set(String ref, long value) {
        return set(ref, BigDecimal.valueOf(value));
    }

    public PublishedTables addTextFigure(TextFigure figure) {
        figure.cells().forEach(this::requireKnown);
        textFigures.add(figure);
        return this;
    }

    /** The printed value, or null when the cell is blank. */
    public BigDecimal get(String ref) {
        requireKnown(ref);
        return cells.get(ref);
    }

    private void requireKnown(String ref) {
        if (!cells.containsKey(ref)) {
            throw new IllegalArgumentException("no cell " + ref + " in the layout " + format.id());
        }
    }

    public boolean isDecimal(String ref) {
        return decimalCells.contains(ref);
    }

    /** References of every cell of tables 二, 三 and 四, in layout order. */
    public List<String> tableRefs() {
        return tableRefs;
    }

    public List<TextFigure> textFigures() {
        return Collections.unmodifiableList(textFigures);
    }

    public ReportFormat format() {
        return format;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public String agencyName() {
        return agencyName;
    }

    public Integer year() {
        return year;
    }

    public String scope() {
        return scope;
    }
}
