package org.disclosurereports.outputs.office;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.CellNames;
import org.disclosurereports.core.layout.CellRef;
import org.disclosurereports.core.layout.GridShape;
import org.disclosurereports.core.layout.ReportFormat;

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

    /** The cell styles, by their number in {@link Spreadsheet}: the two header rows, counts, 万元, 元. */
    private static final List<Spreadsheet.Style> STYLES = List.of(
            new Spreadsheet.Style(new Spreadsheet.Font(ReportDocx.TABLE_FONT, 11, true), null, false, true, false, null),
            new Spreadsheet.Style(null, null, false, false, false, "0"),
            new Spreadsheet.Style(null, null, false, false, false, TablesWorkbook.DECIMAL_FORMAT),
            new Spreadsheet.Style(null, null, false, false, false, "0.00"));
    private static final int HEAD = 1;
    private static final int COUNT = 2;
    private static final int DECIMAL = 3;
    private static final int YUAN = 4;

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
        Spreadsheet book = new Spreadsheet(STYLES);
        Spreadsheet.Sheet sheet = book.sheet(year + "年");
        sheet.row(0);
        for (int i = 0; i < FIXED_KEYS.size(); i++) {
            sheet.text(i, FIXED_KEYS.get(i), HEAD);
        }
        for (int i = 0; i < keys.size(); i++) {
            sheet.text(FIXED_KEYS.size() + i, keys.get(i), HEAD);
        }
        sheet.row(1);
        for (int i = 0; i < FIXED_LABELS.size(); i++) {
            sheet.text(i, FIXED_LABELS.get(i), HEAD);
        }
        for (int i = 0; i < keys.size(); i++) {
            sheet.text(FIXED_KEYS.size() + i, names.cell(keys.get(i)), HEAD);
        }
        int r = 2;
        for (Entry entry : entries) {
            StatutoryTables t = entry.tables();
            sheet.row(r++).text(0, t.agencyCode(), 0).text(1, t.agencyName(), 0).text(2, t.scope(), 0).number(3, t.year(), 0);
            if (entry.dataSource() != null) {
                sheet.text(4, entry.dataSource(), 0);
            }
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                BigDecimal value = t.value(key);
                if (value == null) {
                    continue; // a fee no return states stays empty, as null in tables.json
                }
                int style;
                if (CellRef.PROCESSING_FEES.equals(key)) {
                    style = YUAN;
                } else {
                    CellRef ref = CellRef.parse(key);
                    style = decimalColumns.contains(ref.table() + "." + ref.column()) ? DECIMAL : COUNT;
                }
                sheet.number(FIXED_KEYS.size() + i, value.doubleValue(), style);
            }
        }
        sheet.width(0, 14).width(1, 30);
        for (int c = FIXED_KEYS.size(); c < FIXED_KEYS.size() + keys.size(); c++) {
            sheet.width(c, 16);
        }
        sheet.freeze(2, 2);
        return book.bytes(year + "年政府信息公开工作年度报告统计表", null);
    }
}
