package org.disclosurereports.outputs;

import org.disclosurereports.core.counting.EvidenceCollector;
import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.layout.CellNames;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.rules.Auditor;
import org.disclosurereports.render.AuditPages.CellEvidence;
import org.disclosurereports.render.AuditPages.FigureEvidence;
import org.disclosurereports.render.AuditPages.TableEvidence;
import org.disclosurereports.render.AuditPages;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditors' evidence beside a report, under {@code evidence/}: one CSV per table (a line per record
 * behind each non-zero cell) and an internal drill-down page ({@code evidence/index.html}) from every
 * figure of the report, narrative figures included, to its records. Marked 内部资料: not for publication.
 */
public final class EvidenceFiles {

    public static final String DIR = "evidence/";

    private EvidenceFiles() {}

    /** File name (relative to the report directory) to content. */
    public static Map<String, byte[]> of(PublishedTables report, EvidenceCollector evidence, AuditPages pages) {
        CellNames names = new CellNames(report.format());
        Map<String, List<CellEvidence>> byTable = new LinkedHashMap<>();
        Map<String, CellEvidence> byRef = new LinkedHashMap<>();
        for (String ref : report.tableRefs()) {
            BigDecimal v = report.get(ref);
            if (v == null || v.signum() == 0) {
                continue;
            }
            CellEvidence c = new CellEvidence(ref, anchor(ref), names.cell(ref), Auditor.plain(v), evidence.recordsOf(ref));
            byTable.computeIfAbsent(CellRef.parse(ref).table(), k -> new ArrayList<>()).add(c);
            byRef.put(ref, c);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<TableEvidence> tables = new ArrayList<>();
        for (String table : List.of("table2", "table3", "table4")) {
            List<CellEvidence> cells = byTable.getOrDefault(table, List.of());
            tables.add(new TableEvidence(table, names.table(table), cells));
            files.put(DIR + table + ".csv", csv(cells));
        }
        List<FigureEvidence> figures = new ArrayList<>();
        for (PublishedTables.TextFigure f : report.textFigures()) {
            List<CellEvidence> cells = new ArrayList<>();
            for (String ref : f.cells()) {
                CellEvidence c = byRef.get(ref);
                // A zero (or the fee figure) has no records and no anchor.
                cells.add(c != null ? c : new CellEvidence(ref, null, names.cell(ref),
                        report.get(ref) == null ? "" : Auditor.plain(report.get(ref)), List.of()));
            }
            figures.add(new FigureEvidence(Auditor.plain(f.value()), Auditor.excerpt(f.quote(), Auditor.plain(f.value())), cells));
        }
        files.put(DIR + "index.html", pages.evidence(report, tables, figures).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** An HTML id for a cell reference (dots are legal in ids but awkward in CSS selectors). */
    static String anchor(String ref) {
        return ref.replace('.', '-');
    }

    private static byte[] csv(List<CellEvidence> cells) {
        CsvWriter csv = CsvWriter.crlf().row("cell", "table", "row", "column", "value", "record_id");
        for (CellEvidence c : cells) {
            CellRef cell = CellRef.parse(c.ref());
            for (String id : c.records()) {
                csv.row(c.ref(), cell.table(), cell.row(), cell.column(), c.value(), id);
            }
        }
        return csv.toUtf8();
    }
}
