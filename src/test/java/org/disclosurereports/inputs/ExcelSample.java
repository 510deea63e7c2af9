package org.disclosurereports.inputs;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes the Excel sample {@code sample-data/excel/}: a unit without a case system (示例区市场监督管理局,
 * SL-SAMR) sends its applications as a workbook. The rows are exactly SL-SAMR's rows of
 * {@code sample-data/applications.csv} (including its deliberately bad one), laid out the way such
 * workbooks are: a merged title row, a header name merged over two columns, the agency code merged
 * down the whole column, real date cells in two display formats mixed with dates typed as text, and
 * formatted empty rows at the end.
 * <pre>
 * mvn -q -o test-compile exec:java … or run main() from an IDE:  ExcelSample sample-data
 * </pre>
 * The test {@code ExcelSampleTest} checks that the committed workbook holds what this writes.
 */
public final class ExcelSample {

    public static final String SHEET = "申请登记";
    public static final String AGENCY = "SL-SAMR";
    static final List<String> HEADER = List.of("application_id", "agency_code", "received_date", "applicant_type",
            "closed_date", "outcome", "extended", "fee_yuan");

    public static void main(String[] args) throws IOException {
        Path sampleData = Path.of(args.length > 0 ? args[0] : "sample-data");
        Path dir = Files.createDirectories(sampleData.resolve("excel"));
        Files.copy(sampleData.resolve("agencies.csv"), dir.resolve("agencies.csv"), StandardCopyOption.REPLACE_EXISTING);
        write(sampleData.resolve("applications.csv"), dir.resolve("applications.xlsx"));
    }

    /** SL-SAMR's rows of an applications.csv, in file order. */
    public static List<CSVRecord> rows(Path applicationsCsv) throws IOException {
        try (CSVParser p = CSVParser.parse(applicationsCsv, StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords().stream().filter(r -> r.get("agency_code").equals(AGENCY)).toList();
        }
    }

    public static void write(Path applicationsCsv, Path target) throws IOException {
        List<CSVRecord> rows = rows(applicationsCsv);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            // Fixed document properties, so that the same rows give the same workbook.
            wb.getProperties().getCoreProperties().setCreated(Optional.of(new Date(1736899200000L)));
            wb.getProperties().getCoreProperties().setCreator("disclosure-reports sample");
            XSSFSheet sheet = wb.createSheet(SHEET);
            CellStyle isoDate = wb.createCellStyle();
            isoDate.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle chineseDate = wb.createCellStyle();
            chineseDate.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            CellStyle bordered = wb.createCellStyle();
            bordered.setBorderBottom(BorderStyle.THIN);

            sheet.createRow(0).createCell(0).setCellValue("示例区市场监督管理局 政府信息公开申请登记表（导出 2025-01-15）");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size()));
            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            // fee_yuan's header spans two columns (H:I), as hand-made sheets often do.
            sheet.addMergedRegion(new CellRangeAddress(1, 1, HEADER.size() - 1, HEADER.size()));

            int r = 2;
            for (CSVRecord rec : rows) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < HEADER.size(); c++) {
                    String name = HEADER.get(c);
                    String value = rec.get(name);
                    if (value.isEmpty() || (name.equals("agency_code") && r > 2)) {
                        continue; // the agency code is written once, in a block merged down the column
                    }
                    var cell = row.createCell(c);
                    LocalDate date = isoDate(value);
                    boolean asText = r % 7 == 0; // some offices type dates as text
                    if ((name.equals("received_date") || name.equals("closed_date")) && date != null && !asText) {
                        cell.setCellValue(date);
                        cell.setCellStyle(r % 2 == 0 ? isoDate : chineseDate);
                    } else if (name.equals("fee_yuan")) {
                        cell.setCellValue(Double.parseDouble(value));
                    } else {
                        cell.setCellValue(value);
                    }
                }
                r++;
            }
            sheet.addMergedRegion(new CellRangeAddress(2, r - 1, 1, 1));
            // Formatted but empty rows after the last record.
            for (int i = 0; i < 5; i++) {
                Row empty = sheet.createRow(r + i);
                for (int c = 0; c < HEADER.size(); c++) {
                    empty.createCell(c).setCellStyle(bordered);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            try (OutputStream out = Files.newOutputStream(target)) {
                withFixedTimes(bytes.toByteArray(), out);
            }
        }
    }

    /** The same workbook with fixed zip entry times: the same rows give the same bytes. */
    private static void withFixedTimes(byte[] xlsx, OutputStream target) throws IOException {
        try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             var out = new ZipOutputStream(target)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                var copy = new ZipEntry(e.getName());
                copy.setTime(1736899200000L);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }

    /** The CSV's ISO dates become date cells; other spellings (2023/06/19, 2023年6月19日) stay as typed. */
    private static LocalDate isoDate(String value) {
        return value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value) : null;
    }
}
