package org.disclosurereports.job;

import org.disclosurereports.outputs.ReportFilesWriter;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.render.ReportRenderer;
import org.disclosurereports.render.ReportView;
import org.disclosurereports.core.rollup.AgencyTree;
import org.disclosurereports.core.rollup.RollUp;
import org.disclosurereports.core.rules.RollUpCheck;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The summary reports of a run: for every agency with children, {@code <out>/<year>/<code>/summary/}
 * with report.html, report.pdf, tables.json (scope summary, plus the combined unit codes) and
 * checks.json (rule G and identities A–D on the files as written). Built from the units' tables.json
 * of this run in one pass over the tree ({@link RollUp}); a summary is never built from records again.
 */
public final class SummaryReports {

    public static final String DIR = "summary";
    public static final String CHECKS = "checks.json";

    private final ReportFormat format;
    private final ReportRenderer renderer;
    private final int year;
    private final Path yearDir;

    public SummaryReports(ReportFormat format, ReportRenderer renderer, int year, Path yearDir) {
        this.format = format;
        this.renderer = renderer;
        this.year = year;
        this.yearDir = yearDir;
    }

    /**
     * @param failedUnits units whose own report failed in this run: summaries above them are not built
     * @return the summaries that could not be built, by agency code, with the reason
     */
    public Map<String, String> build(List<Agency> agencies, Set<String> failedUnits) {
        AgencyTree tree = new AgencyTree(agencies);
        Map<String, String> failed = new LinkedHashMap<>();
        new RollUp(format, year).run(tree, unit -> failedUnits.contains(unit.code()) ? null : unitTables(unit.code()), new RollUp.Sink() {
            @Override
            public void summary(Agency agency, StatutoryTables summary, List<Agency> units) {
                try {
                    write(agency, summary, units);
                } catch (RuntimeException | IOException e) {
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

    private void write(Agency agency, StatutoryTables summary, List<Agency> units) throws IOException {
        ReportView view = ReportView.of(format, agency, summary, units.stream().map(Agency::name).toList());
        String html = renderer.html(view);
        Path dir = yearDir.resolve(agency.code()).resolve(DIR);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("units", units.stream().map(Agency::code).toList());
        ReportFilesWriter.writeAtomically(dir.resolve("tables.json"), ReportBuilder.tablesJson(summary, extensions));
        ReportFilesWriter.writeAtomically(dir.resolve("report.html"), html.getBytes(StandardCharsets.UTF_8));
        ReportFilesWriter.writeAtomically(dir.resolve("report.pdf"), renderer.pdf(html));

        // Rule G on what was written: the summary read back against its units read back.
        RollUpCheck check = new RollUpCheck(format);
        for (Agency unit : units) {
            check.addUnit(unitTables(unit.code()));
        }
        List<String> failures = check.failures(read(dir.resolve("tables.json")));
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("schema", "disclosure-summary-checks/v1");
        checks.put("agency_code", agency.code());
        checks.put("year", year);
        checks.put("units", check.units());
        checks.put("rules", List.of("G", "A", "B", "C", "D"));
        checks.put("status", failures.isEmpty() ? "passed" : "failed");
        checks.put("failures", failures);
        ReportFilesWriter.writeAtomically(dir.resolve(CHECKS), (TablesJson.JSON.writeValueAsString(checks) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private StatutoryTables unitTables(String code) {
        Path file = yearDir.resolve(code).resolve("tables.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        StatutoryTables t = read(file);
        if (t.year() != year || !StatutoryTables.SCOPE_AGENCY.equals(t.scope())) {
            throw new IllegalStateException(file + " is not " + code + "'s own report for " + year);
        }
        return t;
    }

    private StatutoryTables read(Path file) {
        try {
            JsonNode json = TablesJson.JSON.readTree(file.toFile());
            return TablesJson.read(json, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A summary that failed now must not be listed with figures from an earlier run. */
    private void removeStale(Agency agency) {
        AnnualReportJobConfiguration.deleteTree(yearDir.resolve(agency.code()).resolve(DIR));
    }
}
