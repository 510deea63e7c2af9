package org.disclosurereports.core.figures;

import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report's figures as printed, for auditing: every cell of tables 二/三/四 by reference
 * ({@code table3.granted.total}), where a cell may be blank ({@code null}) and totals are kept as
 * printed, never recomputed (unlike {@link Grid}, which refuses hand-set totals). Also the numbers the
 * narrative quotes, each with the cells it describes (identity F). Read from tables.json by
 * {@link TablesJson#readAsPrinted}.
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

    private final ReportFormat format;
    private final String agencyCode;
    private final String agencyName;
    private final Integer year;
    private final String scope;
    private final Map<String, BigDecimal> cells;
    private final Set<String> decimalCells;
    private final Set<String> signedCells;
    private final List<String> tableRefs;
    private final List<TextFigure> textFigures = new ArrayList<>();

    /**
     * A layout's cells, made once per format: every cell blank in layout order, the amounts, the signed
     * cells. Tens of thousands of tables are read in a run of a province, and each used to name its
     * cells anew; the names made once also keep their hash codes.
     */
    private record Cells(ReportFormat format, Map<String, BigDecimal> blank, Set<String> decimal, Set<String> signed,
                         List<String> tableRefs) {

        static Cells of(ReportFormat format) {
            Map<String, BigDecimal> blank = new LinkedHashMap<>();
            Set<String> decimal = new HashSet<>();
            Set<String> signed = new HashSet<>();
            for (ReportFormat.Table2Block block : format.table2().blocks()) {
                for (ReportFormat.Table2Row row : block.rows()) {
                    for (ReportFormat.Column c : block.columns()) {
                        String ref = CellRef.of("table2", row.key(), c.key()).toString();
                        blank.put(ref, null);
                        if (c.decimal()) {
                            decimal.add(ref);
                        }
                        if (c.signed()) {
                            signed.add(ref);
                        }
                    }
                }
            }
            for (GridShape shape : List.of(format.table3Shape(), format.table4Shape())) {
                for (GridShape.Row r : shape.rows()) {
                    for (ReportFormat.Column c : shape.columns()) {
                        blank.put(CellRef.of(shape.table(), r.key(), c.key()).toString(), null);
                    }
                }
            }
            List<String> tableRefs = List.copyOf(blank.keySet());
            blank.put(CellRef.PROCESSING_FEES, null);
            decimal.add(CellRef.PROCESSING_FEES);
            return new Cells(format, Collections.unmodifiableMap(blank), Set.copyOf(decimal), Set.copyOf(signed), tableRefs);
        }
    }

    /** The cells of the format last asked for: a run reads its tables in one format, or two. */
    private static volatile Cells lastCells;

    private static Cells cells(ReportFormat format) {
        Cells c = lastCells;
        if (c == null || c.format() != format) {
            c = Cells.of(format);
            lastCells = c;
        }
        return c;
    }

    /** Every cell blank, in layout order. */
    public PublishedTables(ReportFormat format, String agencyCode, String agencyName, Integer year, String scope) {
        this.format = format;
        this.agencyCode = agencyCode;
        this.agencyName = agencyName;
        this.year = year;
        this.scope = scope;
        Cells layout = cells(format);
        this.cells = new LinkedHashMap<>(layout.blank());
        this.decimalCells = layout.decimal();
        this.signedCells = layout.signed();
        this.tableRefs = layout.tableRefs();
    }

    /** The figures of a report generated from records. */
    public static PublishedTables of(ReportFormat format, StatutoryTables t) {
        return of(format, t, List.of());
    }

    /** The figures of a report generated from records, with the figures its narrative quotes. */
    public static PublishedTables of(ReportFormat format, StatutoryTables t, List<TextFigure> textFigures) {
        PublishedTables p = new PublishedTables(format, t.agencyCode(), t.agencyName(), t.year(), t.scope());
        for (String ref : p.tableRefs) {
            p.cells.put(ref, t.value(ref));
        }
        p.cells.put(CellRef.PROCESSING_FEES, t.processingFeesYuan());
        textFigures.forEach(p::addTextFigure);
        return p;
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

    /** True for a cell of the tables or the 信息处理费 figure. */
    public boolean has(String ref) {
        return cells.containsKey(ref);
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

    /** A cell the layout allows below zero (本年增/减 of the 2019 layout). */
    public boolean isSigned(String ref) {
        return signedCells.contains(ref);
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
