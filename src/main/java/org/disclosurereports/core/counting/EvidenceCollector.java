package org.disclosurereports.core.counting;

import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects, while the counters count, the record ids behind every cell (applications
 * {@code agency/application_id}, cases {@code agency/case_id}, documents {@code document_id},
 * enforcement figures {@code agency/year/item}). A total's records are those of its parts. Ids are
 * internal: they go to the auditors' evidence files, never into the published report.
 */
public final class EvidenceCollector implements Evidence {

    private final ReportFormat format;
    private final Map<String, TreeSet<String>> ids = new HashMap<>();

    public EvidenceCollector(ReportFormat format) {
        this.format = format;
    }

    @Override
    public void counted(String table, String row, String column, String recordId) {
        ids.computeIfAbsent(CellRef.of(table, row, column).toString(), k -> new TreeSet<>()).add(recordId);
    }

    /** The records behind a cell, sorted; for a total, the union of its parts' records. */
    public List<String> recordsOf(String ref) {
        return new ArrayList<>(collect(ref));
    }

    private TreeSet<String> collect(String ref) {
        TreeSet<String> direct = ids.get(ref);
        if (direct != null) {
            return direct;
        }
        TreeSet<String> all = new TreeSet<>();
        if (!CellRef.isCell(ref)) {
            return all; // the 信息处理费 figure: no records are counted for it
        }
        CellRef cell = CellRef.parse(ref);
        if ("table2".equals(cell.table())) {
            return all;
        }
        GridShape shape = format.shape(cell.table());
        if (!shape.hasRow(cell.row()) || !shape.hasColumn(cell.column())) {
            return all;
        }
        GridShape.Row row = shape.row(cell.row());
        ReportFormat.Column column = shape.column(cell.column());
        if (row.computed()) {
            row.sumOf().forEach(part -> all.addAll(collect(CellRef.of(cell.table(), part, cell.column()).toString())));
        } else if (column.computed()) {
            column.sumOf().forEach(part -> all.addAll(collect(CellRef.of(cell.table(), cell.row(), part).toString())));
        }
        return all;
    }
}
