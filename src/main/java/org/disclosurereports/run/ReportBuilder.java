package org.disclosurereports.run;

import org.disclosurereports.format.ReportFormat;
import org.disclosurereports.records.Agency;
import org.disclosurereports.render.ReportRenderer;
import org.disclosurereports.render.ReportView;
import org.disclosurereports.returns.UnitTables;
import org.disclosurereports.tables.StatutoryTables;
import org.disclosurereports.tables.TablesJson;
import org.springframework.batch.item.ItemProcessor;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one agency's report files for the year in memory: tables.json, report.html, report.pdf. The
 * figures come from its records or its submitted return ({@link UnitTables}). Whatever goes wrong
 * with one unit's data is thrown as {@link UnitFailed}, so the step skips that unit and builds the others.
 */
public class ReportBuilder implements ItemProcessor<Agency, BuiltReport> {

    private final ReportFormat format;
    private final UnitTables tables;
    private final ReportRenderer renderer;
    private final int year;

    public ReportBuilder(ReportFormat format, UnitTables tables, ReportRenderer renderer, int year) {
        this.format = format;
        this.tables = tables;
        this.renderer = renderer;
        this.year = year;
    }

    @Override
    public BuiltReport process(Agency agency) {
        try {
            UnitTables.Sourced sourced = tables.tables(agency, year);
            StatutoryTables t = sourced.tables();
            ReportView view = ReportView.of(format, agency, t, List.of());
            String html = renderer.html(view);
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("tables.json", tablesJson(t, Map.of(DATA_SOURCE, sourced.source().key())));
            files.put("report.html", html.getBytes(StandardCharsets.UTF_8));
            files.put("report.pdf", renderer.pdf(html));
            return new BuiltReport(t, files);
        } catch (RuntimeException e) {
            throw new UnitFailed(agency.code(), e);
        }
    }

    /** tables.json extension: where a unit's figures came from (records, return, none). */
    public static final String DATA_SOURCE = "data_source";

    /** tables.json with fields added after the v1 ones (additive extensions of the schema). */
    public static byte[] tablesJson(StatutoryTables t, Map<String, Object> extensions) {
        Map<String, Object> map = new LinkedHashMap<>(TablesJson.toMap(t));
        map.putAll(extensions);
        try {
            return (TablesJson.JSON.writeValueAsString(map) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write tables.json", e);
        }
    }
}
