package org.disclosurereports.outputs;

import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.Table2;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.inputs.EncodingDetector;
import org.disclosurereports.inputs.InputSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ReturnFilesTest {

    private static final ReportFormats FORMATS = ReportFormats.shipped();
    private static final ReturnFiles FILES = new ReturnFiles(new InputSchema(FORMATS));

    @TempDir
    Path dir;

    /** 5 new applications (4 natural persons, 1 law firm): 3 granted, 1 not held, 1 still open; a review upheld. */
    private static StatutoryTables district(ReportFormat format, int year) {
        Table2 t2 = new Table2(format.table2());
        Grid t3 = new Grid(format.table3Shape());
        Grid t4 = new Grid(format.table4Shape());
        if (format.id().equals(ReportFormat.CURRENT)) {
            t2.add("normative_documents", "valid", new BigDecimal("12"));
            t2.add("fees", "amount_wan_yuan", new BigDecimal("0.3125"));
            t3.add("new_received", "natural_person", 4);
            t3.add("new_received", "legal_service", 1);
            t3.add("granted", "natural_person", 3);
            t3.add("unable_not_held", "legal_service", 1);
            t3.add("carried_forward", "natural_person", 1);
            t4.add("review", "upheld", 1);
        }
        return new StatutoryTables("SL", "示例区人民政府", year, StatutoryTables.SCOPE_SUMMARY, t2, t3.withTotals(), t4.withTotals(),
                new BigDecimal("40.00"));
    }

    @Test
    void writesEveryCellOfTheThreeTablesWithTotalsAsChecks() throws Exception {
        List<ReturnFiles.Written> written = FILES.write(district(ReportFormat.load(ReportFormat.CURRENT), 2024), "PV-SL", dir, "tables.json");

        assertThat(written).extracting(w -> w.file().getFileName().toString(), ReturnFiles.Written::rows, ReturnFiles.Written::keptRows)
                .containsExactly(tuple("returns_table2.csv", 10, 0),
                        tuple("returns_table3.csv", 25 * 7, 0),
                        tuple("returns_table4.csv", 3 * 5, 0));
        List<String> t2 = lines("returns_table2.csv");
        assertThat(t2.get(0)).isEqualTo("agency_code,year,row,column,value");
        assertThat(t2).contains("PV-SL,2024,regulations,made,0", "PV-SL,2024,normative_documents,valid,12",
                "PV-SL,2024,fees,amount_wan_yuan,0.3125");
        List<String> t3 = lines("returns_table3.csv");
        assertThat(t3.get(0)).isEqualTo("agency_code,year,row,applicant_type,value");
        assertThat(t3.get(1)).isEqualTo("PV-SL,2024,new_received,natural_person,4");
        assertThat(t3).contains("PV-SL,2024,new_received,total,5", "PV-SL,2024,carried_over,natural_person,0",
                "PV-SL,2024,total_processed,total,4", "PV-SL,2024,carried_forward,natural_person,1",
                "PV-SL,2024,unable_not_held,legal_service,1");
        assertThat(lines("returns_table4.csv")).contains("agency_code,year,kind,result,value", "PV-SL,2024,review,upheld,1",
                "PV-SL,2024,review,total,1", "PV-SL,2024,litigation_after_review,pending,0");
    }

    @Test
    void keepsTheRowsOfOtherUnitsAndYearsAndReplacesItsOwn() throws Exception {
        // An office's file as Excel saves it: GB18030, labels instead of keys, CRLF, a column the contract does not know.
        Files.write(dir.resolve("returns_table4.csv"), ("agency_code,year,kind,result,value,note\r\n"
                + "PV-XH,2024,行政复议,结果维持,2,手填\r\n"
                + "PV-SL,2024,行政复议,结果纠正,9,旧的\r\n"
                + "PV-SL,2023,行政复议,结果纠正,1,\r\n").getBytes(EncodingDetector.GB18030));

        List<ReturnFiles.Written> written = FILES.write(district(ReportFormat.load(ReportFormat.CURRENT), 2024), "PV-SL", dir, "tables.json");

        assertThat(written.get(2).keptRows()).isEqualTo(2);
        assertThat(written.get(2).rows()).isEqualTo(15);
        List<String> t4 = lines("returns_table4.csv");
        // The unit's rows of the year take the place of its old ones; the others stay as they were, in UTF-8.
        assertThat(t4).hasSize(1 + 2 + 15);
        assertThat(t4.subList(0, 3)).containsExactly("agency_code,year,kind,result,value", "PV-XH,2024,行政复议,结果维持,2",
                "PV-SL,2024,review,upheld,1");
        assertThat(t4.get(17)).isEqualTo("PV-SL,2023,行政复议,结果纠正,1");
        assertThat(t4).contains("PV-SL,2024,review,corrected,0").doesNotContain("PV-SL,2024,行政复议,结果纠正,9");
        byte[] once = Files.readAllBytes(dir.resolve("returns_table4.csv"));
        FILES.write(district(ReportFormat.load(ReportFormat.CURRENT), 2024), "PV-SL", dir, "tables.json");
        assertThat(dir.resolve("returns_table4.csv")).as("the same export again gives the same file").hasBinaryContent(once);
    }

    @Test
    void writesATrialLayoutSummaryInTheCellsOfItsOwnLayout() throws Exception {
        ReportFormat trial = FORMATS.byId("gov-2019-60");
        Grid t3 = new Grid(trial.table3Shape());
        t3.add("new_received", "natural_person", 2);
        t3.add("other_processing", "natural_person", 2);
        StatutoryTables summary = new StatutoryTables("SL", "示例区人民政府", 2020, StatutoryTables.SCOPE_SUMMARY,
                new Table2(trial.table2()), t3.withTotals(), new Grid(trial.table4Shape()).withTotals(), null);

        List<ReturnFiles.Written> written = FILES.write(summary, "PV-SL", dir, "out/2020/SL/summary/tables.json");

        assertThat(written).extracting(ReturnFiles.Written::rows).allMatch(rows -> rows > 0);
        assertThat(lines("returns_table3.csv")).contains("PV-SL,2020,other_processing,natural_person,2",
                "PV-SL,2020,new_received,total,2");
        assertThat(lines("returns_table3.csv")).noneMatch(line -> line.startsWith("PV-SL,2020,other_no_correction,"));
    }

    @Test
    void refusesTablesThatNoReturnCouldStateAndWritesNothing() {
        ReportFormat format = ReportFormat.load(ReportFormat.CURRENT);
        Grid t3 = new Grid(format.table3Shape());
        t3.add("new_received", "natural_person", 2);   // received, never processed, not carried forward: identity C fails
        StatutoryTables broken = new StatutoryTables("SL", "示例区人民政府", 2024, StatutoryTables.SCOPE_SUMMARY, new Table2(format.table2()),
                t3.withTotals(), new Grid(format.table4Shape()).withTotals(), null);

        assertThatThrownBy(() -> FILES.write(broken, "PV-SL", dir, "tables.json"))
                .isInstanceOf(ReturnFiles.Refused.class)
                .hasMessageStartingWith("tables.json cannot be submitted as a return: ")
                .hasMessageContaining("identity C");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesToRewriteAFileWithABrokenRowNamingItsLine() throws IOException {
        Files.writeString(dir.resolve("returns_table3.csv"), "agency_code,year,row,applicant_type,value\n"
                + "PV-XH,2024,granted,natural_person,1,extra\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FILES.write(district(ReportFormat.load(ReportFormat.CURRENT), 2024), "PV-SL", dir, "tables.json"))
                .isInstanceOf(ReturnFiles.Refused.class)
                .hasMessageContaining(dir.resolve("returns_table3.csv") + ", line 2: the row has 6 fields but the header has 5");
        assertThat(dir.resolve("returns_table2.csv")).doesNotExist();
    }

    private List<String> lines(String file) throws IOException {
        return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
