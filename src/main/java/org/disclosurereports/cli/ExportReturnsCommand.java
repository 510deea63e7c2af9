package org.disclosurereports.cli;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.inputs.CsvInput;
import org.disclosurereports.inputs.EncodingDetector;
import org.disclosurereports.inputs.FieldType;
import org.disclosurereports.inputs.InputRefused;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.outputs.ReturnFiles;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code export-returns --out DIR --year YYYY --unit CODE --to DIR [--as CODE]}: a summary built by a run
 * ({@code <out>/<year>/<unit>/summary/tables.json}) written as the returns of the data contract into the
 * data directory of the level above, where the unit is one agency of its agencies.csv and reports by return.
 */
@Component
public class ExportReturnsCommand implements Command {

    private final ReportFormats formats;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public ExportReturnsCommand() {
        this(ReportFormats.shipped(), System.out, System.err);
    }

    ExportReturnsCommand(ReportFormats formats, PrintStream out, PrintStream err) {
        this.formats = formats;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "export-returns";
    }

    @Override
    public String usage() {
        return """
                export-returns --out DIR --year YYYY --unit CODE --to DIR [--as CODE]
                    write the summary a run built for CODE (DIR/YYYY/CODE/summary/tables.json) as submitted returns
                    (returns_table2.csv, returns_table3.csv, returns_table4.csv) into the data directory of the level
                    above, where CODE is one agency of its agencies.csv: every cell, totals as checks; rows of other
                    units and years already in those files are kept, this unit's of the year replaced
                    --out   the output directory of the run that built the summary
                    --to    the data directory of the level above
                    --as    the unit's agency_code there (default: CODE)
                    exit 0: written; 3: the summary cannot be read or carried by a return, or a file in --to cannot be rewritten""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("out", "year", "unit", "to", "as");
    }

    /** Reads one file and writes three: no database. */
    @Override
    public Needs needs(Options options) {
        return Needs.NOTHING;
    }

    @Override
    public void check(Options options) {
        options.year();
        options.path("out");
        options.path("to");
        code(options.required("unit"), "unit");
        if (options.optional("as") != null) {
            code(options.optional("as"), "as");
        }
    }

    private static void code(String value, String option) {
        try {
            FieldType.CODE.parse(value);
        } catch (FieldType.Problem e) {
            throw new UsageException("--" + option + " '" + value + "' is no agency_code: " + e.getMessage());
        }
    }

    @Override
    public ExitCode execute(Options options) {
        check(options);
        int year = options.year();
        String unit = options.required("unit");
        String as = options.optional("as") == null ? unit : options.optional("as");
        Path to = options.path("to");
        Path unitDir = options.path("out").resolve(String.valueOf(year)).resolve(unit);
        Path file = unitDir.resolve("summary").resolve("tables.json");
        try {
            Summary summary = read(file, unitDir, unit, year);
            StatutoryTables tables = summary.tables();
            if (Files.exists(to) && !Files.isDirectory(to)) {
                throw new ReturnFiles.Refused("--to " + to + " is a file, not a data directory");
            }
            InputSchema schema = new InputSchema(formats);
            List<ReturnFiles.Written> written = new ReturnFiles(schema).write(tables, as, to, file.toString());
            out.printf("Wrote the %d summary of %s (%s, %d units) as the return of %s into %s:%n", year, unit, tables.agencyName(),
                    summary.root().path(TablesJson.UNITS).size(), as, to);
            for (ReturnFiles.Written w : written) {
                out.printf("  %s: %d rows%s%n", w.file().getFileName(), w.rows(),
                        w.keptRows() == 0 ? "" : ", " + w.keptRows() + " rows of other units and years kept");
            }
            if (tables.processingFeesYuan() != null) {
                out.println("Not in a return: the 信息处理费 of " + TablesJson.plain(tables.processingFeesYuan())
                        + " 元 (processing_fees_yuan); the report above leaves it to write.");
            }
            listed(schema.kind(InputSchema.AGENCIES), to, as, tables.agencyName());
            return ExitCode.OK;
        } catch (ReturnFiles.Refused e) {
            err.println("Refused: " + e.getMessage());
            return ExitCode.INPUT_REFUSED;
        }
    }

    private record Summary(JsonNode root, StatutoryTables tables) {}

    /** The summary as written by a run, read strictly: every part a number and every total the sum of its parts. */
    private Summary read(Path file, Path unitDir, String unit, int year) throws ReturnFiles.Refused {
        if (!Files.isRegularFile(file)) {
            throw new ReturnFiles.Refused(file + " does not exist: " + (Files.isDirectory(unitDir)
                    ? unit + " has no summary of " + year + " (it has no units under it in agencies.csv, or its summary failed: see run-summary.json)"
                    : "no report of " + unit + " for " + year + " under " + unitDir.getParent() + " (run the year first)"));
        }
        try {
            JsonNode root = TablesJson.JSON.readTree(file.toFile());
            ReportFormat format = TablesJson.formatOf(root, formats, file.toString());
            StatutoryTables tables = TablesJson.read(root, format);
            if (tables.year() != year || !unit.equals(tables.agencyCode()) || !StatutoryTables.SCOPE_SUMMARY.equals(tables.scope())) {
                throw new ReturnFiles.Refused(file + " is the " + tables.scope() + " of " + tables.agencyCode() + " for " + tables.year()
                        + ", not the summary of " + unit + " for " + year);
            }
            return new Summary(root, tables);
        } catch (IOException | IllegalArgumentException | TablesJson.Unreadable e) {
            throw new ReturnFiles.Refused(file + ": " + e.getMessage());
        }
    }

    /** The level above must list the unit in its agencies.csv, or its run rejects every row of the return. */
    private void listed(RecordKind agencies, Path to, String code, String name) {
        Path file = to.resolve(agencies.fileName());
        String row = code + "," + name + ",PARENT_CODE";
        if (!Files.isRegularFile(file)) {
            err.println("Note: " + to + " has no " + agencies.fileName() + " yet: list " + code + " in it under its parent (" + row + ").");
            return;
        }
        try {
            Charset charset = EncodingDetector.detect(file);
            try (CsvInput in = new CsvInput(file, charset, agencies)) {
                int column = agencies.columns().indexOf(agencies.column("agency_code"));
                for (RawRow r = in.next(); r != null; r = in.next()) {
                    if (code.equals(r.values()[column])) {
                        return;
                    }
                }
            }
            err.println("Note: " + file + " lists no agency " + code + ": add it under its parent (" + row + "), or the run rejects its returns.");
        } catch (InputRefused e) {
            err.println("Note: " + file + " cannot be read to see whether it lists " + code + ": " + e.getMessage());
        }
    }
}
