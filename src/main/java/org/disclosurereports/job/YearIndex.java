package org.disclosurereports.job;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.rollup.AgencyTree;
import org.disclosurereports.outputs.ReportFilesWriter;
import org.disclosurereports.outputs.SealMarks;
import org.disclosurereports.outputs.office.YearWorkbook;
import org.disclosurereports.render.IndexPage;
import org.disclosurereports.render.Templates;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code <out>/<year>/index.html}: every report of the year found in the output directory (a run for
 * one agency leaves the others listed), read back from their tables.json, and this run's input files.
 * Units and summaries are placed in the agency tree; a unit without data for the year is marked, and
 * reports that failed are listed with the reason instead of figures. Beside it, {@code tables.xlsx}:
 * the same reports' figures, one row each ({@link YearWorkbook}).
 */
public final class YearIndex {

    private final ReportFormat format;
    private final IndexPage page;

    public YearIndex(ReportFormat format, Path templates) {
        this.format = format;
        this.page = new IndexPage(format, new Templates(templates));
    }

    public void write(Path yearDir, RunSummary summary) throws IOException {
        write(yearDir, summary, List.of(), Map.of());
    }

    /**
     * @param agencies the known agencies, to place reports in the tree
     * @param failed   reports of this run that failed: unit code, or code + {@code /summary}, to the reason
     */
    public void write(Path yearDir, RunSummary summary, List<Agency> agencies, Map<String, String> failed) throws IOException {
        AgencyTree tree = new AgencyTree(agencies);
        List<IndexPage.IndexEntry> entries = new ArrayList<>();
        List<YearWorkbook.Entry> workbook = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(yearDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String code = dir.getFileName().toString();
                Path json = dir.resolve("tables.json");
                if (Files.isRegularFile(json) && !failed.containsKey(code)) {
                    JsonNode root = TablesJson.JSON.readTree(json.toFile());
                    StatutoryTables t = TablesJson.read(root, format);
                    String source = root.path(TablesJson.DATA_SOURCE).isTextual() ? root.path(TablesJson.DATA_SOURCE).asText() : null;
                    entries.add(place(tree, IndexPage.IndexEntry.of(format, t, draft(dir, t)), source, blockingFindings(dir)));
                    workbook.add(new YearWorkbook.Entry(t, source));
                }
                Path summaryJson = dir.resolve(SummaryReports.DIR).resolve("tables.json");
                if (Files.isRegularFile(summaryJson) && !failed.containsKey(code + UnitFailures.SUMMARY_SUFFIX)) {
                    StatutoryTables t = TablesJson.read(summaryJson, format);
                    entries.add(place(tree, IndexPage.IndexEntry.of(format, t, ReportNarrative.of(format, t).isDraft()),
                            null, blockingFindings(dir.resolve(SummaryReports.DIR))));
                    workbook.add(new YearWorkbook.Entry(t, null));
                }
            }
        }
        List<IndexPage.FailedReport> failures = new ArrayList<>();
        failed.forEach((report, reason) -> {
            boolean isSummary = report.endsWith(UnitFailures.SUMMARY_SUFFIX);
            String code = isSummary ? report.substring(0, report.length() - UnitFailures.SUMMARY_SUFFIX.length()) : report;
            Agency a = tree.get(code);
            failures.add(new IndexPage.FailedReport(code, a == null ? code : a.name(), isSummary, reason));
        });
        List<IndexPage.InputFileLine> inputs = summary.files().stream()
                .map(f -> new IndexPage.InputFileLine(f.file(), f.read(), f.loaded(), f.rejected(), f.rejectsFile()))
                .toList();
        int year = summary.parameters().year();
        ReportFilesWriter.writeAtomically(yearDir.resolve(YearWorkbook.FILE), YearWorkbook.of(format, year, workbook));
        ReportFilesWriter.writeAtomically(yearDir.resolve("index.html"),
                page.html(year, entries, inputs, failures, SealMarks.read(yearDir)).getBytes(StandardCharsets.UTF_8));
    }

    private static IndexPage.IndexEntry place(AgencyTree tree, IndexPage.IndexEntry e, String source, List<String> checks) {
        Agency a = tree.get(e.agencyCode());
        if (a == null) {
            return e.placed(null, 0, null, source, checks);
        }
        StringBuilder path = new StringBuilder(a.code());
        for (Agency p = tree.parent(a); p != null; p = tree.parent(p)) {
            path.insert(0, p.code() + "\u0001");
        }
        Agency parent = tree.parent(a);
        return e.placed(path.toString(), tree.depth(a), parent == null ? null : parent.name(), source, checks);
    }

    /** Office text can complete a report: its narrative-check.json knows, when there is one. */
    private boolean draft(Path dir, StatutoryTables t) throws IOException {
        Path check = dir.resolve("narrative-check.json");
        return Files.isRegularFile(check)
                ? TablesJson.JSON.readTree(check.toFile()).path("draft").asBoolean(true)
                : ReportNarrative.of(format, t).isDraft();
    }

    /**
     * The blocking findings of a report's validation.json (the audit rule catalogue), units and
     * summaries alike; null when the report has no validation file (not checked).
     */
    private static List<String> blockingFindings(Path dir) throws IOException {
        Path file = dir.resolve(ReportAudit.VALIDATION_JSON);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<String> failures = new ArrayList<>();
        TablesJson.JSON.readTree(file.toFile()).path("findings").forEach(f -> {
            if ("blocking".equalsIgnoreCase(f.path("severity").asText()) && "failed".equalsIgnoreCase(f.path("status").asText())) {
                failures.add(f.path("rule").asText() + " " + f.path("message_zh").asText());
            }
        });
        return failures;
    }
}
