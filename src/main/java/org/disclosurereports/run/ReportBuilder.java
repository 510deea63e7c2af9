package org.disclosurereports.run;

import org.disclosurereports.audit.EvidenceCollector;
import org.disclosurereports.audit.ReportAudit;
import org.disclosurereports.format.ReportFormat;
import org.disclosurereports.records.Agency;
import org.disclosurereports.render.ReportRenderer;
import org.disclosurereports.render.ReportView;
import org.disclosurereports.tables.Evidence;
import org.disclosurereports.tables.StatutoryTables;
import org.disclosurereports.tables.TablesFromRecords;
import org.disclosurereports.tables.TablesJson;
import org.springframework.batch.item.ItemProcessor;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts one agency's tables for the year and makes its report files in memory: tables.json, report.html, report.pdf. */
public class ReportBuilder implements ItemProcessor<Agency, BuiltReport> {

    private final ReportFormat format;
    private final TablesFromRecords tables;
    private final ReportRenderer renderer;
    private final int year;
    /** Audit (issue #3): validation and evidence files beside each report. */
    private final ReportAudit audit;

    public ReportBuilder(ReportFormat format, TablesFromRecords tables, ReportRenderer renderer, int year) {
        this.format = format;
        this.tables = tables;
        this.renderer = renderer;
        this.year = year;
        this.audit = new ReportAudit(format);
    }

    @Override
    public BuiltReport process(Agency agency) {
        EvidenceCollector evidence = audit.evidence();
        StatutoryTables t = tables.agency(agency, year, evidence);
        ReportView view = ReportView.of(format, agency, t, List.of());
        String html = renderer.html(view);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("tables.json", TablesJson.write(t));
        files.put("report.html", html.getBytes(StandardCharsets.UTF_8));
        files.put("report.pdf", renderer.pdf(html));
        // Audit (issue #3): validation.json/.html and the internal evidence/; cross-year rules against
        // the previous year counted from the same records.
        files.putAll(audit.files(t, view.narrative(), tables.agency(agency, year - 1, Evidence.NONE), evidence));
        return new BuiltReport(t, files);
    }
}
