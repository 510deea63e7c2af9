package org.disclosurereports.store;

import org.disclosurereports.core.counting.Evidence;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Agency;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Counting a year and the year before from one read per kind gives what two separate counts give. */
class TablesFromRecordsTest {

    static final ReportFormat FORMAT = ReportFormat.current();
    static final Agency UNIT = new Agency("SL", "示例区人民政府", null, "区政府", null, null, null, null);

    RecordStore store;

    @BeforeEach
    void records() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .placeholders(Map.of("table_options", "")).load().migrate();
        store = new RecordStore(db);
        List<String> agency = List.of("agency_code", "name", "parent_code", "agency_level", "report_url", "contact_office",
                "contact_address", "contact_phone");
        store.upsert("agency", agency, List.of("agency_code"), List.<Object[]>of(row("SL", "示例区人民政府", null, "区政府", null, null, null, null)));
        // Each on or next to a boundary of 2023 and 2024: closed before, in or after, received or filed in either year.
        store.upsert("application", List.of("agency_code", "application_id", "received_date", "applicant_type", "closed_date",
                "outcome", "extended", "fee_yuan"), List.of("agency_code", "application_id"), List.of(
                row("SL", "A1", d("2022-12-01"), "natural_person", d("2022-12-31"), "granted", false, null),
                row("SL", "A2", d("2022-12-20"), "commercial", d("2023-01-01"), "partially_granted", false, null),
                row("SL", "A3", d("2023-06-01"), "natural_person", d("2023-12-31"), "granted", true, new BigDecimal("10.00")),
                row("SL", "A4", d("2023-12-31"), "natural_person", d("2024-01-01"), "denied_process_info", false, null),
                row("SL", "A5", d("2023-11-30"), "commercial", null, null, null, null),
                row("SL", "A6", d("2024-01-01"), "natural_person", d("2024-02-01"), "granted", false, null),
                row("SL", "A7", d("2024-12-31"), "commercial", null, null, null, null)));
        store.upsert("appeal_case", List.of("agency_code", "case_id", "kind", "filed_date", "closed_date", "result"),
                List.of("agency_code", "case_id"), List.of(
                row("SL", "C1", "review", d("2022-11-01"), d("2022-12-31"), "upheld"),
                row("SL", "C2", "review", d("2023-03-01"), d("2024-01-02"), "upheld"),
                row("SL", "C3", "review", d("2023-12-31"), null, null),
                row("SL", "C4", "review", d("2024-01-01"), d("2024-05-01"), "upheld")));
        store.upsert("document", List.of("document_id", "agency_code", "doc_number", "title", "category", "issued_date", "disclosure",
                "published_date", "repealed_date", "interpretation_date", "interpretation_forms"), List.of("document_id"), List.of(
                row("D1", "SL", null, "甲", "normative", d("2022-05-01"), "proactive", null, d("2023-12-31"), null, null),
                row("D2", "SL", null, "乙", "normative", d("2023-12-31"), "proactive", null, null, null, null),
                row("D3", "SL", null, "丙", "regulation", d("2024-01-01"), "proactive", null, null, null, null),
                row("D4", "SL", null, "丁", "normative", d("2023-02-01"), "proactive", null, d("2024-03-01"), null, null)));
        store.upsert("enforcement_figure", List.of("agency_code", "report_year", "item", "figure"),
                List.of("agency_code", "report_year", "item"), List.of(
                row("SL", 2023, "licensing", new BigDecimal("35")), row("SL", 2024, "licensing", new BigDecimal("28")),
                row("SL", 2022, "licensing", new BigDecimal("7"))));
    }

    private static Object[] row(Object... values) {
        Object[] withLoad = Arrays.copyOf(values, values.length + 2);
        withLoad[values.length] = 1L;
        withLoad[values.length + 1] = 2;
        return withLoad;
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static List<String> trail(TablesFromRecords counting, int year) {
        List<String> trail = new ArrayList<>();
        counting.agency(UNIT, year, (table, row, column, id) -> trail.add(table + "." + row + "." + column + " " + id));
        return trail;
    }

    @Test
    void theYearBeforeCountedAlongsideEqualsItsOwnCount() {
        TablesFromRecords separate = new TablesFromRecords(FORMAT, store);
        TablesFromRecords together = new TablesFromRecords(FORMAT, store).keepingYearBefore();
        StatutoryTables before = separate.agency(UNIT, 2023, Evidence.NONE);
        assertThat(before.table3().equals(separate.agency(UNIT, 2024, Evidence.NONE).table3())).as("the fixture tells the years apart").isFalse();

        List<String> trailTogether = trail(together, 2024);
        assertThat(trailTogether).isEqualTo(trail(separate, 2024)).isNotEmpty();
        StatutoryTables kept = together.agency(UNIT, 2023, Evidence.NONE);
        assertThat(kept).isEqualTo(before);
        assertThat(together.agency(UNIT, 2024, Evidence.NONE)).isEqualTo(separate.agency(UNIT, 2024, Evidence.NONE));
    }

    @Test
    void theYearBeforeWithEvidenceIsCountedAgain() {
        TablesFromRecords together = new TablesFromRecords(FORMAT, store).keepingYearBefore();
        trail(together, 2024);
        assertThat(trail(together, 2023)).isEqualTo(trail(new TablesFromRecords(FORMAT, store), 2023)).isNotEmpty();
    }
}
