package org.disclosurereports.core.layout;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        List<Identity> identities,
        // ---- taken from the layout instead of repeated in Java (see the block at the end) ----
        List<Term> uncountedDocumentCategories,
        List<OverviewSlot> overviewSlots,
        List<IndexFigure> indexFigures) {

    /** The format in force for reports of 2021 and later (国办公开办函〔2021〕30号). */
    public static final String CURRENT = "gov-2021-30";

    public record Section(String key, String heading, String table) {}

    /**
     * A column of a grid or of table 二; {@code sumOf} marks a computed total. In table 二, {@code counts} names
     * the counting rule that fills the column ({@link #TABLE2_COUNTS}) and {@code signed} marks a column whose
     * cells may be negative (a change from last year).
     */
    public record Column(String key, String label, String group, List<String> sumOf, boolean decimal, boolean result,
                         String counts, boolean signed) {
        public boolean computed() {
            return sumOf != null && !sumOf.isEmpty();
        }

        /** A stock (at 31 December, or last year's), not something that happened in the year. */
        public boolean stock() {
            return counts != null && STOCK_COUNTS.contains(counts);
        }
    }

    static final Set<String> STOCK_COUNTS = Set.of("valid", "public", "previous_items");

    /**
     * The counting rules a column of table 二 can name (data-contract.md section 2). Documents of the row's
     * category: {@code issued}, {@code repealed} in the year, {@code valid} at 31 December, {@code published}
     * (made public) in the year, {@code public} (public and in force) at 31 December. Figures of the row's
     * enforcement item: {@code value} of the year, {@code items} (the item count) of the year,
     * {@code previous_items} of the year before, {@code items_change} between the two.
     */
    public static final Set<String> DOCUMENT_COUNTS = Set.of("issued", "repealed", "valid", "published", "public");
    public static final Set<String> FIGURE_COUNTS = Set.of("value", "items", "previous_items", "items_change");

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
                    .map(k -> new LayoutRow(k.key(), k.label(), null, false, null, null))
                    .toList();
            return new GridLayout(null, null, columns, rows);
        }
    }

    /**
     * A row of a grid as written in the layout file: either a leaf with a key, or a merged label
     * cell with nested rows.
     */
    public record LayoutRow(String key, String label, List<LayoutRow> rows, boolean outcome, List<String> outcomes,
                            List<String> sumOf) {
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

    // ---- What the rest of the program takes from the layout instead of repeating it: the input
    // vocabularies that stand for rows of table 二, the keyed sub-sections of section 一, the index's
    // key figures. ----

    /**
     * A value of an input vocabulary: its English key and its exact Chinese label.
     *
     * @param amount true for an enforcement item counted as an amount (万元), not as whole decisions
     */
    public record Term(String key, String label, boolean amount) {}

    /**
     * A sub-section of section 一: generated text, office passages and record figures are placed by key.
     *
     * @param toWrite what the office is asked to write there, or null where the tables generate the text
     */
    public record OverviewSlot(String key, String heading, String toWrite) {}

    /** A figure of the year's index: the sum of {@code cells} ({@code table3.new_received.total} …). */
    public record IndexFigure(String key, String label, List<String> cells) {}

    /** Every cell reference of table 二, in layout order. */
    public List<String> table2Refs() {
        List<String> refs = new ArrayList<>();
        for (Table2Block block : table2.blocks()) {
            for (Table2Row row : block.rows()) {
                for (Column c : block.columns()) {
                    refs.add(CellRef.of("table2", row.key(), c.key()).toString());
                }
            }
        }
        return refs;
    }

    /** The categories filings.csv accepts: those table 二 counts, in row order, then the uncounted ones. */
    public List<Term> documentCategories() {
        List<Term> terms = new ArrayList<>();
        for (Table2Block block : table2.blocks()) {
            for (Table2Row row : block.rows()) {
                if (row.source() != null && row.source().documentCategory() != null) {
                    terms.add(new Term(row.source().documentCategory(), row.label(), false));
                }
            }
        }
        terms.addAll(uncountedDocumentCategories == null ? List.of() : uncountedDocumentCategories);
        return terms;
    }

    /** The items enforcement.csv accepts, in row order of table 二. */
    public List<Term> enforcementItems() {
        List<Term> terms = new ArrayList<>();
        for (Table2Block block : table2.blocks()) {
            // An amount when the figure's value is printed in a decimal column (万元), not counted as decisions.
            boolean amount = block.columns().stream().anyMatch(c -> c.decimal() && "value".equals(c.counts()));
            for (Table2Row row : block.rows()) {
                if (row.source() != null && row.source().enforcementItem() != null) {
                    terms.add(new Term(row.source().enforcementItem(), row.label(), amount));
                }
            }
        }
        return terms;
    }

    public OverviewSlot overviewSlot(String key) {
        return overviewSlots.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No sub-section " + key + " of section 一"));
    }

    /** What is wrong with the block above, for {@link FormatCheck}: empty when it is consistent. */
    List<String> derivedDataProblems() {
        List<String> problems = new ArrayList<>();
        for (List<Term> vocabulary : List.of(documentCategories(), enforcementItems())) {
            Set<String> keys = new HashSet<>();
            vocabulary.forEach(t -> {
                if (!keys.add(t.key())) {
                    problems.add("vocabulary key " + t.key() + " is used twice");
                }
            });
        }
        Set<String> slots = new HashSet<>();
        for (OverviewSlot s : overviewSlots == null ? List.<OverviewSlot>of() : overviewSlots) {
            if (s.key() == null || s.heading() == null || !slots.add(s.key())) {
                problems.add("overview slot " + s.key() + " needs a key of its own and a heading");
            }
        }
        for (IndexFigure f : indexFigures == null ? List.<IndexFigure>of() : indexFigures) {
            if (f.cells() == null || f.cells().isEmpty()) {
                problems.add("index figure " + f.key() + " names no cell");
                continue;
            }
            for (String cell : f.cells()) {
                String[] p = cell.split("\\.");
                boolean known = p.length == 3 && (p[0].equals("table3") || p[0].equals("table4"))
                        && shape(p[0]).hasRow(p[1]) && shape(p[0]).hasColumn(p[2]);
                if (!known) {
                    problems.add("index figure " + f.key() + " names unknown cell " + cell);
                }
            }
        }
        return problems;
    }
}
