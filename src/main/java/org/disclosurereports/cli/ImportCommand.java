package org.disclosurereports.cli;

import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.inputs.published.ImportedReport;
import org.disclosurereports.inputs.published.PublishedImport;
import org.disclosurereports.outputs.ReportFilesWriter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code import --html FILE | --pdf FILE [--out FILE]}: reads a report as it was published into
 * tables.json (disclosure-tables/v1 as printed: blank or unreadable cells null, never 0), with the
 * numbers its text quotes, the layout it matched and what could not be matched.
 */
@Component
public class ImportCommand implements Command {

    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public ImportCommand() {
        this(System.out, System.err);
    }

    ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return """
                import --html FILE [--out FILE]
                import --pdf FILE [--out FILE]
                    read a published annual report (an HTML page or a PDF) into tables.json (disclosure-tables/v1):
                    tables found by their statutory labels in every shipped layout, blank or unreadable cells null,
                    the numbers the text quotes (text_figures), and what could not be matched with its position
                    --out   write tables.json to FILE (default: standard output)
                    exit 0: read (unmatched parts are listed on standard error); 3: the file cannot be read""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("html", "pdf", "out");
    }

    @Override
    public ExitCode execute(Options options) {
        PublishedSource source = PublishedSource.of(options);
        ImportedReport report;
        try {
            report = source.read(PublishedImport.shipped());
        } catch (PublishedSource.Unreadable e) {
            err.println("Refused: " + e.getMessage());
            return ExitCode.INPUT_REFUSED;
        }
        byte[] json = TablesJson.write(report.tables(), report.extensions());
        for (ImportedReport.Unmatched u : report.unmatched()) {
            err.println("Not matched: " + u.text() + (u.place() == null ? "" : " (" + u.place() + ")") + ": " + u.reason());
        }
        err.printf("Read %s as %s: %d cells read, %d blank, %d unreadable, %d numbers quoted in the text.%n", source.file(),
                report.format(), report.cellsRead(), report.blankCells(), report.cellsUnreadable(), report.tables().textFigures().size());
        String target = options.optional("out");
        if (target == null) {
            out.print(new String(json, StandardCharsets.UTF_8));
            return ExitCode.OK;
        }
        try {
            Path file = Path.of(target).toAbsolutePath();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            ReportFilesWriter.writeAtomically(file, json);
        } catch (IOException e) {
            err.println("Could not write " + target + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }
}
