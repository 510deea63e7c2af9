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
    private final org.disclosurereports.workplan.ComplianceSupplement supplement;

    public ReportBuilder(ReportFormat format, TablesFromRecords tables, ReportRenderer renderer, int year) {
        this(format, tables, renderer, year, null);
    }

    /** @param supplement work plans, deadlines and office text (issue #6); null for the tables' narrative alone */
    public ReportBuilder(ReportFormat format, TablesFromRecords tables, ReportRenderer renderer, int year,
                         org.disclosurereports.workplan.ComplianceSupplement supplement) {
        this.format = format;
        this.tables = tables;
        this.renderer = renderer;
        this.year = year;
        this.audit = new ReportAudit(format);
        this.supplement = supplement;
    }

    @Override
    public BuiltReport process(Agency agency) {
        EvidenceCollector evidence = audit.evidence();
        StatutoryTables t = tables.agency(agency, year, evidence);
        ReportView view = ReportView.of(format, agency, t, List.of());
        Map<String, byte[]> extra = Map.of();
        if (supplement != null) {
            var s = supplement.apply(agency, t, view.narrative());
            view = new ReportView(format, agency, t, List.of(), s.narrative(), view.table3Header(), view.table4Header());
            extra = s.files();
        }
        String html = renderer.html(view);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("tables.json", TablesJson.write(t));
        files.put("report.html", html.getBytes(StandardCharsets.UTF_8));
        files.put("report.pdf", renderer.pdf(html));
        // Audit (issue #3): validation.json/.html and the internal evidence/; cross-year rules against
        // the previous year counted from the same records.
        files.putAll(audit.files(t, view.narrative(), tables.agency(agency, year - 1, Evidence.NONE), evidence));
        files.putAll(extra);
        return new BuiltReport(t, files);
    }
}
