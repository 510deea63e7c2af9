package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.ReportFormats;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return files accept the cells of every shipped layout, and check each row against the layout of
 * its year: 2019–2020 against the trial layout of 国办公开办函〔2019〕60号, 2021 on against 〔2021〕30号.
 */
class ReturnRowsByYearTest {

    private final InputSchema schema = new InputSchema(ReportFormats.shipped());

    private ParsedRow check(String kind, String... values) {
        RecordKind k = schema.kind(kind);
        RowChecker checker = new RowChecker(k, k.fileName(), Set.of("SL")::contains);
        return checker.check(new RawRow(9, values, String.join(",", values), null));
    }

    private static void rejected(ParsedRow row, String file, String column, String value, String reason) {
        assertThat(row.problems()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo(file);
            assertThat(r.line()).isEqualTo(9);
            assertThat(r.column()).isEqualTo(column);
            assertThat(r.value()).isEqualTo(value);
            assertThat(r.reason()).contains(reason);
        });
    }

    // returns_table2.csv: agency_code, year, row, column, value
    @Test
    void a2020Table2RowNamesTheCellsOfThe2019LayoutAndItsChangeMayBeNegative() {
        ParsedRow row = check(InputSchema.RETURNS_TABLE2, "SL", "2020", "其他对外管理服务事项", "本年增/减", "-3");
        assertThat(row.rejected()).as("%s", row.problems()).isFalse();
        assertThat(row.values()[2]).isEqualTo("other_services");
        assertThat(row.values()[3]).isEqualTo("items_change");
        assertThat(row.values()[4]).isEqualTo(new BigDecimal("-3"));
        assertThat(check(InputSchema.RETURNS_TABLE2, "SL", "2019", "政府集中采购", "采购总金额", "12.345").rejected()).isFalse();
        // the labels of the 2021 layout name the same cells where the 2019 layout has them
        assertThat(check(InputSchema.RETURNS_TABLE2, "SL", "2020", "行政许可", "本年处理决定数量", "5").rejected()).isFalse();
    }

    @Test
    void aCellThatTheLayoutOfItsYearLacksIsRejectedWithFileLineColumnAndValue() {
        rejected(check(InputSchema.RETURNS_TABLE2, "SL", "2021", "其他对外管理服务事项", "处理决定数量", "3"),
                "returns_table2.csv", "row", "其他对外管理服务事项", "table 二 of gov-2021-30 (the layout of 2021) has no row other_services");
        rejected(check(InputSchema.RETURNS_TABLE2, "SL", "2020", "规章", "本年废止件数", "1"),
                "returns_table2.csv", "column", "本年废止件数", "table 二 row regulations (规章) of gov-2019-60 (the layout of 2020) has no column repealed");
        rejected(check(InputSchema.RETURNS_TABLE3, "SL", "2021", "（六）其他处理", "自然人", "1"),
                "returns_table3.csv", "row", "（六）其他处理", "table 三 of gov-2021-30 (the layout of 2021) has no row other_processing");
        rejected(check(InputSchema.RETURNS_TABLE3, "SL", "2020", "3.其他", "自然人", "1"),
                "returns_table3.csv", "row", "3.其他", "table 三 of gov-2019-60 (the layout of 2020) has no row other_other");
    }

    @Test
    void eachYearsOwnRowsLoad() {
        ParsedRow trial = check(InputSchema.RETURNS_TABLE3, "SL", "2020", "其他处理", "自然人", "1");
        assertThat(trial.rejected()).as("%s", trial.problems()).isFalse();
        assertThat(trial.values()[2]).isEqualTo("other_processing");
        ParsedRow current = check(InputSchema.RETURNS_TABLE3, "SL", "2021", "3.其他", "自然人", "1");
        assertThat(current.rejected()).as("%s", current.problems()).isFalse();
        assertThat(current.values()[2]).isEqualTo("other_other");
        assertThat(check(InputSchema.RETURNS_TABLE4, "SL", "2020", "行政复议", "结果维持", "1").rejected()).isFalse();
    }

    @Test
    void onlyASignedColumnMayBeNegativeAndAYearNoLayoutCoversIsRejected() {
        rejected(check(InputSchema.RETURNS_TABLE2, "SL", "2020", "行政许可", "处理决定数量", "-1"),
                "returns_table2.csv", "value", "-1", "cannot be negative");
        rejected(check(InputSchema.RETURNS_TABLE2, "SL", "2024", "行政许可", "本年处理决定数量", "2.5"),
                "returns_table2.csv", "value", "2.5", "must be a whole number");
        rejected(check(InputSchema.RETURNS_TABLE4, "SL", "2018", "行政复议", "结果维持", "1"),
                "returns_table4.csv", "year", "2018", "no report format for the year 2018");
    }
}
