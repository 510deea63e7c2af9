package org.disclosurereports.outputs.office;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.render.RenderFixtures;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that XML must escape, an empty table cell and characters XML cannot hold, in the Word and Excel
 * files, read back with POI: what the report fixture does not contain.
 */
class OfficeFilesTextTest {

    private static final String AWKWARD = "甲 & 乙 <丙> \"丁\" '戊'";
    private static final String AUTHOR = "某区 & <某局> \"办公室\"";

    /** A page as the template writes it, with awkward text in the title, a paragraph, a passage to write and a table. */
    private static final String PAGE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>
            <h1>报告 &amp; &lt;标题&gt; "引号"</h1>
            <h2>一、总体情况</h2>
            <p>正文 甲 &amp; 乙 &lt;丙&gt; "丁" '戊' <span class="to-write">【待填写：A &amp; B】</span></p>
            <table class="grid table2">
              <thead><tr><th colspan="2">表头 &amp; "列"</th></tr></thead>
              <tbody>
                <tr><th>&lt;标签&gt;</th><td></td></tr>
                <tr><th></th><td>文字 &amp; 说明</td></tr>
              </tbody>
            </table>
            </body></html>
            """;

    @Test
    void wordKeepsEscapedTextAndEmptyCells() throws Exception {
        byte[] docx = ReportDocx.of(PAGE, AUTHOR);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text).contains("报告 & <标题> \"引号\"", "正文 " + AWKWARD + " 【待填写：A & B】");
            assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("报告 & <标题> \"引号\"");
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo(AUTHOR);
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("表头 & \"列\"");
            assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("<标签>");
            assertThat(table.getRow(1).getCell(1).getText()).isEmpty();
            assertThat(table.getRow(2).getCell(0).getText()).isEmpty();
            assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("文字 & 说明");
        }
        assertThat(ReportDocx.of(PAGE, AUTHOR)).isEqualTo(docx);
    }

    @Test
    void excelKeepsEscapedTextAndEmptyCells() throws Exception {
        StatutoryTables tables = RenderFixtures.tables("QP", AUTHOR, StatutoryTables.SCOPE_AGENCY, 1, null);
        byte[] xlsx = TablesWorkbook.of(RenderFixtures.FORMAT, tables, PAGE);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getProperties().getCoreProperties().getCreator()).isEqualTo(AUTHOR);
            XSSFSheet sheet = book.getSheet("表二");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("一、总体情况");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("表头 & \"列\"");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("<标签>");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEmpty();
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEmpty();
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("文字 & 说明");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
        }
    }

    @Test
    void theYearWorkbookKeepsNamesThatXmlMustEscapeOrCannotHold() throws Exception {
        String withControl = "某单位\u0001（旧称）";
        StatutoryTables awkward = RenderFixtures.tables("A&B", AWKWARD, StatutoryTables.SCOPE_AGENCY, 1, null);
        StatutoryTables control = RenderFixtures.tables("C", withControl, StatutoryTables.SCOPE_AGENCY, 1, null);
        byte[] xlsx = YearWorkbook.of(RenderFixtures.FORMAT, RenderFixtures.YEAR,
                List.of(new YearWorkbook.Entry(awkward, "records & \"return\""), new YearWorkbook.Entry(control, null)));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("A&B");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(AWKWARD);
            assertThat(sheet.getRow(2).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("records & \"return\"");
            // A control character cannot be in an XML file: it is replaced, and the file still opens.
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("某单位\uFFFD（旧称）");
            assertThat(sheet.getRow(3).getCell(4)).isNull();
        }
    }

    @Test
    void columnLettersRunFromAToZThenAa() {
        assertThat(Spreadsheet.column(0)).isEqualTo("A");
        assertThat(Spreadsheet.column(25)).isEqualTo("Z");
        assertThat(Spreadsheet.column(26)).isEqualTo("AA");
        assertThat(Spreadsheet.column(205)).isEqualTo("GX");
        assertThat(Spreadsheet.column(16383)).isEqualTo("XFD");
    }
}
