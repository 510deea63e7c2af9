package org.disclosurereports.outputs.office;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.render.RenderFixtures;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurereports.outputs.office.OfficeFixtures.HTML;
import static org.disclosurereports.outputs.office.OfficeFixtures.JSON;
import static org.disclosurereports.outputs.office.OfficeFixtures.TABLES;

class TablesWorkbookTest {

    private static final byte[] XLSX = TablesWorkbook.of(RenderFixtures.FORMAT, TABLES, HTML);

    private static List<ReportPage.Table> pageTables() {
        return ReportPage.parse(HTML).blocks().stream()
                .filter(b -> b instanceof ReportPage.Table).map(b -> (ReportPage.Table) b).toList();
    }

    @Test
    void oneSheetPerTableWithTheReportsMergedCellsAndTheFiguresOfTablesJsonAsNumbers() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(XLSX))) {
            List<ReportPage.Table> tables = pageTables();
            assertThat(book.getNumberOfSheets()).isEqualTo(tables.size());
            assertThat(book.getSheetName(0)).isEqualTo("表二");
            assertThat(book.getSheetName(1)).isEqualTo("表三");
            assertThat(book.getSheetName(2)).isEqualTo("表四");
            int figures = 0;
            for (int i = 0; i < tables.size(); i++) {
                XSSFSheet sheet = book.getSheetAt(i);
                ReportPage.Table table = tables.get(i);
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (1 + table.headerRows()));
                for (ReportPage.Placed placed : table.placed()) {
                    XSSFCell cell = sheet.getRow(placed.row() + 1).getCell(placed.column());
                    ReportPage.Cell content = placed.cell();
                    if (content.dataCell() != null) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        BigDecimal expected = OfficeFixtures.jsonValue(JSON, content.dataCell());
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as(content.dataCell()).isEqualByComparingTo(expected);
                        figures++;
                    } else {
                        assertThat(cell.getStringCellValue()).isEqualTo(content.text());
                    }
                    if (content.colspan() > 1 || content.rowspan() > 1) {
                        CellRangeAddress merged = new CellRangeAddress(placed.row() + 1, placed.row() + content.rowspan(),
                                placed.column(), placed.column() + content.colspan() - 1);
                        assertThat(sheet.getMergedRegions()).as(content.text()).contains(merged);
                    }
                }
            }
            assertThat(figures).isEqualTo(YearWorkbook.cellKeys(RenderFixtures.FORMAT).size() - 1);
        }
    }

    @Test
    void theFeeInTenThousandYuanIsADecimalShownWithFourPlaces() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(XLSX))) {
            XSSFSheet sheet = book.getSheet("表二");
            XSSFCell fee = null;
            for (var row : sheet) {
                for (var cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC && cell.getNumericCellValue() == 5949.088667) {
                        fee = (XSSFCell) cell;
                    }
                }
            }
            assertThat(fee).as("the fixture's fee, 5949.088667 万元, kept exact").isNotNull();
            assertThat(fee.getCellStyle().getDataFormatString()).isEqualTo("0.0000");
        }
    }

    @Test
    void theYearWorkbookHasARowPerReportAndAColumnPerCellWithKeysAndLabels() throws Exception {
        StatutoryTables summary = RenderFixtures.tables("QP", "上海市青浦区人民政府", StatutoryTables.SCOPE_SUMMARY, 3, null);
        byte[] bytes = YearWorkbook.of(RenderFixtures.FORMAT, RenderFixtures.YEAR,
                List.of(new YearWorkbook.Entry(TABLES, "records"), new YearWorkbook.Entry(summary, null)));
        assertThat(YearWorkbook.of(RenderFixtures.FORMAT, RenderFixtures.YEAR,
                List.of(new YearWorkbook.Entry(TABLES, "records"), new YearWorkbook.Entry(summary, null)))).isEqualTo(bytes);
        List<String> keys = YearWorkbook.cellKeys(RenderFixtures.FORMAT);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = book.getSheetAt(0);
            XSSFRow keyRow = sheet.getRow(0);
            XSSFRow labelRow = sheet.getRow(1);
            int first = YearWorkbook.FIXED_KEYS.size();
            assertThat(keyRow.getLastCellNum()).isEqualTo((short) (first + keys.size()));
            assertThat(labelRow.getCell(first + keys.indexOf("table3.granted.natural_person")).getStringCellValue())
                    .isEqualTo("表三“（一）予以公开·自然人”");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            List<StatutoryTables> reports = List.of(TABLES, summary);
            for (int r = 0; r < reports.size(); r++) {
                XSSFRow row = sheet.getRow(2 + r);
                JsonNode json = OfficeFixtures.json(TablesJson.write(reports.get(r)));
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(json.path("agency_code").asText());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(json.path("scope").asText());
                for (int k = 0; k < keys.size(); k++) {
                    String key = keyRow.getCell(first + k).getStringCellValue();
                    BigDecimal expected = OfficeFixtures.jsonValue(json, key);
                    XSSFCell cell = row.getCell(first + k);
                    if (expected == null) {
                        assertThat(cell).as(key).isNull();
                    } else {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as(key).isEqualByComparingTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void theSameReportGivesTheSameBytes() {
        assertThat(TablesWorkbook.of(RenderFixtures.FORMAT, TABLES, HTML)).isEqualTo(XLSX);
    }
}
