package org.disclosurereports.core.layout;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The statutory layout of the annual report, read from {@code format/<id>.yaml}.
 * <p>
 * It is the single definition of sections, rows, columns, keys, labels, computed totals and
 * identities. Counting, validation, ingest vocabularies, rendering and tables.json all read it, so
 * that a revision of the State Council format is a data change.
 */
public record ReportFormat(
        String id,
        String title,
        String source,
        int firstYear,
        List<Section> sections,
        Table2Layout table2,
        GridLayout table3,
        Table4Layout table4,
        List<Identity> identities) {

    /** The format in force for reports of 2021 and later (国办公开办函〔2021〕30号). */
    public static final String CURRENT = "gov-2021-30";

    public record Section(String key, String heading, String table) {}

    /** A column of a grid; {@code sumOf} marks a computed total. */
    public record Column(String key, String label, String group, List<String> sumOf, boolean decimal, boolean result) {
        public boolean computed() {
            return sumOf != null && !sumOf.isEmpty();
        }
    }

    public record Identity(String id, String table, String each, List<String> left, List<String> right, String text) {}

    public record Table2Layout(String firstColumnLabel, List<Table2Block> blocks) {}

    public record Table2Block(String article, List<Column> columns, List<Table2Row> rows) {}

    /** Where a table 二 row's figures come from: documents of a category, or an enforcement item. */
    public record Table2Source(String documentCategory, String enforcementItem) {}

    public record Table2Row(String key, String label, Table2Source source) {}

    /** Table 四: kinds of case (rows of the grid) by result columns. */
    public record Table4Layout(List<Column> kinds, List<Column> columns) {
        public GridLayout asGrid() {
            List<LayoutRow> rows = kinds.stream()
                    .map(k -> new LayoutRow(k.key(), k.label(), null, false, null))
                    .toList();
            return new GridLayout(null, null, columns, rows);
        }
    }

    /**
     * A row of a grid as written in the layout file: either a leaf with a key, or a merged label
     * cell with nested rows.
     */
    public record LayoutRow(String key, String label, List<LayoutRow> rows, boolean outcome, List<String> sumOf) {
        public boolean isGroup() {
            return rows != null && !rows.isEmpty();
        }
    }

    /** A grid of whole-number cells: table 三 (rows nested) or table 四. */
    public record GridLayout(String cornerNote, String columnGroupLabel, List<Column> columns, List<LayoutRow> rows) {}

    public static ReportFormat load(String id) {
        String resource = "format/" + id + ".yaml";
        try (InputStream in = ReportFormat.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No report format named " + id + " (looked for " + resource + ")");
            }
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            ReportFormat format = yaml.readValue(in, ReportFormat.class);
            FormatCheck.check(format);
            return format;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read report format " + resource, e);
        }
    }

    private static volatile ReportFormat current;

    /** The current format, read once. */
    public static ReportFormat current() {
        ReportFormat f = current;
        if (f == null) {
            f = load(CURRENT);
            current = f;
        }
        return f;
    }

    public Section section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No section " + key));
    }

    /** Table 三 flattened to its 25 leaf rows and 7 columns. */
    public GridShape table3Shape() {
        return GridShape.of(this, "table3", table3);
    }

    /** Table 四 as a grid of 3 case kinds by 5 columns. */
    public GridShape table4Shape() {
        return GridShape.of(this, "table4", table4.asGrid());
    }

    public GridShape shape(String table) {
        return switch (table) {
            case "table3" -> table3Shape();
            case "table4" -> table4Shape();
            default -> throw new IllegalArgumentException("No grid table " + table);
        };
    }
}
