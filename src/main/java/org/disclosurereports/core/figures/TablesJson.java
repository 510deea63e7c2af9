package org.disclosurereports.core.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tables.json, schema {@code disclosure-tables/v1} (data-contract.md section 3), written in layout
 * order from the format: the same input always gives the same bytes.
 */
public final class TablesJson {

    public static final String SCHEMA = "disclosure-tables/v1";

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

    private TablesJson() {}

    public static Map<String, Object> toMap(StatutoryTables t) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("agency_code", t.agencyCode());
        root.put("agency_name", t.agencyName());
        root.put("year", t.year());
        root.put("scope", t.scope());

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
        root.put("table2", table2);

        GridShape s3 = t.table3().shape();
        Map<String, Object> table3 = new LinkedHashMap<>();
        table3.put("columns", s3.columnKeys());
        Map<String, Object> rows = new LinkedHashMap<>();
        for (GridShape.Row r : s3.rows()) {
            rows.put(r.key(), t.table3().row(r.key()));
        }
        table3.put("rows", rows);
        root.put("table3", table3);

        GridShape s4 = t.table4().shape();
        Map<String, Object> table4 = new LinkedHashMap<>();
        for (GridShape.Row r : s4.rows()) {
            Map<String, Object> cells = new LinkedHashMap<>();
            List<Long> values = t.table4().row(r.key());
            List<String> keys = new ArrayList<>(s4.columnKeys());
            for (int c = 0; c < keys.size(); c++) {
                cells.put(keys.get(c), values.get(c));
            }
            table4.put(r.key(), cells);
        }
        root.put("table4", table4);
        // Extension of v1 (additive): the 信息处理费 that section 六 states, in 元, exact.
        // null: not known (a submitted return does not state it), so section 六 asks the office to.
        root.put("processing_fees_yuan", t.processingFeesYuan() == null ? null : plain(t.processingFeesYuan()));
        return root;
    }

    /** Reads a tables.json written by {@link #write} back into tables (totals recomputed from their parts). */
    public static StatutoryTables read(JsonNode root, ReportFormat format) {
        if (!SCHEMA.equals(root.path("schema").asText())) {
            throw new IllegalArgumentException("not a " + SCHEMA + " document (schema: " + root.path("schema").asText() + ")");
        }
        Table2 t2 = new Table2(format.table2());
        root.path("table2").fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(cell ->
                t2.add(row.getKey(), cell.getKey(), new BigDecimal(cell.getValue().asText()))));
        Grid t3 = new Grid(format.table3Shape());
        JsonNode rows = root.path("table3").path("rows");
        for (GridShape.Row r : t3.shape().rows()) {
            if (r.computed()) {
                continue;
            }
            JsonNode values = rows.path(r.key());
            for (int c = 0; c < t3.shape().columns().size(); c++) {
                if (!t3.shape().columns().get(c).computed()) {
                    t3.add(r.index(), c, values.path(c).asLong());
                }
            }
        }
        Grid t4 = new Grid(format.table4Shape());
        for (GridShape.Row r : t4.shape().rows()) {
            for (ReportFormat.Column c : t4.shape().columns()) {
                if (!c.computed()) {
                    t4.add(r.key(), c.key(), root.path("table4").path(r.key()).path(c.key()).asLong());
                }
            }
        }
        JsonNode fees = root.path("processing_fees_yuan");
        return new StatutoryTables(root.path("agency_code").asText(), root.path("agency_name").asText(),
                root.path("year").asInt(), root.path("scope").asText(), t2, t3.withTotals(), t4.withTotals(),
                fees.isMissingNode() ? BigDecimal.ZERO : fees.isNull() ? null : new BigDecimal(fees.asText()));
    }

    public static byte[] write(StatutoryTables t) {
        try {
            String json = JSON.writeValueAsString(toMap(t)) + "\n";
            return json.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tables.json", e);
        }
    }

    /** An exact amount without exponent or trailing zeros: 5949.088667, 12.5, 0. */
    public static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
