package org.disclosurereports.outputs;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.rollup.ReturnFigure;
import org.disclosurereports.core.rollup.ReturnRefused;
import org.disclosurereports.core.rollup.ReturnTables;
import org.disclosurereports.inputs.CsvInput;
import org.disclosurereports.inputs.EncodingDetector;
import org.disclosurereports.inputs.InputRefused;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.ParsedRow;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.inputs.Rejection;
import org.disclosurereports.inputs.RowChecker;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's tables written as the submitted returns of the data contract ({@code returns_table2.csv},
 * {@code returns_table3.csv}, {@code returns_table4.csv}), so that the level above loads a district's
 * summary as one unit of its own: a province is built from its districts' summaries as from any unit's return.
 * <p>
 * Every cell of tables 二, 三 and 四 is written, zeros included, so a return states the whole table and a
 * unit with nothing to report still submits one; totals are written too, as the contract takes them: as
 * checks of the parts. Each row is checked by the same row rules that load it, and the rows are built back
 * into tables by the one implementation that builds a unit's return ({@link ReturnTables}): what cannot be
 * loaded, or would load as other figures than the report's, is refused before any file is written. The
 * 信息处理费 is no part of a return (the contract leaves it to the office above to state).
 * <p>
 * The level above keeps one file per table for all its return units, so a file already in the target
 * directory is rewritten with its rows of other units and years kept as they were read and the rows of
 * this unit and year replaced; it is written in UTF-8 with the contract's columns.
 */
public final class ReturnFiles {

    /** The tables cannot be written as returns, or the target's files cannot take them; nothing was written. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** One file written: its rows for this unit and year, and the rows of other units and years it kept. */
    public record Written(Path file, int rows, int keptRows) {}

    /** A return file: its record kind, the table it states, and the columns that name a cell's row and column. */
    private record ReturnFile(String kind, String table, String rowHeader, String columnHeader) {}

    private static final List<ReturnFile> FILES = List.of(
            new ReturnFile(InputSchema.RETURNS_TABLE2, "table2", "row", "column"),
            new ReturnFile(InputSchema.RETURNS_TABLE3, "table3", "row", "applicant_type"),
            new ReturnFile(InputSchema.RETURNS_TABLE4, "table4", "kind", "result"));

    private static final String AGENCY_CODE = "agency_code";
    private static final String YEAR = "year";
    private static final String VALUE = "value";

    private final InputSchema schema;

    /** @param schema the input contract as runs load it: its return kinds say which cells a return can carry */
    public ReturnFiles(InputSchema schema) {
        this.schema = schema;
    }

    /**
     * Writes {@code tables} as the returns of unit {@code code} into {@code dir}.
     *
     * @param source what the tables were read from, named in messages ({@code out/2024/SL/summary/tables.json})
     */
    public List<Written> write(StatutoryTables tables, String code, Path dir, String source) throws Refused {
        Map<ReturnFile, List<List<String>>> rows = rows(tables, code, source);
        List<Written> written = new ArrayList<>();
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        for (ReturnFile file : FILES) {
            RecordKind kind = schema.kind(file.kind());
            Path target = dir.resolve(kind.fileName());
            Kept kept = otherRows(target, kind, code, tables.year());
            CsvWriter csv = CsvWriter.lf().row(kind.columns().stream().map(RecordKind.Column::header).toList());
            kept.rows().subList(0, kept.insertAt()).forEach(csv::row);
            rows.get(file).forEach(csv::row);
            kept.rows().subList(kept.insertAt(), kept.rows().size()).forEach(csv::row);
            contents.put(target, csv.toUtf8());
            written.add(new Written(target, rows.get(file).size(), kept.rows().size()));
        }
        try {
            for (Map.Entry<Path, byte[]> file : contents.entrySet()) {
                ReportFilesWriter.writeAtomically(file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new Refused("cannot write the returns into " + dir + ": " + e.getMessage());
        }
        return written;
    }

    /** The rows of each file, every one checked by the row rules of its load, and all of them loading back as the tables. */
    private Map<ReturnFile, List<List<String>>> rows(StatutoryTables tables, String code, String source) throws Refused {
        Map<ReturnFile, List<List<String>>> rows = new LinkedHashMap<>();
        List<ReturnFigure> figures = new ArrayList<>();
        // Per file and reason, the cells no return can carry: one reason is usually shared by many cells.
        Map<String, List<String>> uncarried = new LinkedHashMap<>();
        for (ReturnFile file : FILES) {
            RecordKind kind = schema.kind(file.kind());
            RowChecker checker = new RowChecker(kind, kind.fileName(), agency -> true);
            List<List<String>> fileRows = new ArrayList<>();
            long line = 1;   // the header row
            for (CellRef cell : cells(tables.format(), file.table())) {
                Map<String, String> byHeader = Map.of(AGENCY_CODE, code, YEAR, String.valueOf(tables.year()),
                        file.rowHeader(), cell.row(), file.columnHeader(), cell.column(), VALUE, TablesJson.plain(tables.value(cell)));
                List<String> row = kind.columns().stream().map(c -> byHeader.get(c.header())).toList();
                ParsedRow parsed = checker.check(new RawRow(++line, row.toArray(String[]::new), CsvWriter.line(row), null));
                if (parsed.rejected()) {
                    for (Rejection p : parsed.problems()) {
                        uncarried.computeIfAbsent(kind.fileName() + ", column " + p.column() + ": " + p.reason(), k -> new ArrayList<>())
                                .add(cell.toString());
                    }
                    continue;
                }
                fileRows.add(row);
                figures.add(new ReturnFigure(file.table(), (String) typed(kind, parsed, file.rowHeader()),
                        (String) typed(kind, parsed, file.columnHeader()), decimal(typed(kind, parsed, VALUE)).stripTrailingZeros(),
                        kind.fileName(), line));
            }
            rows.put(file, fileRows);
        }
        if (!uncarried.isEmpty()) {
            List<String> parts = new ArrayList<>();
            uncarried.forEach((reason, cells) -> parts.add(String.join(", ", cells.subList(0, Math.min(6, cells.size())))
                    + (cells.size() > 6 ? " and " + (cells.size() - 6) + " more" : "") + " (" + reason + ")"));
            throw new Refused(source + " is in the layout " + tables.format().id() + ", and the returns of the data contract cannot carry "
                    + uncarried.values().stream().flatMap(List::stream).distinct().count() + " of its cells: " + String.join("; ", parts));
        }
        loadsAsWritten(tables, code, figures, source);
        return rows;
    }

    /** The cells of one table in layout order: table 二 by block, row and column; tables 三 and 四 row by row, totals included. */
    static List<CellRef> cells(ReportFormat format, String table) {
        if (table.equals("table2")) {
            return format.table2Refs().stream().map(CellRef::parse).toList();
        }
        GridShape shape = format.shape(table);
        List<CellRef> cells = new ArrayList<>();
        for (GridShape.Row row : shape.rows()) {
            for (ReportFormat.Column column : shape.columns()) {
                cells.add(CellRef.of(table, row.key(), column.key()));
            }
        }
        return cells;
    }

    /** The rows, loaded as a run loads a return, must give back every cell of the report, or the return would state other figures. */
    private static void loadsAsWritten(StatutoryTables tables, String code, List<ReturnFigure> figures, String source) throws Refused {
        StatutoryTables loaded;
        try {
            loaded = ReturnTables.build(tables.format(), code, tables.agencyName(), tables.year(), figures, null);
        } catch (ReturnRefused e) {
            throw new Refused(source + " cannot be submitted as a return: " + String.join("; ", e.problems()));
        }
        List<String> differ = new ArrayList<>();
        for (ReturnFile file : FILES) {
            for (CellRef cell : cells(tables.format(), file.table())) {
                if (loaded.value(cell).compareTo(tables.value(cell)) != 0) {
                    differ.add(cell + " is " + TablesJson.plain(tables.value(cell)) + " but would load as " + TablesJson.plain(loaded.value(cell)));
                }
            }
        }
        if (!differ.isEmpty()) {
            throw new Refused(source + " cannot be submitted as a return: " + String.join("; ", differ));
        }
    }

    /**
     * The rows of a return file kept: those of other units or years, as read; the unit's new rows go where its
     * old ones began (at the end when there were none), so that exporting the same summary again gives the same file.
     */
    private record Kept(List<List<String>> rows, int insertAt) {}

    private static Kept otherRows(Path file, RecordKind kind, String code, int year) throws Refused {
        List<List<String>> kept = new ArrayList<>();
        int insertAt = -1;
        if (!Files.exists(file)) {
            return new Kept(kept, 0);
        }
        int agency = column(kind, AGENCY_CODE);
        int yearColumn = column(kind, YEAR);
        try {
            Charset charset = EncodingDetector.detect(file);
            CsvInput.checkQuotes(file, charset);
            try (CsvInput in = new CsvInput(file, charset, kind)) {
                for (RawRow row = in.next(); row != null; row = in.next()) {
                    if (row.structureProblem() != null) {
                        throw new Refused(new Rejection(file.toString(), row.line(), null, null, row.structureProblem()).describe()
                                + ": correct the file first, the export rewrites it with its other units' rows");
                    }
                    if (code.equals(row.values()[agency]) && String.valueOf(year).equals(row.values()[yearColumn])) {
                        insertAt = insertAt < 0 ? kept.size() : insertAt;
                        continue;   // this unit's return of the year: replaced
                    }
                    kept.add(Arrays.stream(row.values()).map(v -> v == null ? "" : v).toList());
                }
            }
        } catch (InputRefused e) {
            throw new Refused(file + ": " + e.getMessage() + " (the export rewrites this file with its other units' rows)");
        }
        return new Kept(kept, insertAt < 0 ? kept.size() : insertAt);
    }

    private static int column(RecordKind kind, String header) {
        return kind.columns().indexOf(kind.column(header));
    }

    private static Object typed(RecordKind kind, ParsedRow row, String header) {
        return row.values()[column(kind, header)];
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : BigDecimal.valueOf((Long) value);
    }
}
