package org.disclosurereports.job;

import org.disclosurereports.inputs.ExcelSample;
import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.XlsxInput;
import org.disclosurereports.support.SampleData;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Excel sample (sample-data/excel: SL-SAMR's applications as a workbook) through the whole job:
 * the figures equal those the independent oracle computes from the same rows as CSV, and the bad row
 * is rejected naming file, sheet, row and column.
 */
@SpringBootTest
@SpringBatchTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:excel-workbook-job;DB_CLOSE_DELAY=-1")
class ExcelWorkbookJobTest {

    static final Path EXCEL = SampleData.DIR.resolve("excel");

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    InputSchema schema;

    @TempDir
    Path out;

    final class Launcher {
        JobExecution run(Path data, int year, Path outDir) throws Exception {
            InputSet inputs = new InputInspector(schema).inspect(data, null);
            RunParameters p = new RunParameters(inputs.directory(), year, outDir, RunParameters.ALL_AGENCIES, inputs.digest(), inputs.encodings(), 0);
            return jobs.startJob(RunIdentity.of(p).jobParameters());
        }
    }

    @Test
    void theWorkbookGivesTheFiguresOfTheSameRowsAsCsv() throws Exception {
        for (int year : new int[] {2023, 2024}) {
            JobExecution e = new Launcher().run(EXCEL, year, out);
            assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            JsonNode want = SampleData.expectedTables(year, ExcelSample.AGENCY);
            JsonNode got = SampleData.read(out.resolve(year + "/" + ExcelSample.AGENCY + "/tables.json"));
            assertThat(got.get("table3")).as("%d table3", year).isEqualTo(want.get("table3"));
            assertThat(got.get("table3").get("rows").get("new_received").get(6).asInt()).as("not an empty table").isPositive();
        }
        List<CSVRecord> samr = ExcelSample.rows(SampleData.DIR.resolve("applications.csv"));
        JobExecution e = new Launcher().run(EXCEL, 2024, out.resolve("again"));
        RunSummary summary = RunSummary.collect(jobRepository, e, schema);
        assertThat(summary.files()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("applications.xlsx");
            assertThat(f.encoding()).isEqualTo("xlsx");
            assertThat(f.read()).isEqualTo(samr.size());
            assertThat(f.rejected()).isEqualTo(1);
            assertThat(f.loaded()).isEqualTo(samr.size() - 1);
        });

        // The oracle's bad SL-SAMR row, at its place in the sheet: title row 1, header row 2, records from row 3.
        int index = 0;
        while (!samr.get(index).get("applicant_type").equals("个体工商户")) {
            index++;
        }
        long row = index + 3;
        String badId = samr.get(index).get("application_id");
        List<CSVRecord> rejects = csv(out.resolve("again/2024/rejects/applications.csv"));
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.get("file")).isEqualTo("applications.xlsx");
            assertThat(r.get("line")).isEqualTo(String.valueOf(row));
            assertThat(r.get("column")).isEqualTo("applicant_type");
            assertThat(r.get("value")).isEqualTo("个体工商户");
            assertThat(r.get("location")).isEqualTo("applications.xlsx, sheet " + ExcelSample.SHEET + ", row " + row);
            assertThat(r.get("record")).as("the original row is kept").contains("个体工商户").contains(badId);
        });
    }

    @Test
    void theCommittedWorkbookIsWhatTheGeneratorWrites() throws IOException {
        Path fresh = out.resolve("applications.xlsx");
        ExcelSample.write(SampleData.DIR.resolve("applications.csv"), fresh);
        assertThat(rows(fresh)).isEqualTo(rows(EXCEL.resolve("applications.xlsx")));
        assertThat(Files.readAllBytes(fresh)).as("byte for byte, too").isEqualTo(Files.readAllBytes(EXCEL.resolve("applications.xlsx")));
        assertThat(Files.readString(EXCEL.resolve("agencies.csv"))).isEqualTo(Files.readString(SampleData.DIR.resolve("agencies.csv")));
    }

    @Test
    void aKindGivenAsCsvAndAsWorkbookIsRefused() throws IOException {
        Path data = SampleData.copyTo(out.resolve("both"));
        Files.copy(EXCEL.resolve("applications.xlsx"), data.resolve("applications.xlsx"));
        assertThatThrownBy(() -> new InputInspector(schema).inspect(data, null))
                .hasMessageContaining("applications.csv and applications.xlsx both hold applications");
    }

    private List<String> rows(Path xlsx) {
        List<String> rows = new ArrayList<>();
        try (XlsxInput in = new XlsxInput(xlsx, schema.kind(InputSchema.APPLICATIONS))) {
            for (RawRow r = in.next(); r != null; r = in.next()) {
                rows.add(r.line() + ":" + String.join("|", r.values()));
            }
        }
        return rows;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }
}
