package org.disclosurereports.outputs.office;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.CellNames;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code <out>/<year>/tables.xlsx}: every report of the year on one sheet, one row per unit and per
 * summary, one column per cell of the layout — what a district office pastes into its 汇总. The first
 * header row holds the cell keys as {@code tables.json} names them ({@code table3.granted.natural_person}),
 * the second the printed labels (表三“（一）予以公开·自然人”); both rows and the identifying columns are
 * frozen. The columns follow the layout: tables 二, 三 and 四 row by row, then the 信息处理费.
 */
public final class YearWorkbook {

    /** A report of the year: its tables and where its figures came from (records, a return), if known. */
    public record Entry(StatutoryTables tables, String dataSource) {}

    static final List<String> FIXED_KEYS = List.of("agency_code", "agency_name", "scope", "year", "data_source");
    static final List<String> FIXED_LABELS = List.of("单位代码", "单位名称", "范围（agency 本单位 / summary 汇总）", "年度", "数据来源");

    public static final String FILE = "tables.xlsx";

    private YearWorkbook() {}

    /** Every cell reference of the layout, in print order, then {@link CellRef#PROCESSING_FEES}. */
    public static List<String> cellKeys(ReportFormat format) {
        List<String> keys = new ArrayList<>();
        for (ReportFormat.Table2Block block : format.table2().blocks()) {
            for (ReportFormat.Table2Row row : block.rows()) {
                for (ReportFormat.Column c : block.columns()) {
                    keys.add(CellRef.of("table2", row.key(), c.key()).toString());
                }
            }
        }
        for (GridShape shape : List.of(format.table3Shape(), format.table4Shape())) {
            for (GridShape.Row row : shape.rows()) {
                for (ReportFormat.Column c : shape.columns()) {
                    keys.add(CellRef.of(shape.table(), row.key(), c.key()).toString());
                }
            }
        }
        keys.add(CellRef.PROCESSING_FEES);
        return keys;
    }

    public static byte[] of(ReportFormat format, int year, List<Entry> entries) {
        CellNames names = new CellNames(format);
        Set<String> decimalColumns = TablesWorkbook.decimalColumns(format);
        List<String> keys = cellKeys(format);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Font bold = book.createFont();
            bold.setBold(true);
            bold.setFontName(ReportDocx.TABLE_FONT);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            head.setWrapText(true);
            CellStyle count = book.createCellStyle();
            count.setDataFormat(book.createDataFormat().getFormat("0"));
            CellStyle decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat(TablesWorkbook.DECIMAL_FORMAT));
            CellStyle yuan = book.createCellStyle();
            yuan.setDataFormat(book.createDataFormat().getFormat("0.00"));

            XSSFSheet sheet = book.createSheet(year + "年");
            XSSFRow keyRow = sheet.createRow(0);
            XSSFRow labelRow = sheet.createRow(1);
            for (int i = 0; i < FIXED_KEYS.size(); i++) {
                header(keyRow, labelRow, i, FIXED_KEYS.get(i), FIXED_LABELS.get(i), head);
            }
            for (int i = 0; i < keys.size(); i++) {
                header(keyRow, labelRow, FIXED_KEYS.size() + i, keys.get(i), names.cell(keys.get(i)), head);
            }
            int r = 2;
            for (Entry entry : entries) {
                StatutoryTables t = entry.tables();
                XSSFRow row = sheet.createRow(r++);
                row.createCell(0).setCellValue(t.agencyCode());
                row.createCell(1).setCellValue(t.agencyName());
                row.createCell(2).setCellValue(t.scope());
                row.createCell(3).setCellValue(t.year());
                if (entry.dataSource() != null) {
                    row.createCell(4).setCellValue(entry.dataSource());
                }
                for (int i = 0; i < keys.size(); i++) {
                    String key = keys.get(i);
                    BigDecimal value = t.value(key);
                    if (value == null) {
                        continue; // a fee no return states stays empty, as null in tables.json
                    }
                    var cell = row.createCell(FIXED_KEYS.size() + i);
                    cell.setCellValue(value.doubleValue());
                    if (CellRef.PROCESSING_FEES.equals(key)) {
                        cell.setCellStyle(yuan);
                    } else {
                        CellRef ref = CellRef.parse(key);
                        cell.setCellStyle(decimalColumns.contains(ref.table() + "." + ref.column()) ? decimal : count);
                    }
                }
            }
            sheet.setColumnWidth(0, 14 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            for (int c = FIXED_KEYS.size(); c < FIXED_KEYS.size() + keys.size(); c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            sheet.createFreezePane(2, 2);
            return ReproducibleZip.write(book, year + "年政府信息公开工作年度报告统计表", null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the year's workbook", e);
        }
    }

    private static void header(XSSFRow keys, XSSFRow labels, int column, String key, String label, CellStyle style) {
        keys.createCell(column).setCellValue(key);
        keys.getCell(column).setCellStyle(style);
        labels.createCell(column).setCellValue(label);
        labels.getCell(column).setCellStyle(style);
    }
}
