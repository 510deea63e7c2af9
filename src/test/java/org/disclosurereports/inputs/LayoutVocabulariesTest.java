package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.ReportFormat;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** filings.csv categories and enforcement.csv items are the sources the layout's table 二 rows name. */
class LayoutVocabulariesTest {

    private static final ReportFormat FORMAT = ReportFormat.current();
    private final InputSchema schema = new InputSchema(FORMAT);

    private ParsedRow check(String kind, String... values) {
        RecordKind k = schema.kind(kind);
        RowChecker checker = new RowChecker(k, k.fileName(), Set.of("SL")::contains);
        String[] v = new String[k.columns().size()];
        System.arraycopy(values, 0, v, 0, values.length);
        return checker.check(new RawRow(3, v, String.join(",", values), null));
    }

    @Test
    void theLayoutListsTheVocabulariesInRowOrder() {
        assertThat(FORMAT.documentCategories()).extracting(ReportFormat.Term::key, ReportFormat.Term::label).containsExactly(
                Tuple.tuple("regulation", "规章"),
                Tuple.tuple("normative", "行政规范性文件"),
                Tuple.tuple("other", "其他"));
        assertThat(FORMAT.enforcementItems()).extracting(ReportFormat.Term::key, ReportFormat.Term::amount).containsExactly(
                Tuple.tuple("licensing", false),
                Tuple.tuple("punishment", false),
                Tuple.tuple("coercion", false),
                Tuple.tuple("fees", true));
    }

    // filings.csv columns: document_id, agency_code, doc_number, title, category, issued_date, disclosure, …
    @Test
    void aCategoryIsAcceptedByKeyOrRowLabelAndAnUncountedOneToo() {
        assertThat(check("filings", "D1", "SL", "", "文件", "行政规范性文件", "2024-01-02", "主动公开").values()[4]).isEqualTo("normative");
        assertThat(check("filings", "D1", "SL", "", "文件", "其他", "2024-01-02", "主动公开").values()[4]).isEqualTo("other");
        assertThat(check("filings", "D1", "SL", "", "文件", "通知", "2024-01-02", "主动公开").problems())
                .singleElement().satisfies(r -> assertThat(r.column()).isEqualTo("category"));
    }

    // enforcement.csv columns: agency_code, year, item, value
    @Test
    void onlyTheItemInADecimalColumnTakesDecimals() {
        assertThat(check("enforcement", "SL", "2024", "行政事业性收费", "12.5").rejected()).isFalse();
        assertThat(check("enforcement", "SL", "2024", "licensing", "12.5").problems())
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("whole number"));
    }
}
