package org.disclosurereports.render;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.rules.Validation;
import org.disclosurereports.outputs.EvidenceFiles;



import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The auditors' pages: {@code validation.html} beside each report and the internal {@code evidence/index.html}. */
public final class AuditPages {

    private final Templates templates = Templates.classpath("audit");

    public String validation(Validation v) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("v", v);
        model.put("blocking", v.blocking());
        model.put("warnings", v.warnings());
        model.put("unchecked", v.unchecked());
        return render("validation.ftlh", model);
    }

    public String evidence(PublishedTables report, List<EvidenceFiles.TableEvidence> tables, List<EvidenceFiles.FigureEvidence> figures) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("agencyCode", report.agencyCode());
        model.put("agencyName", report.agencyName());
        model.put("year", report.year());
        model.put("tables", tables);
        model.put("figures", figures);
        return render("evidence.ftlh", model);
    }

    private String render(String name, Map<String, Object> model) {
        return templates.render(name, model);
    }
}
