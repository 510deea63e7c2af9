package org.disclosurereports.cli;

import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.support.SampleData;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From districts to a province: the demo district is run for 2023 and 2024 as the command line runs it, its
 * summary and its market regulator's summary are exported as the returns of two districts of a province
 * ({@code export-returns}), and the province is run from those returns alone. Each district is then a return
 * unit whose report has exactly its summary's cells, and the province's summary is their sum. The district
 * and the province have their own data directories and agency codes, and so share this class's database.
 */
@SpringBootTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:federation;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationJobTest {

    /** The province's district code of each exported summary: the district itself, and its market regulator (with its 所). */
    private record District(String code, String as) {}

    private static final List<District> DISTRICTS = List.of(new District("SL-SAMR", "PV-SAMR"), new District("SL", "PV-SL"));
    private static final int YEAR = 2024;

    @Autowired
    RunCommand runCommand;

    @TempDir
    static Path dir;
    Path districtOut;
    Path province;
    Path provinceOut;
    ExitCode provinceRun;
    final List<String> exportLines = new ArrayList<>();

    @BeforeAll
    void runTheDistrictExportItsSummariesAndRunTheProvince() throws Exception {
        districtOut = dir.resolve("district-out");
        province = dir.resolve("province");
        provinceOut = dir.resolve("province-out");
        // 2023 fails one blocking rule on purpose (README): its reports are built all the same.
        assertThat(run(SampleData.DIR, 2023, districtOut)).isEqualTo(ExitCode.BLOCKING_FINDINGS);
        assertThat(run(SampleData.DIR, YEAR, districtOut)).isEqualTo(ExitCode.OK);
        Files.createDirectories(province);
        Files.writeString(province.resolve("agencies.csv"), """
                agency_code,name,parent_code,level
                PV,示例省人民政府,,省政府
                PV-SL,示例区人民政府,PV,区
                PV-SAMR,示例区市场监督管理局,PV,区
                """, StandardCharsets.UTF_8);
        for (int year : new int[] {YEAR - 1, YEAR}) {
            for (District d : DISTRICTS) {
                assertThat(export(d.code(), year, d.as())).isEqualTo(ExitCode.OK);
            }
        }
        provinceRun = run(province, YEAR, provinceOut);
    }

    private ExitCode run(Path data, int year, Path out) {
        return runCommand.execute(new Options("run", Map.of("data", data.toString(), "year", String.valueOf(year), "out", out.toString()), Set.of()));
    }

    private ExitCode export(String unit, int year, String as) {
        return export(unit, year, as, province, exportLines);
    }

    /** {@code export-returns} as the command line runs it, its standard output and error appended to {@code lines}. */
    private ExitCode export(String unit, int year, String as, Path to, List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExitCode code = new ExportReturnsCommand(ReportFormats.shipped(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(new Options("export-returns",
                Map.of("out", districtOut.toString(), "year", String.valueOf(year), "unit", unit, "to", to.toString(), "as", as), Set.of()));
        lines.addAll(out.toString(StandardCharsets.UTF_8).lines().toList());
        lines.addAll(err.toString(StandardCharsets.UTF_8).lines().toList());
        return code;
    }

    @Test
    void eachDistrictIsAReturnUnitWhoseReportHasExactlyItsSummarysCells() {
        // No blocking finding: 2024's 二、上年结转 of each return equals its 2023 return's 四、结转下年度 (rule E1 and the return chain).
        assertThat(provinceRun).isEqualTo(ExitCode.OK);
        for (District d : DISTRICTS) {
            JsonNode summary = SampleData.read(districtOut.resolve(String.valueOf(YEAR)).resolve(d.code()).resolve("summary").resolve("tables.json"));
            JsonNode unit = SampleData.read(provinceOut.resolve(String.valueOf(YEAR)).resolve(d.as()).resolve("tables.json"));
            assertThat(unit.get("data_source").asText()).isEqualTo("return");
            assertThat(unit.get("scope").asText()).isEqualTo("agency");
            assertThat(unit.get("format").asText()).isEqualTo(summary.get("format").asText());
            List<String> cells = cells(summary);
            assertThat(cells).hasSize(10 + 25 * 7 + 3 * 5);
            assertThat(cells(unit)).isEqualTo(cells);
            for (String cell : cells) {
                assertThat(value(unit, cell)).as("%s %s", d.as(), cell).isEqualByComparingTo(value(summary, cell));
            }
            // The demo's summaries are no set of zeros: the comparison compares figures.
            assertThat(value(summary, "table3.new_received.total")).isPositive();
            // A return carries the tables only: the 信息处理费 is left to the province's office to state.
            assertThat(unit.get("processing_fees_yuan").isNull()).isTrue();
        }
    }

    @Test
    void theProvincesSummaryIsTheSumOfItsDistrictsSummaries() {
        Path year = provinceOut.resolve(String.valueOf(YEAR));
        JsonNode own = SampleData.read(year.resolve("PV").resolve("tables.json"));
        assertThat(own.get("data_source").asText()).as("the province's own office has no data here").isEqualTo("none");
        JsonNode summary = SampleData.read(year.resolve("PV").resolve("summary").resolve("tables.json"));
        assertThat(summary.get("units")).extracting(JsonNode::asText).containsExactly("PV", "PV-SAMR", "PV-SL");
        List<JsonNode> districts = DISTRICTS.stream().map(District::code)
                .map(code -> SampleData.read(districtOut.resolve(String.valueOf(YEAR)).resolve(code).resolve("summary").resolve("tables.json")))
                .toList();
        for (String cell : cells(summary)) {
            BigDecimal sum = value(own, cell);
            for (JsonNode d : districts) {
                sum = sum.add(value(d, cell));
            }
            assertThat(value(summary, cell)).as(cell).isEqualByComparingTo(sum);
        }
        JsonNode validation = SampleData.read(year.resolve("PV").resolve("summary").resolve("validation.json"));
        for (JsonNode f : validation.get("findings")) {
            assertThat(f.get("severity").asText()).as(f.toString()).isNotEqualTo("blocking");
        }
    }

    @Test
    void theExportSaysWhatItWroteAndKept() throws Exception {
        assertThat(exportLines).contains(
                "Wrote the 2024 summary of SL (示例区人民政府, 12 units) as the return of PV-SL into " + province + ":",
                "  returns_table3.csv: 175 rows, 525 rows of other units and years kept");
        // The province's agencies.csv lists both districts: no note asks to add one.
        assertThat(exportLines).noneMatch(line -> line.startsWith("Note:"));
        // Four exports of 200 rows each (10 + 175 + 15), one header per file.
        assertThat(Files.readAllLines(province.resolve("returns_table2.csv"))).hasSize(1 + 4 * 10);
        assertThat(Files.readAllLines(province.resolve("returns_table3.csv"))).hasSize(1 + 4 * 175);
        assertThat(Files.readAllLines(province.resolve("returns_table4.csv"))).hasSize(1 + 4 * 15);
    }

    @Test
    void aUnitWithoutASummaryIsRefusedNamingTheFile() {
        List<String> lines = new ArrayList<>();
        assertThat(export("SL-PNR", YEAR, "PV-PNR", dir.resolve("elsewhere"), lines)).isEqualTo(ExitCode.INPUT_REFUSED);
        assertThat(lines).containsExactly("Refused: " + districtOut.resolve("2024/SL-PNR/summary/tables.json")
                + " does not exist: SL-PNR has no summary of 2024 (it has no units under it in agencies.csv, or its summary failed: see run-summary.json)");
        assertThat(dir.resolve("elsewhere")).doesNotExist();
    }

    /** Every cell of tables 二, 三 and 四 as written, in order: table2.row.column, table3.row.column, table4.kind.result. */
    private static List<String> cells(JsonNode tables) {
        List<String> cells = new ArrayList<>();
        tables.get("table2").fields().forEachRemaining(row -> row.getValue().fieldNames()
                .forEachRemaining(column -> cells.add("table2." + row.getKey() + "." + column)));
        JsonNode t3 = tables.get("table3");
        tables.get("table3").get("rows").fieldNames().forEachRemaining(row -> t3.get("columns")
                .forEach(column -> cells.add("table3." + row + "." + column.asText())));
        tables.get("table4").fields().forEachRemaining(kind -> kind.getValue().fieldNames()
                .forEachRemaining(result -> cells.add("table4." + kind.getKey() + "." + result)));
        return cells;
    }

    private static BigDecimal value(JsonNode tables, String cell) {
        String[] ref = cell.split("\\.");
        if (ref[0].equals("table3")) {
            JsonNode t3 = tables.get("table3");
            int column = 0;
            for (Iterator<JsonNode> c = t3.get("columns").elements(); !c.next().asText().equals(ref[2]); column++) {
                // to the column's position
            }
            return t3.get("rows").get(ref[1]).get(column).decimalValue();
        }
        JsonNode v = tables.get(ref[0]).get(ref[1]).get(ref[2]);
        return v.isTextual() ? new BigDecimal(v.asText()) : v.decimalValue();
    }
}
