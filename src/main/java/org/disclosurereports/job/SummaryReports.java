package org.disclosurereports.job;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.rollup.AgencyTree;
import org.disclosurereports.core.rollup.RollUp;
import org.disclosurereports.core.rollup.SummaryNarrative;
import org.disclosurereports.core.rollup.UnitTables;
import org.disclosurereports.core.rules.Validation;
import org.disclosurereports.outputs.ComplianceFiles;
import org.disclosurereports.outputs.ReportFilesWriter;
import org.disclosurereports.outputs.office.ReportDocx;
import org.disclosurereports.outputs.office.TablesWorkbook;
import org.disclosurereports.render.AuditPages;
import org.disclosurereports.render.ReportRenderer;
import org.disclosurereports.render.ReportView;
import org.disclosurereports.render.Templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The summary reports of a run: for every agency with children, {@code <out>/<year>/<code>/summary/}
 * with report.html, report.pdf, report.docx, tables.xlsx, tables.json (scope summary, plus the combined unit codes) and
 * validation.json/.html: the rule catalogue on the files as written, the roll-up rule (G) against the
 * units' files, and the cross-year rules against last year's summary, rolled up the same way from the
 * units' tables of last year. Built from the units' tables.json of this run in one pass over the tree
 * ({@link RollUp}); a summary is never built from records again.
 */
public final class SummaryReports {

    public static final String DIR = "summary";

    private final ReportFormat format;
    private final ReportFormat previousFormat;
    private final ReportRenderer renderer;
    private final UnitTables unitTables;
    private final YearBeforeTables yearBefore;
    private final ReportAudit audit;
    private final int year;
    private final Path yearDir;
    private final String madeWith;
    private final boolean force;
    private final long run;
    private final Map<Path, String> unitFileDigests = new HashMap<>();

    /**
     * @param previousFormat the layout of last year's reports (a 2021 run's summaries are compared with 2020's,
     *                       laid out in gov-2019-60), or null when no layout covers last year
     * @param unitTables     counts a unit's tables of last year where its report did not keep them ({@link YearBeforeTables})
     * @param madeWith       what every report of the run is made from besides its own inputs ({@link UnitFingerprint#common})
     * @param force          build every summary, even one whose inputs are those it was last built from
     * @param run            the run (job instance) building them, as the units' fingerprints name it
     */
    public SummaryReports(ReportFormat format, ReportFormat previousFormat, Templates templates, UnitTables unitTables,
                          int year, Path yearDir, String madeWith, boolean force, long run) {
        this.format = format;
        this.previousFormat = previousFormat;
        this.renderer = new ReportRenderer(format, templates);
        this.unitTables = unitTables;
        this.yearBefore = new YearBeforeTables(yearDir, previousFormat);
        this.audit = new ReportAudit(format, new AuditPages(templates));
        this.year = year;
        this.yearDir = yearDir;
        this.madeWith = madeWith;
        this.force = force;
        this.run = run;
    }

    /** The units (depth first) whose tables of last year must be counted from records: those their reports did not keep. */
    public static List<String> yearBeforeToCount(List<Agency> agencies, Path yearDir, ReportFormat previousFormat) {
        YearBeforeTables kept = new YearBeforeTables(yearDir, previousFormat);
        return new AgencyTree(agencies).depthFirst().stream().map(Agency::code).filter(c -> !kept.kept(c)).toList();
    }

    /**
     * @param failedUnits units whose own report failed in this run: summaries above them are not built
     * @return the summaries that could not be built, by agency code, with the reason
     */
    public Map<String, String> build(List<Agency> agencies, Set<String> failedUnits) {
        AgencyTree tree = new AgencyTree(agencies);
        Map<String, StatutoryTables> lastYear = lastYearSummaries(tree);
        Map<String, String> failed = new LinkedHashMap<>();
        new RollUp(format, year).run(tree, unit -> failedUnits.contains(unit.code()) ? null : unitTables(unit.code()), new RollUp.Sink() {
            @Override
            public void summary(Agency agency, StatutoryTables summary, List<Agency> units) {
                try {
                    write(agency, summary, units, lastYear.get(agency.code()));
                } catch (RuntimeException | IOException | TablesJson.Unreadable e) {
                    failed.put(agency.code(), RunSummary.describe(e));
                    removeStale(agency);
                }
            }

            @Override
            public void failed(Agency agency, String reason) {
                failed.put(agency.code(), reason);
                removeStale(agency);
            }
        });
        return failed;
    }

    /** Last year's summaries where every unit under them has last year's tables; the others are left out. */
    private Map<String, StatutoryTables> lastYearSummaries(AgencyTree tree) {
        Map<String, StatutoryTables> summaries = new HashMap<>();
        if (previousFormat == null) {
            return summaries;
        }
        new RollUp(previousFormat, year - 1).run(tree, unit -> yearBefore.kept(unit.code())
                ? yearBefore.of(unit.code()) : unitTables.tablesOfYearBefore(unit, year), new RollUp.Sink() {
            @Override
            public void summary(Agency agency, StatutoryTables summary, List<Agency> units) {
                summaries.put(agency.code(), summary);
            }

            @Override
            public void failed(Agency agency, String reason) {
                // Without last year's summary the cross-year rules say they were not applied.
            }
        });
        return summaries;
    }

    private void write(Agency agency, StatutoryTables summary, List<Agency> units, StatutoryTables lastYear)
            throws IOException, TablesJson.Unreadable {
        Path dir = yearDir.resolve(agency.code()).resolve(DIR);
        String fingerprint = fingerprint(agency, units, lastYear);
        if (!force && NightlyReportBuilder.unchanged(dir, fingerprint, run)) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<PublishedTables> combined = new ArrayList<>();
        List<SummaryNarrative.Unit> stated = new ArrayList<>();
        for (Agency unit : units) {
            PublishedTables t = TablesJson.readAsPrinted(unitFile(unit.code()), format);
            combined.add(t);
            stated.add(new SummaryNarrative.Unit(unit.name(), t.get(CellRef.PROCESSING_FEES), statedFigures(unit.code())));
        }
        ReportNarrative narrative = SummaryNarrative.of(ReportNarrative.of(format, summary), stated);
        ReportView view = ReportView.of(format, agency, summary, units.stream().map(Agency::name).toList(), narrative);
        String html = renderer.html(view);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put(TablesJson.UNITS, units.stream().map(Agency::code).toList());
        // What the summary is built from is what its units' reports name: their record sets and input files.
        Map<String, Object> sources = new LinkedHashMap<>();
        for (Agency unit : units) {
            sources.put(unit.code(), TablesJson.JSON.readTree(unitFile(unit.code()).toFile()).get(TablesJson.SOURCES));
        }
        extensions.put(TablesJson.SOURCES, sources);
        Path tables = dir.resolve("tables.json");
        writeFile(dir, "tables.json", TablesJson.write(summary, extensions), names);
        writeFile(dir, "report.html", html.getBytes(StandardCharsets.UTF_8), names);
        writeFile(dir, "report.pdf", renderer.pdf(html), names);
        writeFile(dir, ReportDocx.FILE, ReportDocx.of(html, agency.name()), names);
        writeFile(dir, TablesWorkbook.FILE, TablesWorkbook.of(format, summary, html), names);

        // The catalogue on what was written: the summary read back as printed, against its units read back.
        PublishedTables written = ReportAudit.withTextFigures(TablesJson.readAsPrinted(tables, format), view.narrative());
        Validation v = audit.validate(written, lastYear, combined);
        for (Map.Entry<String, byte[]> f : audit.validationFiles(v).entrySet()) {
            writeFile(dir, f.getKey(), f.getValue(), names);
        }
        // Written last, as a unit's: a crash before it leaves the summary to be built again.
        ReportFilesWriter.writeAtomically(dir.resolve(NightlyReportBuilder.FINGERPRINT_FILE),
                NightlyReportBuilder.fingerprintFile(fingerprint, run, names));
    }

    private static void writeFile(Path dir, String name, byte[] content, List<String> names) throws IOException {
        ReportFilesWriter.writeAtomically(dir.resolve(name), content);
        names.add(name);
    }

    /**
     * What a summary is made from, as a SHA-256: what every report of the run is made from, the agency,
     * and for each unit combined its row of agencies.csv and the files of its own report the summary reads (tables.json,
     * scorecard.json), then last year's summary as rolled up. Equal fingerprints, equal summary files.
     */
    private String fingerprint(Agency agency, List<Agency> units, StatutoryTables lastYear) throws IOException {
        MessageDigest md = UnitFingerprint.digest();
        UnitFingerprint.update(md, "summary|" + madeWith + "|year " + year + "|" + agency);
        for (Agency unit : units) {
            Path scorecard = yearDir.resolve(unit.code()).resolve(ComplianceFiles.SCORECARD_JSON);
            UnitFingerprint.update(md, "|unit " + unit
                    + " tables " + digestOf(unitFile(unit.code()))
                    + " scorecard " + (Files.isRegularFile(scorecard) ? digestOf(scorecard) : "none"));
        }
        UnitFingerprint.update(md, "|last year " + (lastYear == null ? "none" : UnitFingerprint.sha256(TablesJson.write(lastYear))));
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The SHA-256 of a unit's file, read once per run: a unit is in the fingerprint of every summary
     * above it, and the units' reports are written before the summaries are built.
     */
    private String digestOf(Path file) throws IOException {
        String digest = unitFileDigests.get(file);
        if (digest == null) {
            digest = UnitFingerprint.sha256(Files.readAllBytes(file));
            unitFileDigests.put(file, digest);
        }
        return digest;
    }

    /** The figures a unit's own report states beyond its tables (its scorecard's), empty when it has none. */
    private Map<String, String> statedFigures(String code) throws IOException {
        Path file = yearDir.resolve(code).resolve(ComplianceFiles.SCORECARD_JSON);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<String, String> figures = new LinkedHashMap<>();
        TablesJson.JSON.readTree(file.toFile()).path("figures").fields()
                .forEachRemaining(e -> figures.put(e.getKey(), e.getValue().asText()));
        return figures;
    }

    private Path unitFile(String code) {
        return yearDir.resolve(code).resolve("tables.json");
    }

    private StatutoryTables unitTables(String code) {
        Path file = unitFile(code);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        StatutoryTables t;
        try {
            byte[] bytes = Files.readAllBytes(file);
            unitFileDigests.put(file, UnitFingerprint.sha256(bytes));
            t = TablesJson.read(TablesJson.JSON.readTree(bytes), format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (t.year() != year || !StatutoryTables.SCOPE_AGENCY.equals(t.scope())) {
            throw new IllegalStateException(file + " is not " + code + "'s own report for " + year);
        }
        return t;
    }

    /** A summary that failed now must not be listed with figures from an earlier run. */
    private void removeStale(Agency agency) {
        AnnualReportJobConfiguration.deleteTree(yearDir.resolve(agency.code()).resolve(DIR));
    }
}
