package org.disclosurereports.core.figures;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cell-by-cell differences between two {@code disclosure-tables/v1} documents: the figures an office
 * published (sealed) and today's. Plain Java over the JSON, so it follows the format file: a table's
 * {@code columns} name the positions of its row arrays.
 */
public final class TablesDiff {

    /** One cell whose figure differs; {@code sealed} or {@code now} is empty when the cell is absent on that side. */
    public record Change(String table, String row, String column, String sealed, String now) {
        public String describe() {
            return table + " " + row + (column.isEmpty() ? "" : " / " + column) + ": published " + show(sealed) + ", now " + show(now);
        }

        /** The key of the row: the last part of {@code row} ({@code granted} of {@code rows / granted}). */
        public String rowKey() {
            int at = row.lastIndexOf(" / ");
            return at < 0 ? row : row.substring(at + 3);
        }

        private static String show(String v) {
            return v.isEmpty() ? "(none)" : v;
        }
    }

    private TablesDiff() {}

    public static List<Change> between(JsonNode sealed, JsonNode now) {
        List<Change> changes = new ArrayList<>();
        for (String part : TablesJson.FIGURES) {
            walk(part, new ArrayList<>(), sealed.path(part), now.path(part), null, changes);
        }
        return changes;
    }

    private static void walk(String table, List<String> path, JsonNode a, JsonNode b, List<String> columns, List<Change> out) {
        if (a.isObject() || b.isObject()) {
            List<String> cols = columns;
            JsonNode named = a.has("columns") ? a.get("columns") : b.get("columns");
            if (named != null && named.isArray()) {
                cols = new ArrayList<>();
                for (JsonNode c : named) {
                    cols.add(c.asText());
                }
            }
            for (String field : fields(a, b)) {
                if (field.equals("columns")) {
                    continue;
                }
                List<String> p = new ArrayList<>(path);
                p.add(field);
                walk(table, p, a.path(field), b.path(field), cols, out);
            }
        } else if (a.isArray() || b.isArray()) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                List<String> p = new ArrayList<>(path);
                p.add(columns != null && i < columns.size() ? columns.get(i) : "#" + (i + 1));
                walk(table, p, a.path(i), b.path(i), null, out);
            }
        } else if (!sameValue(a, b)) {
            String row = path.size() > 1 ? String.join(" / ", path.subList(0, path.size() - 1)) : "";
            String column = path.isEmpty() ? "" : path.get(path.size() - 1);
            if (row.isEmpty()) {
                row = path.isEmpty() ? table : column; // a figure of its own (processing_fees_yuan), or a row's only value
                column = "";
            }
            out.add(new Change(table, row, column, text(a), text(b)));
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isMissingNode() || a.isNull() || b.isMissingNode() || b.isNull()) {
            return (a.isMissingNode() || a.isNull()) == (b.isMissingNode() || b.isNull());
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if ((a.isNumber() || a.isTextual()) && (b.isNumber() || b.isTextual())) {
            try {
                return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
            } catch (NumberFormatException e) {
                return a.asText().equals(b.asText());
            }
        }
        return a.equals(b);
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }

    private static Set<String> fields(JsonNode a, JsonNode b) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode n : List.of(a, b)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                names.add(it.next().getKey());
            }
        }
        return names;
    }
}
