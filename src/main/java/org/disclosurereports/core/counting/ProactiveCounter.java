package org.disclosurereports.core.counting;

import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.figures.Table2;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Document;
import org.disclosurereports.core.records.EnforcementFigure;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Table 二 by the counting rules of the data contract, for report year Y:
 * 本年制发 = documents of the row's category issued in Y; 本年废止 = repealed in Y;
 * 现行有效 = issued by 31 December Y and not repealed by then. Rows （五）（六）（八） take the
 * enforcement figure reported for Y (none reported: 0).
 */
public final class ProactiveCounter {

    private final ReportYear year;
    private final Table2 table;
    private final Evidence evidence;
    private final Map<String, String> rowByCategory = new HashMap<>();
    private final Map<String, ReportFormat.Table2Row> rowByItem = new HashMap<>();

    public ProactiveCounter(ReportYear year, ReportFormat.Table2Layout layout, Evidence evidence) {
        this.year = year;
        this.table = new Table2(layout);
        this.evidence = evidence;
        for (ReportFormat.Table2Block block : layout.blocks()) {
            for (ReportFormat.Table2Row row : block.rows()) {
                if (row.source().documentCategory() != null) {
                    rowByCategory.put(row.source().documentCategory(), row.key());
                } else {
                    rowByItem.put(row.source().enforcementItem(), row);
                }
            }
        }
    }

    public void accept(Document d) {
        String row = rowByCategory.get(d.category());
        if (row == null) {
            return;
        }
        if (year.contains(d.issuedDate())) {
            count(row, "made", d.documentId());
        }
        if (year.contains(d.repealedDate())) {
            count(row, "repealed", d.documentId());
        }
        if (year.byEnd(d.issuedDate()) && (d.repealedDate() == null || d.repealedDate().isAfter(year.last()))) {
            count(row, "valid", d.documentId());
        }
    }

    private void count(String row, String column, String id) {
        table.add(row, column, BigDecimal.ONE);
        evidence.counted("table2", row, column, id);
    }

    public void accept(EnforcementFigure f) {
        if (f.year() != year.year()) {
            return;
        }
        ReportFormat.Table2Row row = rowByItem.get(f.item());
        if (row == null) {
            return;
        }
        String column = table.values().get(row.key()).keySet().iterator().next();
        table.add(row.key(), column, f.value());
        evidence.counted("table2", row.key(), column, f.agencyCode() + "/" + f.year() + "/" + f.item());
    }

    public Table2 table() {
        return table;
    }
}
