package org.disclosurereports.outputs;

import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.rules.Finding;
import org.disclosurereports.core.rules.Validation;
import org.disclosurereports.inputs.published.ImportedReport;
import org.disclosurereports.render.Templates;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of an audit of published reports: per report its findings (validation.json's form, each
 * finding with where its cells are printed) and, over a folder, the summary a 第三方评估 team hands in:
 * {@code summary.html} (template {@code published-audit.ftlh}) and {@code summary.csv}, one line per
 * report: agency, year, layout, cells read, cells unreadable, blocking findings, warnings.
 */
public final class PublishedAudits {

    /** One published report, read and audited. */
    public record Audited(ImportedReport report, Validation validation) {
        public String file() {
            return report.document().file().getFileName().toString();
        }

        /** The name of its findings file: the report's file name with {@code .findings.json}. */
        public String findingsFile() {
            return file() + ".findings.json";
        }
    }

    private PublishedAudits() {}

    /** Where each of a finding's cells is printed, in the order of {@link Finding#cells()}. */
    public static List<String> printedAt(ImportedReport report, Finding f) {
        return f.cells().stream().map(report::where).toList();
    }

    /** validation.json's fields, the report's file and layout, and for every finding where its cells are printed. */
    public static byte[] findingsJson(Audited a) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source_file", a.file());
        root.put("kind", a.report().document().kind());
        root.put(ImportedReport.FORMAT, a.report().format());
        root.put("cells_read", a.report().cellsRead());
        root.put("cells_blank", a.report().blankCells());
        root.put("cells_unreadable", a.report().cellsUnreadable());
        root.put(ImportedReport.UNMATCHED, a.report().extensions().get(ImportedReport.UNMATCHED));
        Map<String, Object> validation = a.validation().toMap();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) validation.get("findings");
        List<Map<String, Object>> located = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Map<String, Object> f = new LinkedHashMap<>(findings.get(i));
            f.put("printed_at", printedAt(a.report(), a.validation().findings().get(i)));
            located.add(f);
        }
        validation.put("findings", located);
        root.putAll(validation);
        try {
            return (TablesJson.JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write findings", e);
        }
    }

    /** The summary's columns, in the CSV's header and the page's order. */
    static final List<String> COLUMNS = List.of("file", "agency", "year", "kind", "format", "cells_read", "cells_unreadable",
            "cells_blank", "blocking", "warnings", "result", "findings_file");

    private static List<Object> line(Audited a) {
        Validation v = a.validation();
        return List.of(a.file(), v.agencyName() == null ? "" : v.agencyName(), v.year() == null ? "" : v.year(),
                a.report().document().kind(), a.report().format(), a.report().cellsRead(), a.report().cellsUnreadable(),
                a.report().blankCells(), v.blocking().size(), v.warnings().size(), v.result(), a.findingsFile());
    }

    /** Writes each report's findings, summary.csv and summary.html into {@code dir}. */
    public static void write(Path dir, List<Audited> audited, Templates templates) throws IOException {
        CsvWriter csv = CsvWriter.forExcel().row(COLUMNS);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Audited a : audited) {
            ReportFilesWriter.writeAtomically(dir.resolve(a.findingsFile()), findingsJson(a));
            List<Object> line = line(a);
            csv.row(line);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                row.put(COLUMNS.get(i), String.valueOf(line.get(i)));
            }
            rows.add(row);
        }
        ReportFilesWriter.writeAtomically(dir.resolve("summary.csv"), csv.toUtf8());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows);
        model.put("blocking", audited.stream().filter(a -> !a.validation().blocking().isEmpty()).count());
        ReportFilesWriter.writeAtomically(dir.resolve("summary.html"),
                templates.render("published-audit.ftlh", model).getBytes(StandardCharsets.UTF_8));
    }
}
