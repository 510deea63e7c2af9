package org.disclosurereports.job;

import org.disclosurereports.core.counting.EvidenceCollector;
import org.disclosurereports.core.figures.FiguresSource;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.core.narrative.ReportNarrative;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.rollup.UnitTables;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.outputs.BuiltReport;
import org.disclosurereports.outputs.ComplianceFiles;
import org.disclosurereports.outputs.office.ReportDocx;
import org.disclosurereports.outputs.office.TablesWorkbook;
import org.disclosurereports.render.AuditPages;
import org.disclosurereports.render.ReportRenderer;
import org.disclosurereports.render.ReportView;
import org.disclosurereports.render.ScorecardPage;
import org.disclosurereports.render.Templates;
import org.disclosurereports.store.RecordLoads;
import org.disclosurereports.store.RecordSources;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.RecordWindow;
import org.disclosurereports.store.ReturnStore;
import org.disclosurereports.store.TablesFromRecords;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one agency's report files for the year in memory:
 * <ul>
 *   <li>tables.json, report.html, report.pdf, report.docx, tables.xlsx: the figures from its records or its submitted return ({@link UnitTables});</li>
 *   <li>validation.json/.html and the internal evidence/ (audit, {@link ReportAudit});</li>
 *   <li>work-plan targets, reply deadlines and office-written text ({@link ComplianceSupplement}) where given.</li>
 * </ul>
 * Whatever goes wrong with one unit's data is thrown as {@link UnitFailed}, so the step skips that
 * unit and builds the others.
 */
public class ReportBuilder implements ItemProcessor<Agency, BuiltReport> {

    private final ReportFormat format;
    private final TablesFromRecords records;
    private final ReturnStore returns;
    private final FiguresSources sources;
    private final ReportRenderer renderer;
    private final int year;
    private final ReportAudit audit;
    private final ComplianceSupplement supplement;

    /**
     * @param templates  the run's templates, for the report and the audit pages
     * @param supplement work plans, deadlines and office text; null for the tables' own narrative alone
     */
    ReportBuilder(ReportFormat format, TablesFromRecords records, ReturnStore returns, FiguresSources sources,
                  Templates templates, int year, ComplianceSupplement supplement) {
        this.format = format;
        this.records = records;
        this.returns = returns;
        this.sources = sources;
        this.renderer = new ReportRenderer(format, templates);
        this.year = year;
        this.audit = new ReportAudit(format, new AuditPages(templates));
        this.supplement = supplement;
    }

    /**
     * The builder of a run (and of the review console's rebuilt reports): figures from records or
     * returns, work plans, deadlines and office text from the data directory {@code data}.
     * {@code formatId} names the layout, or null for the year's own; the years before are counted in
     * their own layouts. {@code records} reads the agencies' records, those of the agencies built next with them.
     */
    public static ReportBuilder forRun(ReportFormats formats, String formatId, RecordStore store, RecordWindow records, ReturnStore returns,
                                       Templates templates, Path data, int year) {
        ReportFormat format = formats.choose(formatId, year);
        TablesFromRecords tables = TablesFromRecords.inLayouts(formats, format, year, records);
        FiguresSources sources = new FiguresSources(new InputSchema(formats), new RecordLoads(store));
        return new ReportBuilder(format, tables, returns, sources, templates, year,
                ComplianceSupplement.forRun(store, records, new ComplianceFiles(new ScorecardPage(templates)), data, year));
    }

    @Override
    public BuiltReport process(Agency agency) {
        try {
            EvidenceCollector evidence = audit.evidence();
            // The record sets this year's figures are counted from, gathered in the same read.
            RecordSources counted = new RecordSources();
            UnitTables tables = new UnitTables(format,
                    (a, y, e) -> records.agency(a, y, e, y == year ? counted : RecordSources.NONE), returns::figures);
            UnitTables.Sourced sourced = tables.tables(agency, year, evidence);
            StatutoryTables t = sourced.tables();
            ReportView view = ReportView.of(format, agency, t, List.of(), ReportNarrative.of(format, t, sourced.source()));
            Map<String, byte[]> supplementFiles = Map.of();
            if (supplement != null) {
                var s = supplement.apply(agency, t, sourced.source(), view.narrative());
                view = new ReportView(format, agency, t, List.of(), s.narrative(), view.table3Header(), view.table4Header());
                supplementFiles = s.files();
            }
            String html = renderer.html(view);
            Map<String, byte[]> files = new LinkedHashMap<>();
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put(TablesJson.DATA_SOURCE, sourced.source().key());
            extensions.put(TablesJson.SOURCES, sources.of(counted,
                    sourced.source() == FiguresSource.RETURN ? returns.figures(agency.code(), year) : List.of()));
            files.put("tables.json", TablesJson.write(t, extensions));
            files.put("report.html", html.getBytes(StandardCharsets.UTF_8));
            files.put("report.pdf", renderer.pdf(html));
            files.put(ReportDocx.FILE, ReportDocx.of(html, agency.name()));
            files.put(TablesWorkbook.FILE, TablesWorkbook.of(format, t, html));
            StatutoryTables yearBefore = tables.tablesOfYearBefore(agency, year);
            files.putAll(audit.files(t, view.narrative(), yearBefore, evidence));
            files.putAll(supplementFiles);
            if (yearBefore != null) {
                files.put(YearBeforeTables.FILE, YearBeforeTables.bytes(yearBefore));
            }
            return new BuiltReport(t, files);
        } catch (RuntimeException e) {
            throw new UnitFailed(agency.code(), e);
        }
    }
}
