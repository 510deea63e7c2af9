package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.ReportFormat;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What Excel does to a sheet, read back as the contract's text, on small hand-made workbooks. */
class XlsxInputTest {

    private static final InputSchema SCHEMA = new InputSchema(ReportFormat.current());
    private static final RecordKind APPLICATIONS = SCHEMA.kind(InputSchema.APPLICATIONS);

    @TempDir
    Path dir;

    private Path workbook(boolean date1904, Consumer<XSSFWorkbook> fill) throws IOException {
        Path file = dir.resolve("applications.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.getCTWorkbook().addNewWorkbookPr().setDate1904(date1904);
            fill.accept(wb);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    private static List<RawRow> read(Path file) {
        List<RawRow> rows = new ArrayList<>();
        try (XlsxInput in = new XlsxInput(file, APPLICATIONS)) {
            for (RawRow r = in.next(); r != null; r = in.next()) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static String value(RawRow row, String column) {
        return row.values()[APPLICATIONS.columns().indexOf(APPLICATIONS.column(column))];
    }

    private static void header(XSSFSheet sheet, int row, String... names) {
        Row r = sheet.createRow(row);
        for (int c = 0; c < names.length; c++) {
            r.createCell(c).setCellValue(names[c]);
        }
    }

    @Test
    void datesNumbersAndTextComeOutAsACsvFileWouldHoldThem() throws IOException {
        for (boolean date1904 : new boolean[] {false, true}) {
            Path file = workbook(date1904, wb -> {
                XSSFSheet s = wb.createSheet("申请");
                CellStyle date = wb.createCellStyle();
                date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
                CellStyle thousands = wb.createCellStyle();
                thousands.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
                header(s, 0, "application_id", "agency_code", "received_date", "applicant_type", "closed_date", "outcome", "extended", "fee_yuan");
                Row r = s.createRow(1);
                r.createCell(0).setCellValue("0012");                    // a number stored as text: leading zeros stay
                r.createCell(1).setCellValue("SL");
                r.createCell(2).setCellValue(LocalDate.of(2024, 3, 5));  // a date cell
                r.getCell(2).setCellStyle(date);
                r.createCell(3).setCellValue("自然人");
                r.createCell(4).setCellValue("2024-03-29");              // a date typed as text
                r.createCell(5).setCellValue("予以公开");
                r.createCell(6).setCellValue(true);                      // a boolean cell
                r.createCell(7).setCellValue(1234.5);                    // shown as 1,234.50
                r.getCell(7).setCellStyle(thousands);
                Row n = s.createRow(2);
                n.createCell(0).setCellValue(35);                        // a plain number: 35, not 35.0
                n.createCell(1).setCellValue("  SL\u3000");              // surrounding (ideographic) spaces
                n.createCell(2).setCellValue(LocalDate.of(1904, 1, 2));
                n.getCell(2).setCellStyle(date);
                n.createCell(3).setCellValue("other");
            });
            List<RawRow> rows = read(file);
            assertThat(rows).hasSize(2);
            RawRow a = rows.get(0);
            assertThat(value(a, "application_id")).isEqualTo("0012");
            assertThat(value(a, "received_date")).as("1904 system: %s", date1904).isEqualTo("2024-03-05");
            assertThat(value(a, "closed_date")).isEqualTo("2024-03-29");
            assertThat(value(a, "extended")).isEqualTo("Y");
            assertThat(value(a, "fee_yuan")).isEqualTo("1234.5");
            assertThat(a.line()).isEqualTo(2);
            assertThat(a.location()).isEqualTo("applications.xlsx, sheet 申请, row 2");
            RawRow b = rows.get(1);
            assertThat(value(b, "application_id")).isEqualTo("35");
            assertThat(value(b, "agency_code")).isEqualTo("SL");
            assertThat(value(b, "received_date")).isEqualTo("1904-01-02");
            assertThat(value(b, "closed_date")).isEmpty();
        }
    }

    @Test
    void titleRowsMergedCellsAndEmptyTrailingRows() throws IOException {
        Path file = workbook(false, wb -> {
            XSSFSheet s = wb.createSheet("台账");
            CellStyle border = wb.createCellStyle();
            border.setBorderBottom(BorderStyle.THIN);
            s.createRow(0).createCell(0).setCellValue("示例区某局 政府信息公开申请台账");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            header(s, 2, "application_id", "agency_code", "received_date", "applicant_type", "note", "", "closed_date");
            s.addMergedRegion(new CellRangeAddress(2, 2, 4, 5)); // "note" spans E:F
            for (int i = 0; i < 3; i++) {
                Row r = s.createRow(3 + i);
                r.createCell(0).setCellValue("A-" + i);
                if (i == 0) {
                    r.createCell(1).setCellValue("SL-EDU");
                }
                r.createCell(2).setCellValue("2024-01-0" + (i + 1));
                r.createCell(3).setCellValue("natural_person");
                r.createCell(5).setCellValue("under the merged header: ignored with it");
            }
            s.addMergedRegion(new CellRangeAddress(3, 5, 1, 1)); // the agency written once for three rows
            for (int i = 0; i < 4; i++) {
                Row empty = s.createRow(10 + i);
                empty.createCell(0).setCellStyle(border);
            }
        });
        List<RawRow> rows = read(file);
        assertThat(rows).extracting(RawRow::line).containsExactly(4L, 5L, 6L);
        assertThat(rows).allSatisfy(r -> {
            assertThat(value(r, "agency_code")).isEqualTo("SL-EDU");
            assertThat(r.structureProblem()).isNull();
        });
    }

    @Test
    void aRejectNamesFileSheetRowAndColumn() throws IOException {
        Path file = workbook(false, wb -> {
            XSSFSheet s = wb.createSheet("申请");
            header(s, 0, "application_id", "agency_code", "received_date", "applicant_type");
            Row r = s.createRow(16);
            r.createCell(0).setCellValue("X-1");
            r.createCell(1).setCellValue("SL");
            r.createCell(2).setCellValue("2024-02-30");
            r.createCell(3).setCellValue("个体工商户");
            r.createCell(6).setCellValue("stray");
            Row ok = s.createRow(17);
            ok.createCell(0).setCellValue("X-2");
            ok.createCell(1).setCellValue("SL");
            ok.createCell(2).setCellValue("2024-02-28");
            ok.createCell(3).setCellValue("个体工商户");
        });
        List<RawRow> rows = read(file);
        assertThat(rows.get(0).structureProblem()).contains("G17").contains("no name in the header row");
        RowChecker checker = new RowChecker(APPLICATIONS, "applications.xlsx", code -> true);
        ParsedRow bad = checker.check(rows.get(1));
        assertThat(bad.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("applications.xlsx");
            assertThat(p.line()).isEqualTo(18);
            assertThat(p.column()).isEqualTo("applicant_type");
            assertThat(p.value()).isEqualTo("个体工商户");
            assertThat(p.describe()).startsWith("applications.xlsx, sheet 申请, row 18, column applicant_type, value '个体工商户'");
        });
    }

    @Test
    void aMissingRequiredColumnRefusesTheWorkbook() throws IOException {
        Path file = workbook(false, wb -> header(wb.createSheet("申请"), 0, "application_id", "agency_code", "received_date"));
        assertThatThrownBy(() -> XlsxInput.checkHeader(file, APPLICATIONS))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("applications.xlsx, sheet 申请 is missing the required column applicant_type")
                .hasMessageContaining("row 1");
        Files.writeString(dir.resolve("broken.xlsx"), "not a zip");
        assertThatThrownBy(() -> XlsxInput.checkHeader(dir.resolve("broken.xlsx"), APPLICATIONS))
                .isInstanceOf(InputRefused.class).hasMessageContaining("broken.xlsx");
    }

    /**
     * 50,000 merged blocks, the shape of a ledger whose every field is written once for two rows: read with
     * the right values. (That it reads in time linear in rows plus blocks is {@code MergedBlocksTest}'s.)
     */
    @Test
    void aSheetOf50000MergedBlocksReadsWithEachBlocksValue() throws IOException {
        int extraColumns = 46;
        int pairs = 1_021; // 49 merged columns a pair: 50,029 blocks
        List<String> header = new ArrayList<>(List.of("application_id", "agency_code", "received_date", "applicant_type"));
        for (int x = 1; x <= extraColumns; x++) {
            header.add("x" + x);
        }
        Path file = RawWorkbook.write(dir.resolve("applications.xlsx"), Map.of(RawWorkbook.SHEET, out -> {
            out.write(RawWorkbook.SHEET_START);
            out.write("<row r=\"1\">");
            for (int c = 0; c < header.size(); c++) {
                inline(out, c, 1, header.get(c));
            }
            out.write("</row>");
            for (int p = 0; p < pairs; p++) {
                int first = 2 + 2 * p;
                out.write("<row r=\"" + first + "\">");
                inline(out, 0, first, "A-" + first);
                inline(out, 1, first, p % 2 == 0 ? "SL" : "SL-GOV");
                inline(out, 2, first, "2024-03-0" + (1 + p % 9));
                inline(out, 3, first, "natural_person");
                for (int c = 4; c < header.size(); c++) {
                    inline(out, c, first, "v" + p);
                }
                out.write("</row><row r=\"" + (first + 1) + "\">");
                inline(out, 0, first + 1, "A-" + (first + 1));
                out.write("</row>");
            }
            out.write("</sheetData><mergeCells count=\"" + pairs * (header.size() - 1) + "\">");
            for (int p = 0; p < pairs; p++) {
                int first = 2 + 2 * p;
                for (int c = 1; c < header.size(); c++) {
                    String column = CellReference.convertNumToColString(c);
                    out.write("<mergeCell ref=\"" + column + first + ":" + column + (first + 1) + "\"/>");
                }
            }
            out.write("</mergeCells></worksheet>");
        }));
        List<RawRow> rows = read(file);
        assertThat(rows).hasSize(2 * pairs);
        RowChecker checker = new RowChecker(APPLICATIONS, "applications.xlsx", code -> code.startsWith("SL"));
        for (int i = 0; i < rows.size(); i++) {
            RawRow row = rows.get(i);
            int p = i / 2;
            assertThat(row.line()).isEqualTo(2 + i);
            assertThat(value(row, "agency_code")).isEqualTo(p % 2 == 0 ? "SL" : "SL-GOV");
            assertThat(value(row, "received_date")).isEqualTo("2024-03-0" + (1 + p % 9));
            assertThat(checker.check(row).rejected()).as("row %d", row.line()).isFalse();
        }
    }

    private static void inline(Writer out, int column, int row, String text) throws IOException {
        out.write("<c r=\"" + CellReference.convertNumToColString(column) + row + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>");
    }
}
