package org.disclosurereports.outputs.office;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.CellNames;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.ReportFormat;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
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

    private TablesWorkbook() {}

    public static byte[] of(ReportFormat format, StatutoryTables tables, String reportHtml) {
        ReportPage page = ReportPage.parse(reportHtml);
        CellNames names = new CellNames(format);
        Set<String> decimalColumns = decimalColumns(format);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles styles = new Styles(book);
            String heading = "";
            for (ReportPage.Block block : page.blocks()) {
                if (block instanceof ReportPage.Heading h) {
                    heading = h.text();
                } else if (block instanceof ReportPage.Table t) {
                    sheet(book, styles, names.table(t.name()), heading, t, tables, decimalColumns);
                }
            }
            return ReproducibleZip.write(book, page.title(), tables.agencyName());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the workbook of " + tables.agencyCode(), e);
        }
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

    private static void sheet(XSSFWorkbook book, Styles styles, String name, String heading, ReportPage.Table table,
                              StatutoryTables tables, Set<String> decimalColumns) {
        XSSFSheet sheet = book.createSheet(name);
        int width = table.width();
        XSSFRow title = sheet.createRow(0);
        XSSFCell titleCell = title.createCell(0);
        titleCell.setCellValue(heading);
        titleCell.setCellStyle(styles.title);
        if (width > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
        }
        int offset = 1;
        // Every grid position gets a bordered cell, so merged regions show their borders in full.
        for (int r = 0; r < table.rows().size(); r++) {
            XSSFRow row = sheet.createRow(r + offset);
            for (int c = 0; c < width; c++) {
                row.createCell(c).setCellStyle(styles.label);
            }
        }
        for (ReportPage.Placed placed : table.placed()) {
            ReportPage.Cell content = placed.cell();
            XSSFCell cell = sheet.getRow(placed.row() + offset).getCell(placed.column());
            if (content.dataCell() != null) {
                CellRef ref = CellRef.parse(content.dataCell());
                BigDecimal value = tables.value(ref);
                cell.setCellValue(value.doubleValue());
                cell.setCellStyle(decimalColumns.contains(ref.table() + "." + ref.column()) ? styles.decimal : styles.count);
            } else {
                cell.setCellValue(content.text());
                cell.setCellStyle(content.header() ? styles.header : content.colspan() >= width ? styles.block : styles.label);
            }
            if (content.colspan() > 1 || content.rowspan() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(placed.row() + offset, placed.row() + offset + content.rowspan() - 1,
                        placed.column(), placed.column() + content.colspan() - 1));
            }
        }
        int[] widths = ReportDocx.columnWidths(table, 100 * 256);
        for (int c = 0; c < width; c++) {
            sheet.setColumnWidth(c, Math.min(255 * 256, Math.max(8 * 256, widths[c] * 2)));
        }
        sheet.createFreezePane(0, offset + table.headerRows());
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle label;
        final CellStyle block;
        final CellStyle count;
        final CellStyle decimal;

        Styles(XSSFWorkbook book) {
            Font plain = font(book, false);
            Font bold = font(book, true);
            title = book.createCellStyle();
            title.setFont(bold);
            header = bordered(book, bold, HorizontalAlignment.CENTER);
            label = bordered(book, plain, HorizontalAlignment.LEFT);
            block = bordered(book, bold, HorizontalAlignment.LEFT);
            count = bordered(book, plain, HorizontalAlignment.CENTER);
            count.setDataFormat(book.createDataFormat().getFormat("0"));
            decimal = bordered(book, plain, HorizontalAlignment.CENTER);
            decimal.setDataFormat(book.createDataFormat().getFormat(DECIMAL_FORMAT));
        }

        private static Font font(XSSFWorkbook book, boolean bold) {
            Font f = book.createFont();
            f.setFontName(ReportDocx.TABLE_FONT);
            f.setFontHeightInPoints((short) 11);
            f.setBold(bold);
            return f;
        }

        private static CellStyle bordered(XSSFWorkbook book, Font font, HorizontalAlignment alignment) {
            CellStyle s = book.createCellStyle();
            s.setFont(font);
            s.setAlignment(alignment);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(true);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
