package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.ReportFormat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The data contract's row rules, one case each; a rejection names file, line, column, value and reason. */
class RowCheckerTest {

    private final InputSchema schema = new InputSchema(ReportFormat.current());

    private ParsedRow check(String kind, String... values) {
        RecordKind k = schema.kind(kind);
        RowChecker checker = new RowChecker(k, k.fileName(), Set.of("SL", "SL-GOV")::contains);
        String[] v = new String[k.columns().size()];
        System.arraycopy(values, 0, v, 0, values.length);
        return checker.check(new RawRow(7, v, String.join(",", values), null));
    }

    // applications.csv columns: application_id, agency_code, received_date, applicant_type, closed_date, outcome, extended, fee_yuan

    @Test
    void aGoodApplicationLoadsWithTypedValues() {
        ParsedRow row = check("applications", "A1", "SL", "2024/01/05", "自然人", "2024-01-20", "（一）予以公开", "N", "20.5");
        assertThat(row.rejected()).isFalse();
        assertThat(row.values()[3]).isEqualTo("natural_person");
        assertThat(row.values()[5]).isEqualTo("granted");
    }

    @Test
    void closedBeforeReceivedIsRejected() {
        ParsedRow row = check("applications", "A1", "SL", "2024-03-18", "natural_person", "2024/03/08", "granted");
        assertThat(row.problems()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("applications.csv");
            assertThat(r.line()).isEqualTo(7);
            assertThat(r.column()).isEqualTo("closed_date");
            assertThat(r.value()).isEqualTo("2024/03/08");
            assertThat(r.reason()).contains("before received_date");
        });
    }

    @Test
    void outcomeIsRequiredWhenClosedAndBlankWhenOpen() {
        assertThat(check("applications", "A1", "SL", "2024-03-18", "natural_person", "2024-03-20", "").problems())
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("required when closed_date"));
        assertThat(check("applications", "A1", "SL", "2024-03-18", "natural_person", "", "granted").problems())
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("must be blank while the application is open"));
    }

    @Test
    void anApplicationForAnUnknownAgencyIsRejected() {
        assertThat(check("applications", "A1", "SL-XX", "2024-03-18", "natural_person").problems())
                .singleElement().satisfies(r -> {
                    assertThat(r.column()).isEqualTo("agency_code");
                    assertThat(r.reason()).contains("no such agency");
                });
    }

    @Test
    void everyProblemOfARowIsReported() {
        ParsedRow row = check("applications", "", "SL", "2024-02-30", "个体户", "", "", "maybe", "-3");
        assertThat(row.problems()).extracting(Rejection::column)
                .containsExactly("application_id", "received_date", "applicant_type", "extended", "fee_yuan");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRejectedWhole() {
        RecordKind k = schema.kind("applications");
        ParsedRow row = new RowChecker(k, k.fileName(), c -> true)
                .check(new RawRow(3, new String[k.columns().size()], "A1,SL", "the row has 2 fields but the header has 8"));
        assertThat(row.problems()).singleElement().satisfies(r -> assertThat(r.reason()).contains("2 fields"));
    }

    @Test
    void anUnreadableCellRejectsItsRowAndTheOtherColumnsAreStillChecked() {
        RecordKind k = schema.kind("applications");
        String[] v = {"A1", "SL-NOPE", "2024-01-05", "natural_person", null, null, null, ""};
        RawRow raw = new RawRow(9, v, "A1,SL-NOPE,2024-01-05,natural_person,,,,NaN", null, "applications.xlsx, sheet 申请, row 9",
                List.of(new RawRow.UnreadableCell("fee_yuan", "NaN", "cell H9 is a number cell, but its value is not a number")));
        ParsedRow row = new RowChecker(k, "applications.xlsx", Set.of("SL")::contains).check(raw);
        assertThat(row.problems()).extracting(Rejection::describe).containsExactly(
                "applications.xlsx, sheet 申请, row 9, column fee_yuan, value 'NaN': cell H9 is a number cell, but its value is not a number",
                "applications.xlsx, sheet 申请, row 9, column agency_code, value 'SL-NOPE': no such agency in agencies.csv");
    }

    @Test
    void repealBeforeIssueIsRejected() {
        // document_id, agency_code, doc_number, title, category, issued_date, disclosure, published_date, repealed_date
        ParsedRow row = check("filings", "D1", "SL", "示府规〔2024〕1号", "关于……的通知", "行政规范性文件", "2024-05-01", "主动公开", "", "2024-04-01");
        assertThat(row.problems()).singleElement().satisfies(r -> assertThat(r.column()).isEqualTo("repealed_date"));
    }

    @Test
    void enforcementDecisionsAreWholeNumbersButFeesMayHaveSixDecimals() {
        // agency_code, year, item, value
        assertThat(check("enforcement", "SL", "2024", "行政处罚", "12.5").problems())
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("whole number"));
        assertThat(check("enforcement", "SL", "2024", "fees", "5949.088667").rejected()).isFalse();
        assertThat(check("enforcement", "SL", "24", "fees", "1").problems())
                .singleElement().satisfies(r -> assertThat(r.column()).isEqualTo("year"));
    }

    @Test
    void appealsNeedAResultWhenClosed() {
        // case_id, agency_code, kind, filed_date, closed_date, result
        assertThat(check("appeals", "C1", "SL", "行政复议", "2024-01-01", "2024-02-01", "").problems())
                .singleElement().satisfies(r -> assertThat(r.column()).isEqualTo("result"));
        assertThat(check("appeals", "C1", "SL", "复议后起诉", "2024-01-01", "2024-02-01", "结果纠正").rejected()).isFalse();
        assertThat(check("appeals", "C1", "SL", "申诉", "2024-01-01").problems())
                .singleElement().satisfies(r -> assertThat(r.column()).isEqualTo("kind"));
    }
}
