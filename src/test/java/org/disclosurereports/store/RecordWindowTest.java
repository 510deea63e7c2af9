package org.disclosurereports.store;

import org.disclosurereports.core.records.AppealCase;
import org.disclosurereports.core.records.Application;
import org.disclosurereports.core.records.Document;
import org.disclosurereports.core.records.EnforcementFigure;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The records of several agencies read together, grouped per agency, each year's as a query for it alone would give them. */
class RecordWindowTest {

    JdbcTemplate jdbc;
    RecordStore store;
    final List<String> reads = new ArrayList<>();

    @BeforeEach
    void schema() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(db);
        for (String migration : List.of("V2__records.sql", "V6__trainings_hearings_holidays.sql", "V9__key_lookup_indexes.sql",
                "V17__enforcement_item_count.sql")) {
            String sql;
            try (var in = getClass().getClassLoader().getResourceAsStream("db/migration/common/" + migration)) {
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${table_options}", "");
            }
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    jdbc.execute(statement);
                }
            }
        }
        store = new RecordStore(db) {
            @Override
            public Map<String, AgencyRecords> records(List<String> agencyCodes, int firstYear, int lastYear) {
                reads.add(String.join(",", agencyCodes) + " " + firstYear + "-" + lastYear);
                return super.records(agencyCodes, firstYear, lastYear);
            }
        };
        // Interleaved across agencies and out of key order, as loads leave them.
        application("B", "b2", "2024-03-01", null, 7);
        application("A", "a9", "2023-12-31", "2024-01-01", 7);
        application("A", "a10", "2024-12-31", null, 8);
        application("C", "c1", "2024-01-01", null, 7);
        application("A", "a1", "2022-05-01", "2022-12-31", 7);
        application("A", "a2", "2022-05-01", "2023-01-01", 7);
        application("B", "b1", "2025-01-01", null, 7);
        document("d3", "A", "2024-12-31");
        document("d1", "B", "2020-01-01");
        document("d2", "A", "2023-06-01");
        document("d0", "A", "2025-01-01");
        figure("A", 2024, "licensing", 3);
        figure("A", 2022, "fees", 1);
        figure("A", 2023, "licensing", 2);
        figure("A", 2021, "licensing", 1);
        figure("B", 2024, "fees", 5);
        appeal("A", "r2", "2024-02-01", null);
        appeal("A", "r1", "2023-02-01", "2023-12-31");
    }

    void application(String agency, String id, String received, String closed, long load) {
        jdbc.update("INSERT INTO application (agency_code, application_id, received_date, applicant_type, closed_date, outcome, "
                + "extended, fee_yuan, load_id, source_line) VALUES (?, ?, ?, 'natural_person', ?, ?, NULL, NULL, ?, 1)",
                agency, id, Date.valueOf(received), closed == null ? null : Date.valueOf(closed), closed == null ? null : "granted", load);
    }

    void document(String id, String agency, String issued) {
        jdbc.update("INSERT INTO document (document_id, agency_code, title, category, issued_date, disclosure, load_id, source_line) "
                + "VALUES (?, ?, 't', 'regulations', ?, 'proactive', 7, 1)", id, agency, Date.valueOf(issued));
    }

    void figure(String agency, int year, String item, int value) {
        jdbc.update("INSERT INTO enforcement_figure (agency_code, report_year, item, figure, load_id, source_line) VALUES (?, ?, ?, ?, 7, 1)",
                agency, year, item, value);
    }

    void appeal(String agency, String id, String filed, String closed) {
        jdbc.update("INSERT INTO appeal_case (agency_code, case_id, kind, filed_date, closed_date, result, load_id, source_line) "
                + "VALUES (?, ?, 'review', ?, ?, NULL, 7, 1)", agency, id, Date.valueOf(filed), closed == null ? null : Date.valueOf(closed));
    }

    static List<String> applications(AgencyRecords r, int year) {
        List<String> ids = new ArrayList<>();
        r.applications(year, a -> ids.add(a.applicationId()));
        return ids;
    }

    @Test
    void oneReadGroupsEachAgencysRecordsInKeyOrderAndEveryAgencyAskedForHasItsEntry() {
        Map<String, AgencyRecords> read = store.records(List.of("B", "A", "Z"), 2023, 2024);
        assertThat(read.keySet()).containsExactly("B", "A", "Z");
        assertThat(applications(read.get("A"), 2024)).containsExactly("a10", "a9");   // by id, as the database orders them
        assertThat(applications(read.get("B"), 2024)).containsExactly("b2");
        assertThat(applications(read.get("Z"), 2024)).isEmpty();
        List<String> documents = new ArrayList<>();
        read.get("A").documents(2024, d -> documents.add(d.documentId()));
        assertThat(documents).containsExactly("d2", "d3");
    }

    @Test
    void eachYearGetsWhatItsOwnConditionsSelect() {
        AgencyRecords a = store.records(List.of("A"), 2023, 2024).get("A");
        // Received by 31 December, not closed before 1 January: a2 closed on 2023-01-01 counts in 2023 only.
        assertThat(applications(a, 2023)).containsExactly("a2", "a9");
        assertThat(applications(a, 2024)).containsExactly("a10", "a9");
        List<String> documents = new ArrayList<>();
        a.documents(2023, d -> documents.add(d.documentId()));
        assertThat(documents).containsExactly("d2");
        List<String> appeals = new ArrayList<>();
        a.appeals(2023, c -> appeals.add(c.caseId()), RecordSources.NONE);
        a.appeals(2024, c -> appeals.add(c.caseId()), RecordSources.NONE);
        assertThat(appeals).containsExactly("r1", "r2");
        // Enforcement figures: the span's years and the year before its first (last year's item counts).
        List<String> figures = new ArrayList<>();
        for (int year = 2022; year <= 2024; year++) {
            a.enforcementFigures(year, f -> figures.add(f.year() + " " + f.item()), RecordSources.NONE);
        }
        assertThat(figures).containsExactly("2022 fees", "2023 licensing", "2024 licensing");
        assertThatThrownBy(() -> a.enforcementFigures(2021, f -> { }, RecordSources.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> applications(a, 2022)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSourcesNameEveryTableReadAndOnlyTheRecordsHandedOn() {
        AgencyRecords a = store.records(List.of("A", "B"), 2023, 2024).get("A");
        RecordSources sources = new RecordSources();
        a.documents(2023, d -> { }, sources);
        a.enforcementFigures(2023, f -> { }, sources);
        a.enforcementFigures(2022, f -> { }, sources);
        a.applications(2023, x -> { }, sources);
        a.appeals(2023, x -> { }, sources);
        assertThat(sources.counted().keySet()).containsExactly("document", "enforcement_figure", "application", "appeal_case");
        assertThat(sources.counted().get("document").records()).isEqualTo(1);
        assertThat(sources.counted().get("enforcement_figure").records()).isEqualTo(2);
        assertThat(sources.counted().get("application").records()).isEqualTo(2);
        assertThat(sources.counted().get("application").loads()).containsExactly(7L);

        RecordSources alone = new RecordSources();
        store.records(List.of("A"), 2023, 2023).get("A").documents(2023, d -> { }, alone);
        assertThat(sources.counted().get("document").sha256()).isEqualTo(alone.counted().get("document").sha256());
    }

    @Test
    void aWindowReadsTheNextAgenciesOfThePlanOnAMissAndOnlyThen() {
        RecordWindow window = new RecordWindow(store, 2024, List.of("A", "B", "C", "D", "E"), 2);
        window.of("A", 2024);
        window.of("B", 2024);
        window.of("A", 2023);
        window.of("C", 2024);
        window.of("D", 2023);
        assertThat(reads).containsExactly("A,B 2023-2024", "C,D 2023-2024");
        // A restart in the middle of the plan, an agency outside it, a year outside the span.
        window.of("B", 2024);
        window.of("X", 2024);
        window.of("B", 2022);
        window.of("E", 2024);
        assertThat(reads).containsExactly("A,B 2023-2024", "C,D 2023-2024", "B,C 2023-2024", "X 2023-2024", "B 2022-2022",
                "E 2023-2024");
    }

    @Test
    void recordsReadTogetherAreTheRecordsReadAlone() {
        Map<String, AgencyRecords> together = store.records(List.of("A", "B", "C"), 2023, 2024);
        for (String code : List.of("A", "B", "C")) {
            AgencyRecords alone = store.records(List.of(code), 2023, 2024).get(code);
            for (int year = 2023; year <= 2024; year++) {
                assertThat(all(together.get(code), year)).isEqualTo(all(alone, year));
            }
        }
    }

    static List<Record> all(AgencyRecords r, int year) {
        List<Record> out = new ArrayList<>();
        r.documents(year, (Document d) -> out.add(d));
        r.enforcementFigures(year, (EnforcementFigure f) -> out.add(f), RecordSources.NONE);
        r.applications(year, (Application a) -> out.add(a));
        r.appeals(year, (AppealCase c) -> out.add(c), RecordSources.NONE);
        return out;
    }
}
