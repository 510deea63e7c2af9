package org.disclosurereports.render;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.rules.Validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The auditors' pages: {@code validation.html} beside each report and the internal {@code evidence/index.html}, from {@code validation.ftlh} and {@code evidence.ftlh}. */
public final class AuditPages {

    static final String VALIDATION_TEMPLATE = "validation.ftlh";
    static final String EVIDENCE_TEMPLATE = "evidence.ftlh";

    /** One non-zero cell and the records behind it; {@code anchor} is its id on the page. */
    public record CellEvidence(String ref, String anchor, String name, String value, List<String> records) {}

    /** A number of the narrative and the cells it states. */
    public record FigureEvidence(String value, String quote, List<CellEvidence> cells) {}

    public record TableEvidence(String table, String name, List<CellEvidence> cells) {}

    private final Templates templates;

    public AuditPages(Templates templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    public String validation(Validation v) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("v", v);
        model.put("blocking", v.blocking());
        model.put("warnings", v.warnings());
        model.put("unchecked", v.unchecked());
        return templates.render(VALIDATION_TEMPLATE, model);
    }

    public String evidence(PublishedTables report, List<TableEvidence> tables, List<FigureEvidence> figures) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("agencyCode", report.agencyCode());
        model.put("agencyName", report.agencyName());
        model.put("year", report.year());
        model.put("tables", tables);
        model.put("figures", figures);
        return templates.render(EVIDENCE_TEMPLATE, model);
    }
}
