package org.disclosurereports.core.counting;

import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.figures.Table2;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Disclosure;
import org.disclosurereports.core.records.Document;
import org.disclosurereports.core.records.EnforcementFigure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Table 二 by the counting rules of the data contract (section 2), for report year Y. Each column names
 * its rule in the layout ({@link ReportFormat.Column#counts()}), so a layout with other columns needs no
 * other code. Documents of the row's category:
 * <ul>
 *   <li>{@code issued}: issued in Y; {@code repealed}: repealed in Y;</li>
 *   <li>{@code valid}: issued by 31 December Y and not repealed by then;</li>
 *   <li>{@code published}: 主动公开 and made public in Y (published_date, or issued_date when it has none);</li>
 *   <li>{@code public}: 主动公开, made public by 31 December Y and not repealed by then.</li>
 * </ul>
 * Figures of the row's enforcement item (none reported: 0): {@code value} of Y, {@code items} (the item
 * count) of Y, {@code previous_items} of Y−1, {@code items_change} = items of Y − items of Y−1, which is
 * negative when items were cut.
 */
public final class ProactiveCounter {

    private final ReportYear year;
    private final Table2 table;
    private final Evidence evidence;
    private final Map<String, List<Cell>> cellsByCategory = new HashMap<>();
    // In item order, as the store lists figures, so the evidence comes out in the same order every time.
    private final Map<String, List<Cell>> cellsByItem = new TreeMap<>();
    /** Item counts of Y and Y−1 by item, kept until {@link #table()} computes the changes. */
    private final Map<String, EnforcementFigure> thisYear = new HashMap<>();
    private final Map<String, EnforcementFigure> lastYear = new HashMap<>();
    private boolean finished;

    private record Cell(String row, String column, String counts) {}

    public ProactiveCounter(ReportYear year, ReportFormat.Table2Layout layout, Evidence evidence) {
        this.year = year;
        this.table = new Table2(layout);
        this.evidence = evidence;
        for (ReportFormat.Table2Block block : layout.blocks()) {
            for (ReportFormat.Table2Row row : block.rows()) {
                List<Cell> cells = new ArrayList<>();
                block.columns().forEach(c -> cells.add(new Cell(row.key(), c.key(), c.counts())));
                if (row.source().documentCategory() != null) {
                    cellsByCategory.put(row.source().documentCategory(), cells);
                } else {
                    cellsByItem.put(row.source().enforcementItem(), cells);
                }
            }
        }
    }

    /** Whether the layout needs last year's enforcement figures (item counts of Y−1). */
    public boolean needsPreviousYear() {
        return cellsByItem.values().stream().flatMap(List::stream)
                .anyMatch(c -> c.counts().equals("previous_items") || c.counts().equals("items_change"));
    }

    public void accept(Document d) {
        List<Cell> cells = cellsByCategory.get(d.category());
        if (cells == null) {
            return;
        }
        for (Cell cell : cells) {
            if (counts(cell.counts(), d)) {
                count(cell, BigDecimal.ONE, d.documentId());
            }
        }
    }

    private boolean counts(String rule, Document d) {
        boolean inForce = d.repealedDate() == null || d.repealedDate().isAfter(year.last());
        LocalDate madePublic = d.disclosure() != Disclosure.PROACTIVE ? null
                : d.publishedDate() != null ? d.publishedDate() : d.issuedDate();
        return switch (rule) {
            case "issued" -> year.contains(d.issuedDate());
            case "repealed" -> year.contains(d.repealedDate());
            case "valid" -> year.byEnd(d.issuedDate()) && inForce;
            case "published" -> year.contains(madePublic);
            case "public" -> year.byEnd(madePublic) && inForce;
            default -> throw new IllegalStateException("no document counting rule " + rule);
        };
    }

    /** A figure of Y, or of Y−1 for the item counts of last year; other years are not counted. */
    public void accept(EnforcementFigure f) {
        if (!cellsByItem.containsKey(f.item())) {
            return;
        }
        if (f.year() == year.year()) {
            thisYear.put(f.item(), f);
        } else if (f.year() == year.year() - 1) {
            lastYear.put(f.item(), f);
        }
    }

    private void count(Cell cell, BigDecimal amount, String id) {
        table.add(cell.row(), cell.column(), amount);
        evidence.counted("table2", cell.row(), cell.column(), id);
    }

    private static String id(EnforcementFigure f) {
        return f.agencyCode() + "/" + f.year() + "/" + f.item();
    }

    private static long items(EnforcementFigure f) {
        return f == null || f.items() == null ? 0 : f.items();
    }

    /** The finished table: the enforcement figures are placed when it is first asked for. */
    public Table2 table() {
        if (!finished) {
            finished = true;
            cellsByItem.forEach((item, cells) -> {
                EnforcementFigure now = thisYear.get(item);
                EnforcementFigure before = lastYear.get(item);
                for (Cell cell : cells) {
                    switch (cell.counts()) {
                        case "value" -> place(cell, now == null ? null : now.value(), now);
                        case "items" -> place(cell, now == null || now.items() == null ? null : BigDecimal.valueOf(now.items()), now);
                        case "previous_items" -> place(cell, before == null || before.items() == null ? null
                                : BigDecimal.valueOf(before.items()), before);
                        case "items_change" -> {
                            long change = items(now) - items(before);
                            if (change != 0) {
                                table.add(cell.row(), cell.column(), BigDecimal.valueOf(change));
                            }
                            for (EnforcementFigure f : new EnforcementFigure[] {before, now}) {
                                if (f != null && f.items() != null) {
                                    evidence.counted("table2", cell.row(), cell.column(), id(f));
                                }
                            }
                        }
                        default -> throw new IllegalStateException("no enforcement counting rule " + cell.counts());
                    }
                }
            });
        }
        return table;
    }

    private void place(Cell cell, BigDecimal value, EnforcementFigure from) {
        if (value != null) {
            count(cell, value, id(from));
        }
    }
}
