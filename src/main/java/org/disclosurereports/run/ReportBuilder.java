package org.disclosurereports.run;

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

    public ReportBuilder(ReportFormat format, TablesFromRecords tables, ReportRenderer renderer, int year) {
        this.format = format;
        this.tables = tables;
        this.renderer = renderer;
        this.year = year;
    }

    @Override
    public BuiltReport process(Agency agency) {
        StatutoryTables t = tables.agency(agency, year, Evidence.NONE);
        ReportView view = ReportView.of(format, agency, t, List.of());
        String html = renderer.html(view);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("tables.json", TablesJson.write(t));
        files.put("report.html", html.getBytes(StandardCharsets.UTF_8));
        files.put("report.pdf", renderer.pdf(html));
        return new BuiltReport(t, files);
    }
}
