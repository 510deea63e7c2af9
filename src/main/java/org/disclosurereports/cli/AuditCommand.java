package org.disclosurereports.cli;

import org.disclosurereports.core.counting.Evidence;
import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.rules.Auditor;
import org.disclosurereports.core.rules.Finding;
import org.disclosurereports.core.rules.RuleCatalogue;
import org.disclosurereports.core.rules.Validation;
import org.disclosurereports.inputs.published.ImportedReport;
import org.disclosurereports.inputs.published.PublishedImport;
import org.disclosurereports.outputs.PublishedAudits;
import org.disclosurereports.outputs.ReportFilesWriter;
import org.disclosurereports.render.Templates;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.RecordWindow;
import org.disclosurereports.store.TablesFromRecords;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code audit --tables FILE [--previous FILE] [--units FILE,…] [--agency CODE --year YYYY] [--json FILE]}:
 * checks a published report's figures (disclosure-tables/v1, blank cells allowed, totals as printed)
 * against the rule catalogue, prints each finding, and exits 5 when a blocking rule fails.
 * {@code audit --rules} prints the catalogue.
 */
@Component
public class AuditCommand implements Command {

    /** A published file is read in the layout it names, or else in its year's: a 2020 report in gov-2019-60. */
    private final ReportFormats formats;
    private final ObjectProvider<RecordStore> store;
    private final PrintStream out;
    private final PrintStream err;
    private final PublishedImport importer = PublishedImport.shipped();

    @Autowired
    public AuditCommand(ReportFormats formats, ObjectProvider<RecordStore> store) {
        this(formats, store, System.out, System.err);
    }

    /** Audit of files only, before and without the application: the records are not at hand ({@link #needs}). */
    public AuditCommand() {
        this(ReportFormats.shipped(), null, System.out, System.err);
    }

    AuditCommand(ReportFormats formats, ObjectProvider<RecordStore> store, PrintStream out, PrintStream err) {
        this.formats = formats;
        this.store = store;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "audit";
    }

    /** A published file is audited without the database; comparing it with the records ({@code --agency}, {@code --year}) needs it. */
    @Override
    public Needs needs(Options options) {
        return options.optional("agency") != null || options.optional("year") != null ? Needs.DATABASE : Needs.NOTHING;
    }

    @Override
    public String usage() {
        return """
                audit --tables FILE [--previous FILE] [--units FILE,FILE…] [--agency CODE --year YYYY] [--json FILE]
                audit --html FILE | --pdf FILE [--previous FILE] [--json FILE]
                audit --published DIR [--previous DIR] [--out DIR]
                audit --rules
                    check a published report's figures against the rule catalogue (audit/rules.yaml)
                    --tables    the report's tables, schema disclosure-tables/v1 (blank cells: null)
                    --html, --pdf  the report as published (a web page or a PDF), read as import reads it; each finding
                                says where its cells are printed (table, row, column; page for PDF)
                    --published every .html, .htm and .pdf in DIR, each against last year's report of the same agency
                                found in DIR or in --previous DIR; writes FILE.findings.json per report and
                                summary.html and summary.csv into --out (default DIR/audit)
                    --previous  last year's report of the same agency: adds the cross-year rules (E1, E2, Y1)
                    --units     the reports a summary report combines: adds the roll-up rule (G)
                    --agency, --year  also compare every cell with the figures recomputed from the records in the database (R1)
                    --json      write the findings as validation.json to FILE
                    --rules     print the rule catalogue
                    exit 0: no blocking finding (warnings allowed); 5: a blocking rule failed; 3: an input cannot be read""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("tables", "html", "pdf", "published", "out", "previous", "units", "agency", "year", "json");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("rules");
    }

    @Override
    public ExitCode execute(Options options) {
        if (options.flag("rules")) {
            printCatalogue(RuleCatalogue.shipped());
            return ExitCode.OK;
        }
        if (options.optional("published") != null) {
            return auditFolder(options);
        }
        PublishedSource source = PublishedSource.optional(options);
        if (source != null && options.optional("tables") != null) {
            throw new UsageException("give the report once: --tables FILE, --html FILE or --pdf FILE");
        }
        Path tablesFile = source == null ? options.path("tables") : source.file();
        ImportedReport imported = null;
        String agency = options.optional("agency");
        boolean againstRecords = agency != null || options.optional("year") != null;
        int year = againstRecords ? options.year() : 0;
        if (againstRecords && agency == null) {
            throw new UsageException("--year compares with the records and needs --agency CODE as well");
        }
        Auditor.Subject subject;
        try {
            PublishedTables report;
            if (source != null) {
                imported = source.read(importer);
                report = imported.tables();
            } else {
                report = read("tables", tablesFile);
            }
            subject = Auditor.Subject.of(report);
            if (options.optional("previous") != null) {
                PublishedTables previous = readAny("previous", options.path("previous"));
                if (report.year() != null && previous.year() != null && previous.year() != report.year() - 1) {
                    err.println("Refused: --previous is the report of " + previous.year() + ", not of " + (report.year() - 1)
                            + ", the year before " + tablesFile + " (" + report.year() + ").");
                    return ExitCode.INPUT_REFUSED;
                }
                subject = subject.withPrevious(previous);
            }
            if (options.optional("units") != null) {
                List<PublishedTables> units = new ArrayList<>();
                for (String f : options.optional("units").split(",")) {
                    units.add(read("units", Path.of(f.strip())));
                }
                subject = subject.withUnits(units);
            }
            if (againstRecords) {
                if (report.year() != null && report.year() != year) {
                    err.println("Refused: " + tablesFile + " is the report of " + report.year() + ", not of --year " + year + ".");
                    return ExitCode.INPUT_REFUSED;
                }
                Optional<PublishedTables> records = fromRecords(agency, year, report.format());
                if (records.isEmpty()) {
                    err.println("Refused: there is no agency " + agency + " in the database (load it with run first).");
                    return ExitCode.INPUT_REFUSED;
                }
                subject = subject.withRecords(records.get());
            }
        } catch (TablesJson.Unreadable | PublishedSource.Unreadable e) {
            err.println("Refused: " + e.getMessage());
            return ExitCode.INPUT_REFUSED;
        }
        Validation v = Auditor.shipped(subject.report().format()).audit(subject);
        print(tablesFile, v, imported);
        String json = options.optional("json");
        if (json != null) {
            try {
                ReportFilesWriter.writeAtomically(Path.of(json).toAbsolutePath(), v.toJson());
            } catch (IOException e) {
                err.println("Could not write " + json + ": " + e.getMessage());
                return ExitCode.FAILED;
            }
        }
        return v.blocking().isEmpty() ? ExitCode.OK : ExitCode.BLOCKING_FINDINGS;
    }

    /** A missing file is not a JSON error: say which option names which absent file. */
    private PublishedTables read(String option, Path file) throws TablesJson.Unreadable {
        if (!Files.exists(file)) {
            throw new TablesJson.Unreadable("--" + option + " " + file + ": the file does not exist (looked for "
                    + file.toAbsolutePath().normalize() + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new TablesJson.Unreadable("--" + option + " " + file + ": is a directory, not a tables.json file");
        }
        return TablesJson.readAsPrinted(file, formats);
    }

    /** Last year's report: tables.json, or a published page or PDF, by the file's name. */
    private PublishedTables readAny(String option, Path file) throws TablesJson.Unreadable, PublishedSource.Unreadable {
        String kind = PublishedImport.kindOf(file);
        return kind == null ? read(option, file) : new PublishedSource(kind, file).read(importer).tables();
    }

    /**
     * Every published report of a folder, each against last year's of the same agency (by name and year) from
     * the folder or {@code --previous DIR}; a file that cannot be read is named and the others are audited.
     */
    private ExitCode auditFolder(Options options) {
        Path dir = options.path("published");
        if (!Files.isDirectory(dir)) {
            err.println("Refused: --published " + dir + ": not a directory (looked for " + dir.toAbsolutePath().normalize() + ")");
            return ExitCode.INPUT_REFUSED;
        }
        Path outDir = options.optional("out") == null ? dir.resolve("audit") : options.path("out");
        boolean refused = false;
        List<ImportedReport> reports = new ArrayList<>();
        List<ImportedReport> pool = new ArrayList<>();
        try {
            for (Path file : publishedFiles(dir)) {
                try {
                    ImportedReport r = new PublishedSource(PublishedImport.kindOf(file), file).read(importer);
                    reports.add(r);
                    pool.add(r);
                } catch (PublishedSource.Unreadable e) {
                    err.println("Refused: " + e.getMessage());
                    refused = true;
                }
            }
            if (options.optional("previous") != null) {
                for (Path file : publishedFiles(options.path("previous"))) {
                    try {
                        pool.add(new PublishedSource(PublishedImport.kindOf(file), file).read(importer));
                    } catch (PublishedSource.Unreadable e) {
                        err.println("Refused: " + e.getMessage());
                        refused = true;
                    }
                }
            }
        } catch (IOException e) {
            err.println("Refused: cannot list " + e.getMessage());
            return ExitCode.INPUT_REFUSED;
        }
        List<PublishedAudits.Audited> audited = new ArrayList<>();
        for (ImportedReport r : reports) {
            Auditor.Subject subject = Auditor.Subject.of(r.tables());
            Optional<ImportedReport> previous = pool.stream().filter(p -> sameAgencyYearBefore(r, p)).findFirst();
            if (previous.isPresent()) {
                subject = subject.withPrevious(previous.get().tables());
            }
            Validation v = Auditor.shipped(r.tables().format()).audit(subject);
            audited.add(new PublishedAudits.Audited(r, v));
            out.printf("%-40s %-24s %-5s %-4s %3d read %3d unreadable  %d blocking, %d warnings%s%n", r.document().file().getFileName(),
                    orDash(v.agencyName()), v.year() == null ? "—" : v.year(), r.document().kind(), r.cellsRead(), r.cellsUnreadable(),
                    v.blocking().size(), v.warnings().size(), previous.map(p -> " (against " + p.document().file().getFileName() + ")").orElse(""));
        }
        try {
            Files.createDirectories(outDir);
            PublishedAudits.write(outDir, audited, Templates.shipped());
        } catch (IOException e) {
            err.println("Could not write " + outDir + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        long blocking = audited.stream().filter(a -> !a.validation().blocking().isEmpty()).count();
        out.println(audited.size() + " reports audited, " + blocking + " with blocking findings. Summary: "
                + outDir.resolve("summary.html") + " and summary.csv; findings per report beside them.");
        return blocking > 0 ? ExitCode.BLOCKING_FINDINGS : refused ? ExitCode.INPUT_REFUSED : ExitCode.OK;
    }

    private static boolean sameAgencyYearBefore(ImportedReport report, ImportedReport candidate) {
        PublishedTables r = report.tables();
        PublishedTables c = candidate.tables();
        return r.agencyName() != null && r.agencyName().equals(c.agencyName()) && r.year() != null && c.year() != null
                && c.year() == r.year() - 1;
    }

    private static List<Path> publishedFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> PublishedImport.kindOf(f) != null).sorted().toList();
        }
    }

    private Optional<PublishedTables> fromRecords(String agencyCode, int year, ReportFormat format) {
        RecordStore s = store.getObject();
        Optional<Agency> agency = s.agency(agencyCode);
        return agency.map(a -> {
            StatutoryTables t = new TablesFromRecords(format, RecordWindow.eachAlone(s, year)).agency(a, year, Evidence.NONE);
            return PublishedTables.of(format, t);
        });
    }

    private void print(Path file, Validation v, ImportedReport imported) {
        out.println("Audit of " + file + (v.agencyCode() == null ? "" : " (" + v.agencyCode() + " " + v.agencyName() + ", " + v.year() + ")"));
        for (Finding f : v.findings()) {
            String label = f.status() == Finding.Status.unchecked ? "UNCHECKED" : f.severity() == RuleCatalogue.Severity.blocking ? "BLOCKING" : "WARNING";
            out.printf("%-9s %-3s %s%s%n", label, f.rule(), f.cell(),
                    f.status() == Finding.Status.unchecked ? "" : "  expected " + orDash(f.expected()) + ", actual " + orDash(f.actual()));
            out.println("              " + f.messageZh());
            out.println("              " + f.messageEn());
            if (imported != null) {
                for (String at : PublishedAudits.printedAt(imported, f)) {
                    out.println("              at " + at);
                }
            }
        }
        List<String> notApplied = v.rules().stream().filter(r -> !r.applied()).map(r -> r.id() + " (" + r.notApplied() + ")").toList();
        out.printf("%d blocking, %d warning%s, %d could not be checked (blank cells). Result: %s.%n", v.blocking().size(),
                v.warnings().size(), v.warnings().size() == 1 ? "" : "s", v.unchecked().size(), v.result());
        if (!notApplied.isEmpty()) {
            out.println("Not applied: " + String.join("; ", notApplied));
        }
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }

    private void printCatalogue(RuleCatalogue c) {
        out.println("Audit rules (" + RuleCatalogue.RESOURCE + "):");
        for (RuleCatalogue.Rule r : c.rules()) {
            out.printf("%-3s %-8s %-15s %s%n", r.id(), r.severity(), r.check(), r.title().zh());
            out.printf("%-28s %s%n", "", r.title().en());
            out.printf("%-28s %s%n", "", r.section());
        }
    }
}
