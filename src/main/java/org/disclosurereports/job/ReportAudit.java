package org.disclosurereports.job;

import org.disclosurereports.core.counting.EvidenceCollector;
import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.rules.Auditor;
import org.disclosurereports.core.rules.Validation;
import org.disclosurereports.outputs.EvidenceFiles;
import org.disclosurereports.render.AuditPages;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run adds beside each report it generates, unit or summary, for auditors: {@code validation.json}
 * and {@code validation.html} (every rule of the catalogue on the report; the cross-year rules against
 * the previous year computed from the same data; for a summary, the roll-up rule against its units) and,
 * for a unit, the internal {@code evidence/}.
 */
public final class ReportAudit {

    public static final String VALIDATION_JSON = "validation.json";
    public static final String VALIDATION_HTML = "validation.html";

    private final ReportFormat format;
    private final Auditor auditor;
    private final AuditPages pages;

    public ReportAudit(ReportFormat format, AuditPages pages) {
        this.format = format;
        this.pages = pages;
        this.auditor = Auditor.shipped(format);
    }

    /** A fresh collector, to pass to the counters of one report. */
    public EvidenceCollector evidence() {
        return new EvidenceCollector(format);
    }

    /** A unit's report as built: its tables with the numbers its narrative quotes, against last year's if known. */
    public Validation validate(StatutoryTables tables, ReportNarrative narrative, StatutoryTables previous) {
        return validate(withTextFigures(PublishedTables.of(format, tables), narrative), previous, null);
    }

    /**
     * Any report by the catalogue.
     *
     * @param report   the figures as written, with the numbers its narrative quotes
     * @param previous last year's tables of the same report, or null (cross-year rules not applied)
     * @param units    the figures of the units a summary combines, as written; null for a unit's own report
     */
    public Validation validate(PublishedTables report, StatutoryTables previous, List<PublishedTables> units) {
        Auditor.Subject s = Auditor.Subject.of(report);
        if (previous != null) {
            // In its own layout: last year's report may be in an older format (a 2020 report in gov-2019-60).
            s = s.withPrevious(PublishedTables.of(previous.format(), previous));
        }
        if (units != null) {
            s = s.withUnits(units);
        }
        return auditor.audit(s);
    }

    /** validation.json and validation.html, by file name. */
    public Map<String, byte[]> validationFiles(Validation v) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(VALIDATION_JSON, v.toJson());
        files.put(VALIDATION_HTML, pages.validation(v).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** A unit's files, by name relative to the report's directory: validation and evidence. */
    public Map<String, byte[]> files(StatutoryTables tables, ReportNarrative narrative, StatutoryTables previous,
                                     EvidenceCollector evidence) {
        PublishedTables printed = withTextFigures(PublishedTables.of(format, tables), narrative);
        Map<String, byte[]> files = new LinkedHashMap<>(validationFiles(validate(printed, previous, null)));
        files.putAll(EvidenceFiles.of(printed, evidence, pages));
        return files;
    }

    /**
     * Adds the numbers the narrative states about the statutory tables (rule F), each with the words
     * around it so that the auditor sees which "3" is meant. Figures that restate other sources (the
     * work-plan scorecard, reply deadlines) are checked against those sources where they are made.
     */
    public static PublishedTables withTextFigures(PublishedTables report, ReportNarrative narrative) {
        for (PublishedTables.TextFigure f : textFigures(report, narrative)) {
            report.addTextFigure(f);
        }
        return report;
    }

    private static List<PublishedTables.TextFigure> textFigures(PublishedTables report, ReportNarrative narrative) {
        List<PublishedTables.TextFigure> figures = new ArrayList<>();
        for (List<ReportNarrative.Paragraph> paragraphs : narrative.sections().values()) {
            for (ReportNarrative.Paragraph paragraph : paragraphs) {
                String text = paragraph.text();
                int at = 0;
                for (ReportNarrative.Part part : paragraph.parts()) {
                    if (part instanceof ReportNarrative.Figure f && f.cells().stream().allMatch(report::has)) {
                        int from = Math.max(0, at - 24);
                        int to = Math.min(text.length(), at + f.text().length() + 24);
                        String quote = (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
                        figures.add(new PublishedTables.TextFigure(f.cells(), new BigDecimal(f.value()), quote));
                    }
                    at += part.text().length();
                }
            }
        }
        return figures;
    }
}
