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
import java.util.ArrayList;
import java.util.HashMap;
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
    private final ReportAudit audit;
    private final int year;
    private final Path yearDir;

    /** @param unitTables the units' tables of last year, for the cross-year rules */
    public SummaryReports(ReportFormat format, Templates templates, UnitTables unitTables, int year, Path yearDir) {
        this(format, format, templates, unitTables, year, yearDir);
    }

    /**
     * @param previousFormat the layout of last year's reports (a 2021 run's summaries are compared with 2020's,
     *                       laid out in gov-2019-60), or null when no layout covers last year
     */
    public SummaryReports(ReportFormat format, ReportFormat previousFormat, Templates templates, UnitTables unitTables,
                          int year, Path yearDir) {
        this.format = format;
        this.previousFormat = previousFormat;
        this.renderer = new ReportRenderer(format, templates);
        this.unitTables = unitTables;
        this.audit = new ReportAudit(format, new AuditPages(templates));
        this.year = year;
        this.yearDir = yearDir;
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
        new RollUp(previousFormat, year - 1).run(tree, unit -> unitTables.tablesOfYearBefore(unit, year), new RollUp.Sink() {
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
        Path dir = yearDir.resolve(agency.code()).resolve(DIR);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put(TablesJson.UNITS, units.stream().map(Agency::code).toList());
        // What the summary is built from is what its units' reports name: their record sets and input files.
        Map<String, Object> sources = new LinkedHashMap<>();
        for (Agency unit : units) {
            sources.put(unit.code(), TablesJson.JSON.readTree(unitFile(unit.code()).toFile()).get(TablesJson.SOURCES));
        }
        extensions.put(TablesJson.SOURCES, sources);
        Path tables = dir.resolve("tables.json");
        ReportFilesWriter.writeAtomically(tables, TablesJson.write(summary, extensions));
        ReportFilesWriter.writeAtomically(dir.resolve("report.html"), html.getBytes(StandardCharsets.UTF_8));
        ReportFilesWriter.writeAtomically(dir.resolve("report.pdf"), renderer.pdf(html));
        ReportFilesWriter.writeAtomically(dir.resolve(ReportDocx.FILE), ReportDocx.of(html, agency.name()));
        ReportFilesWriter.writeAtomically(dir.resolve(TablesWorkbook.FILE), TablesWorkbook.of(format, summary, html));

        // The catalogue on what was written: the summary read back as printed, against its units read back.
        PublishedTables written = ReportAudit.withTextFigures(TablesJson.readAsPrinted(tables, format), view.narrative());
        Validation v = audit.validate(written, lastYear, combined);
        for (Map.Entry<String, byte[]> f : audit.validationFiles(v).entrySet()) {
            ReportFilesWriter.writeAtomically(dir.resolve(f.getKey()), f.getValue());
        }
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
            t = TablesJson.read(file, format);
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
