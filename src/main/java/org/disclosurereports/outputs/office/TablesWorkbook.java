package org.disclosurereports.outputs.office;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.CellNames;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.ReportFormat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code tables.xlsx} beside each report: one sheet per statutory table (表二, 表三, 表四), laid out as
 * the report prints it — the section heading, the merged header and label cells, every figure a
 * number (the 收费金额 in 万元 as a decimal shown with four places), the header rows frozen. The layout
 * comes from the rendered page ({@link ReportPage}), the figures from the tables themselves, so a
 * figure is never re-read from its printed text.
 */
public final class TablesWorkbook {

    /** The 收费金额 is stated in 万元 to four places (元 to the hundredth). */
    static final String DECIMAL_FORMAT = "0.0000";

    public static final String FILE = "tables.xlsx";

    private static final Spreadsheet.Font PLAIN = new Spreadsheet.Font(ReportDocx.TABLE_FONT, 11, false);
    private static final Spreadsheet.Font BOLD = new Spreadsheet.Font(ReportDocx.TABLE_FONT, 11, true);
    /** The cell styles, by their number in {@link Spreadsheet}: the sheet's heading, then bordered, wrapped cells. */
    private static final List<Spreadsheet.Style> STYLES = List.of(
            new Spreadsheet.Style(BOLD, null, false, false, false, null),
            bordered(BOLD, "center", null),
            bordered(PLAIN, "left", null),
            bordered(BOLD, "left", null),
            bordered(PLAIN, "center", "0"),
            bordered(PLAIN, "center", DECIMAL_FORMAT));
    private static final int TITLE = 1;
    private static final int HEADER = 2;
    private static final int LABEL = 3;
    private static final int BLOCK = 4;
    private static final int COUNT = 5;
    private static final int DECIMAL = 6;

    private TablesWorkbook() {}

    public static byte[] of(ReportFormat format, StatutoryTables tables, String reportHtml) {
        ReportPage page = ReportPage.parse(reportHtml);
        CellNames names = new CellNames(format);
        Set<String> decimalColumns = decimalColumns(format);
        Spreadsheet book = new Spreadsheet(STYLES);
        String heading = "";
        for (ReportPage.Block block : page.blocks()) {
            if (block instanceof ReportPage.Heading h) {
                heading = h.text();
            } else if (block instanceof ReportPage.Table t) {
                sheet(book.sheet(names.table(t.name())), heading, t, tables, decimalColumns);
            }
        }
        return book.bytes(page.title(), tables.agencyName());
    }

    private static Spreadsheet.Style bordered(Spreadsheet.Font font, String horizontal, String numberFormat) {
        return new Spreadsheet.Style(font, horizontal, true, true, true, numberFormat);
    }

    static Set<String> decimalColumns(ReportFormat format) {
        Set<String> decimal = new HashSet<>();
        for (ReportFormat.Table2Block block : format.table2().blocks()) {
            for (ReportFormat.Column c : block.columns()) {
                if (c.decimal()) {
                    decimal.add("table2." + c.key());
                }
            }
        }
        for (ReportFormat.Column c : format.table3Shape().columns()) {
            if (c.decimal()) {
                decimal.add("table3." + c.key());
            }
        }
        for (ReportFormat.Column c : format.table4Shape().columns()) {
            if (c.decimal()) {
                decimal.add("table4." + c.key());
            }
        }
        return decimal;
    }

    private static void sheet(Spreadsheet.Sheet sheet, String heading, ReportPage.Table table,
                              StatutoryTables tables, Set<String> decimalColumns) {
        List<ReportPage.Placed> placedCells = table.placed();
        int width = table.width();
        int rows = table.rows().size();
        sheet.row(0).text(0, heading, TITLE);
        if (width > 1) {
            sheet.merge(0, 0, 0, width - 1);
        }
        int offset = 1;
        ReportPage.Placed[][] at = new ReportPage.Placed[rows][width];
        for (ReportPage.Placed placed : placedCells) {
            at[placed.row()][placed.column()] = placed;
        }
        for (int r = 0; r < rows; r++) {
            sheet.row(r + offset);
            for (int c = 0; c < width; c++) {
                ReportPage.Placed placed = at[r][c];
                if (placed == null) {
                    // Every grid position gets a bordered cell, so merged regions show their borders in full.
                    sheet.blank(c, LABEL);
                    continue;
                }
                ReportPage.Cell content = placed.cell();
                if (content.dataCell() != null) {
                    CellRef ref = CellRef.parse(content.dataCell());
                    BigDecimal value = tables.value(ref);
                    sheet.number(c, value.doubleValue(), decimalColumns.contains(ref.table() + "." + ref.column()) ? DECIMAL : COUNT);
                } else {
                    sheet.text(c, content.text(), content.header() ? HEADER : content.colspan() >= width ? BLOCK : LABEL);
                }
            }
        }
        for (ReportPage.Placed placed : placedCells) {
            ReportPage.Cell content = placed.cell();
            if (content.colspan() > 1 || content.rowspan() > 1) {
                sheet.merge(placed.row() + offset, placed.row() + offset + content.rowspan() - 1,
                        placed.column(), placed.column() + content.colspan() - 1);
            }
        }
        int[] widths = ReportDocx.columnWidths(table, 100 * 256);
        for (int c = 0; c < width; c++) {
            // In 256ths of a character, as Excel counts them.
            sheet.width(c, Math.min(255 * 256, Math.max(8 * 256, widths[c] * 2)) / 256.0);
        }
        sheet.freeze(0, offset + table.headerRows());
    }
}
