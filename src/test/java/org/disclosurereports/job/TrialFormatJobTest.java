package org.disclosurereports.job;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.outputs.office.OfficeFixtures;
import org.disclosurereports.outputs.office.YearWorkbook;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports of 2020 and 2021 built by the whole job from the same records: 2020 in the trial layout of
 * 国办公开办函〔2019〕60号, 2021 in that of 〔2021〕30号, the 2021 report checked against the 2020 one on the
 * cells both layouts share, a unit that submits returns built in the layout of their year, and a run that
 * names the layout (--format) instead of taking the year's.
 */
@SpringBootTest
@SpringBatchTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:trial-format-job;DB_CLOSE_DELAY=-1")
class TrialFormatJobTest {

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    InputSchema schema;

    @TempDir
    static Path data;
    @TempDir
    Path out;

    @BeforeAll
    static void writeData() throws Exception {
        write("agencies.csv", """
                agency_code,name,parent_code,level
                TR,试验县人民政府,,县政府
                TR-A,试验县发展和改革委员会,TR,部门
                TR-B,试验县档案馆,TR,部门
                """);
        write("applications.csv", """
                application_id,agency_code,received_date,applicant_type,closed_date,outcome
                A1,TR-A,2019-12-10,自然人,2020-01-08,予以公开
                A2,TR-A,2020-03-01,商业企业,2020-03-20,申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
                A3,TR-A,2020-05-01,自然人,2020-05-30,other_other
                A4,TR-A,2020-11-20,自然人,2021-01-10,other_no_correction
                A5,TR-A,2021-02-01,法律服务机构,2021-02-20,rejected_repeat
                """);
        write("filings.csv", """
                document_id,agency_code,title,category,issued_date,disclosure,published_date,repealed_date
                D1,TR-A,关于甲的通知,规范性文件,2019-05-01,主动公开,2019-05-03,
                D2,TR-A,关于乙的通知,行政规范性文件,2020-02-01,主动公开,2020-02-05,
                D3,TR-A,关于丙的通知,normative,2020-12-20,主动公开,2021-01-05,2021-06-30
                """);
        write("enforcement.csv", """
                agency_code,year,item,value,items
                TR-A,2019,licensing,40,12
                TR-A,2020,licensing,55,9
                TR-A,2021,licensing,61,9
                TR-A,2020,其他对外管理服务事项,7,5
                TR-A,2020,fees,0.8,1
                TR-A,2020,政府集中采购,123.456,6
                """);
        writeReturns();
    }

    /**
     * TR-B reports by return. Its 2020 return names cells of the 2019 layout (item counts, a negative change,
     * 其他对外管理服务事项, 政府集中采购, （六）其他处理 as labelled and unnumbered); each file's last row is a
     * 2021 row naming a cell the 2021 layout does not have, which is rejected.
     */
    static void writeReturns() throws Exception {
        write("returns_table2.csv", """
                agency_code,year,row,column,value
                TR-B,2020,其他对外管理服务事项,上一年项目数量,8
                TR-B,2020,其他对外管理服务事项,本年增/减,-2
                TR-B,2020,other_services,decisions,30
                TR-B,2020,政府集中采购,采购项目数量,2
                TR-B,2020,政府集中采购,采购总金额,45.5
                TR-B,2021,其他对外管理服务事项,本年处理决定数量,3
                """);
        write("returns_table3.csv", """
                agency_code,year,row,applicant_type,value
                TR-B,2020,一、本年新收政府信息公开申请数量,自然人,3
                TR-B,2020,一、本年新收政府信息公开申请数量,商业企业,1
                TR-B,2020,（一）予以公开,自然人,2
                TR-B,2020,（六）其他处理,自然人,1
                TR-B,2020,其他处理,商业企业,1
                TR-B,2020,（七）总计,总计,4
                TR-B,2021,（六）其他处理,自然人,1
                """);
        write("returns_table4.csv", """
                agency_code,year,kind,result,value
                TR-B,2020,行政复议,结果维持,1
                """);
    }

    static void write(String name, String text) throws Exception {
        Files.writeString(data.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Not a method of the test class returning a JobExecution: Spring Batch's test listener would call it. */
    final class Launcher {
        JobExecution run(int year, Path outDir, String format) throws Exception {
            InputSet inputs = new InputInspector(schema).inspect(data, null);
            RunParameters p = new RunParameters(inputs.directory(), year, outDir, RunParameters.ALL_AGENCIES, inputs.digest(),
                    inputs.encodings(), 0, null, format);
            return jobs.startJob(RunIdentity.of(p).jobParameters());
        }
    }

    BatchStatus run(int year, Path outDir, String format) throws Exception {
        return new Launcher().run(year, outDir, format).getStatus();
    }

    static JsonNode json(Path file) throws Exception {
        return org.disclosurereports.core.figures.TablesJson.JSON.readTree(file.toFile());
    }

    static JsonNode rule(JsonNode validation, String id) {
        for (JsonNode r : validation.get("rules")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    /** Each of the rules was applied to the report and none of its checks failed. */
    static void appliedAndHeld(JsonNode validation, String... ids) {
        for (String id : ids) {
            assertThat(rule(validation, id).get("applied").asBoolean()).as(id).isTrue();
            assertThat(rule(validation, id).get("failed").asInt()).as(id).isZero();
        }
    }

    @Test
    void a2020ReportIsBuiltInThe2019LayoutAndThe2021OneIsComparedWithItOnSharedCells() throws Exception {
        assertThat(run(2020, out, null)).isEqualTo(BatchStatus.COMPLETED);
        Path unit = out.resolve("2020/TR-A");
        JsonNode t = json(unit.resolve("tables.json"));
        assertThat(t.get("format").asText()).isEqualTo("gov-2019-60");
        assertThat(t.at("/table2/licensing/previous_items").asInt()).isEqualTo(12);
        assertThat(t.at("/table2/licensing/items_change").asInt()).isEqualTo(-3);
        assertThat(t.at("/table2/other_services/items_change").asInt()).isEqualTo(5);
        assertThat(t.at("/table2/normative_documents/made").asInt()).isEqualTo(2);
        assertThat(t.at("/table2/normative_documents/published").asInt()).isEqualTo(1);
        assertThat(t.at("/table2/normative_documents/public").asInt()).isEqualTo(2);
        assertThat(t.at("/table2/procurement/total_amount").asText()).isEqualTo("123.456");
        assertThat(t.at("/table3/rows/other_processing").toString()).isEqualTo("[1,1,0,0,0,0,2]");
        assertThat(t.at("/table3/rows/carried_forward/6").asInt()).isEqualTo(1);
        JsonNode v = json(unit.resolve("validation.json"));
        assertThat(v.get("result").asText()).isEqualTo("passed");
        appliedAndHeld(v, "A", "B", "C", "D", "N1");
        String html = Files.readString(unit.resolve("report.html"));
        assertThat(html).contains("本年新制作数量", "上一年项目数量", "本年增/减", "其他对外管理服务事项", "第二十条第（九）项",
                "政府集中采购", "（六）其他处理", "data-cell=\"table2.licensing.items_change\">-3<").doesNotContain("本年制发件数", "3.其他");
        // The amount of 政府集中采购 is stated with its unit in the narrative, as 收费金额 is in 2021.
        assertThat(html).containsPattern("data-cell=\"table2\\.procurement\\.total_amount\"[^>]*>123\\.456</[a-z]+>万元");
        assertThat(Files.exists(unit.resolve("report.pdf"))).isTrue();
        // The summary over the county is in the same layout and adds up its unit, the negative change included.
        JsonNode summary = json(out.resolve("2020/TR/summary/tables.json"));
        assertThat(summary.get("format").asText()).isEqualTo("gov-2019-60");
        assertThat(summary.at("/table2/licensing/items_change").asInt()).isEqualTo(-3);
        assertThat(summary.at("/table2/other_services/items_change").asInt()).isEqualTo(3);

        // The unit that submits a return is built in the layout of its year, from the cells of that layout.
        Path returned = out.resolve("2020/TR-B");
        JsonNode r = json(returned.resolve("tables.json"));
        assertThat(r.get("format").asText()).isEqualTo("gov-2019-60");
        assertThat(r.get("data_source").asText()).isEqualTo("return");
        assertThat(r.at("/table2/other_services/previous_items").asInt()).isEqualTo(8);
        assertThat(r.at("/table2/other_services/items_change").asInt()).isEqualTo(-2);
        assertThat(r.at("/table2/other_services/decisions").asInt()).isEqualTo(30);
        assertThat(r.at("/table2/procurement/total_amount").asText()).isEqualTo("45.5");
        assertThat(r.at("/table3/rows/other_processing").toString()).isEqualTo("[1,1,0,0,0,0,2]");
        assertThat(r.at("/table3/rows/total_processed/6").asInt()).isEqualTo(4);
        JsonNode rv = json(returned.resolve("validation.json"));
        assertThat(rv.get("result").asText()).isEqualTo("passed");
        appliedAndHeld(rv, "A", "B", "C", "D");
        assertThat(Files.readString(returned.resolve("report.html"))).contains("data-cell=\"table2.other_services.items_change\">-2<");
        assertThat(returned.resolve("report.pdf")).isRegularFile();
        // A 2021 row naming a cell only the 2019 layout has is rejected, with file, line, column and value.
        assertThat(Files.readString(out.resolve("2020/rejects/returns_table2.csv"))).contains(
                "returns_table2.csv,7,row,其他对外管理服务事项,\"table 二 of gov-2021-30 (the layout of 2021) has no row other_services");
        assertThat(Files.readString(out.resolve("2020/rejects/returns_table3.csv"))).contains(
                "returns_table3.csv,8,row,（六）其他处理,\"table 三 of gov-2021-30 (the layout of 2021) has no row other_processing");

        assertThat(run(2021, out, null)).isEqualTo(BatchStatus.COMPLETED);
        JsonNode t21 = json(out.resolve("2021/TR-A/tables.json"));
        assertThat(t21.get("format").asText()).isEqualTo("gov-2021-30");
        assertThat(t21.at("/table3/rows/other_no_correction/6").asInt()).isEqualTo(1);
        JsonNode v21 = json(out.resolve("2021/TR-A/validation.json"));
        assertThat(v21.get("previous_year").asInt()).isEqualTo(2020);
        assertThat(rule(v21, "E1").get("applied").asBoolean()).isTrue();
        assertThat(rule(v21, "E1").get("passed").asInt()).isEqualTo(7);
        assertThat(rule(v21, "E2").get("applied").asBoolean()).isFalse();
        assertThat(rule(v21, "E2").get("not_applied").asText()).contains("gov-2021-30, previous year gov-2019-60");
        assertThat(rule(v21, "Y1").get("note").asText()).contains("previous:table3.other_no_fee.total");
        assertThat(rule(json(out.resolve("2021/TR/summary/validation.json")), "E1").get("passed").asInt()).isEqualTo(7);
    }

    @Test
    void aRunThatNamesTheLayoutBuildsInItWhateverTheYear() throws Exception {
        assertThat(run(2021, out, "gov-2019-60")).isEqualTo(BatchStatus.COMPLETED);
        JsonNode t = json(out.resolve("2021/TR-A/tables.json"));
        assertThat(t.get("format").asText()).isEqualTo("gov-2019-60");
        assertThat(t.at("/table2/licensing/items_change").asInt()).isZero();
        assertThat(t.at("/table3/rows/other_processing/6").asInt()).isEqualTo(1);
        JsonNode v = json(out.resolve("2021/TR-A/validation.json"));
        assertThat(v.get("blocking").asInt()).isZero();
        appliedAndHeld(v, "A", "B", "C", "D");
    }

    /**
     * The Word and Excel files of a 2020 report hold the figures of the 2019 layout, as its tables.json
     * does: a negative 本年增/减, the 采购总金额 in 万元 to four places, and the year workbook's columns are
     * the cells of that layout.
     */
    @Test
    void theWordAndExcelFilesOfA2020ReportHoldTheFiguresOfThe2019Layout() throws Exception {
        assertThat(run(2020, out, null)).isEqualTo(BatchStatus.COMPLETED);
        ReportFormat trial = ReportFormat.load("gov-2019-60");
        List<String> cells = YearWorkbook.cellKeys(trial);
        for (String code : List.of("TR-A", "TR-B")) {
            Path unit = out.resolve("2020").resolve(code);
            JsonNode t = json(unit.resolve("tables.json"));
            List<BigDecimal> want = new ArrayList<>();
            for (String cell : cells.subList(0, cells.size() - 1)) {
                want.add(OfficeFixtures.jsonValue(t, cell).stripTrailingZeros());
            }
            List<BigDecimal> inWorkbook = new ArrayList<>();
            try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(unit.resolve("tables.xlsx")))) {
                assertThat(book.getSheetName(0)).isEqualTo("表二");
                for (Sheet sheet : book) {
                    for (Row row : sheet) {
                        for (Cell c : row) {
                            if (c.getCellType() == CellType.NUMERIC) {
                                inWorkbook.add(BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros());
                                if (code.equals("TR-A") && c.getNumericCellValue() == 123.456) {
                                    assertThat(c.getCellStyle().getDataFormatString()).isEqualTo("0.0000");
                                }
                            }
                        }
                    }
                }
            }
            List<BigDecimal> inDocument = new ArrayList<>();
            try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(unit.resolve("report.docx")))) {
                assertThat(doc.getTables()).hasSize(3);
                for (XWPFTable table : doc.getTables()) {
                    for (XWPFTableRow row : table.getRows()) {
                        for (XWPFTableCell c : row.getTableCells()) {
                            if (c.getText().matches("-?[0-9]+(\\.[0-9]+)?")) {
                                inDocument.add(new BigDecimal(c.getText()).stripTrailingZeros());
                            }
                        }
                    }
                }
                assertThat(doc.getTables().get(0).getText()).contains("上一年项目数量", "本年增/减", "政府集中采购");
            }
            assertThat(inWorkbook).as(code + " tables.xlsx").containsExactlyInAnyOrderElementsOf(want);
            assertThat(inDocument).as(code + " report.docx").containsExactlyInAnyOrderElementsOf(want);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(out.resolve("2020/tables.xlsx")))) {
            Row keys = book.getSheetAt(0).getRow(0);
            List<String> header = new ArrayList<>();
            for (Cell c : keys) {
                header.add(c.getStringCellValue());
            }
            assertThat(header.get(0)).isEqualTo("agency_code");
            assertThat(header.subList(header.size() - cells.size(), header.size())).isEqualTo(cells);
        }
    }
}
