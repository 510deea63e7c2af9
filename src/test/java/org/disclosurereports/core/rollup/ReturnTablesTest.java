package org.disclosurereports.core.rollup;

import org.disclosurereports.core.figures.FiguresSource;
import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.Table2;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Agency;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Return-level checks on small hand-computed returns. */
class ReturnTablesTest {

    static final ReportFormat FORMAT = ReportFormat.current();

    static ReturnFigure t3(String row, String column, long v, long line) {
        return new ReturnFigure("table3", row, column, BigDecimal.valueOf(v), "returns_table3.csv", line);
    }

    /** 3 received, 1 carried over; 2 granted, 1 not held; 1 carried forward: C holds (3+1 = 3+1). */
    static List<ReturnFigure> consistent() {
        return new ArrayList<>(List.of(
                t3("new_received", "natural_person", 3, 2),
                t3("carried_over", "natural_person", 1, 3),
                t3("granted", "natural_person", 2, 4),
                t3("unable_not_held", "natural_person", 1, 5),
                t3("carried_forward", "natural_person", 1, 6),
                new ReturnFigure("table4", "review", "upheld", BigDecimal.ONE, "returns_table4.csv", 2),
                new ReturnFigure("table2", "fees", "amount_wan_yuan", new BigDecimal("1.25"), "returns_table2.csv", 2)));
    }

    @Test
    void partsAreFiguresAndTotalsAreComputed() {
        List<ReturnFigure> r = consistent();
        r.add(t3("total_processed", "total", 3, 7));   // right: accepted as a check only
        StatutoryTables t = ReturnTables.build(FORMAT, "U", "单位", 2024, r, null);
        assertThat(t.table3().get("total_processed", "natural_person")).isEqualTo(3);
        assertThat(t.table3().get("new_received", "total")).isEqualTo(3);
        assertThat(t.table4().get("review", "total")).isEqualTo(1);
        assertThat(t.table2().get("fees", "amount_wan_yuan")).isEqualByComparingTo("1.25");
        assertThat(t.processingFeesYuan()).as("a return does not state the fee").isNull();
    }

    @Test
    void aWrongTotalIsRefusedNamingCellLineAndBothValues() {
        List<ReturnFigure> r = consistent();
        r.add(t3("total_processed", "natural_person", 4, 9));
        r.add(new ReturnFigure("table4", "review", "total", BigDecimal.valueOf(2), "returns_table4.csv", 3));
        assertThatThrownBy(() -> ReturnTables.build(FORMAT, "U", "单位", 2024, r, null))
                .isInstanceOfSatisfying(ReturnRefused.class, e -> assertThat(e.problems()).containsExactly(
                        "returns_table3.csv line 9: table3.total_processed.natural_person is given as 4 but its parts add up to 3 (totals are computed, never taken from a return)",
                        "returns_table4.csv line 3: table4.review.total is given as 2 but its parts add up to 1 (totals are computed, never taken from a return)"));
    }

    @Test
    void figuresThatBreakIdentityCAreRefused() {
        List<ReturnFigure> r = consistent();
        r.set(0, t3("new_received", "natural_person", 4, 2));
        assertThatThrownBy(() -> ReturnTables.build(FORMAT, "U", "单位", 2024, r, null))
                .isInstanceOf(ReturnRefused.class).hasMessageContaining("identity C (table3 column natural_person: ");
    }

    @Test
    void carriedOverLeftOutIsLastYearsCarriedForwardAndAStatedOneMustEqualIt() {
        StatutoryTables last = ReturnTables.build(FORMAT, "U", "单位", 2023, consistent(), null);
        List<ReturnFigure> withoutCarriedOver = new ArrayList<>(consistent());
        withoutCarriedOver.remove(1);
        StatutoryTables t = ReturnTables.build(FORMAT, "U", "单位", 2024, withoutCarriedOver, last);
        assertThat(t.table3().get("carried_over", "natural_person")).isEqualTo(1);

        List<ReturnFigure> stated = consistent();
        stated.set(1, t3("carried_over", "natural_person", 2, 3));
        stated.set(0, t3("new_received", "natural_person", 2, 2));     // keeps C, breaks the chain
        assertThatThrownBy(() -> ReturnTables.build(FORMAT, "U", "单位", 2024, stated, last))
                .isInstanceOf(ReturnRefused.class)
                .hasMessageContaining("table3.carried_over.natural_person of 2024 is 2 in returns_table3.csv but table3.carried_forward.natural_person of 2023 is 1");
    }

    @Test
    void aUnitWithRecordsAndAReturnOfTheSameYearIsRefusedNamingBoth() {
        Agency a = new Agency("U", "单位", null, null, null, null, null, null);
        UnitTables units = new UnitTables(FORMAT, (agency, year, evidence) -> recordsWithOneGranted(year),
                (code, year) -> year == 2024 ? consistent() : List.of());
        assertThatThrownBy(() -> units.tables(a, 2024)).isInstanceOf(ReturnRefused.class)
                .hasMessageContaining("both records and a return for 2024")
                .hasMessageContaining("table3.granted = 1 (applications.csv)")
                .hasMessageContaining("returns_table3.csv lines 2–6, returns_table4.csv line 2, returns_table2.csv line 2");
    }

    @Test
    void sourceIsReturnRecordsOrNone() {
        Agency a = new Agency("U", "单位", null, null, null, null, null, null);
        UnitTables returns = new UnitTables(FORMAT, (agency, year, evidence) -> empty(year), (code, year) -> year == 2024 ? consistent() : List.of());
        assertThat(returns.tables(a, 2024).source()).isEqualTo(FiguresSource.RETURN);
        UnitTables records = new UnitTables(FORMAT, (agency, year, evidence) -> recordsWithOneGranted(year), (code, year) -> List.of());
        assertThat(records.tables(a, 2024).source()).isEqualTo(FiguresSource.RECORDS);
        UnitTables none = new UnitTables(FORMAT, (agency, year, evidence) -> empty(year), (code, year) -> List.of());
        UnitTables.Sourced nothing = none.tables(a, 2024);
        assertThat(nothing.source()).isEqualTo(FiguresSource.NONE);
        assertThat(UnitTables.allZero(nothing.tables())).isTrue();
        // No record supports a fee of 0 either: unknown, as for a return.
        assertThat(nothing.tables().processingFeesYuan()).isNull();
        assertThat(records.tables(a, 2024).tables().processingFeesYuan()).isNotNull();
    }

    static StatutoryTables empty(int year) {
        return new StatutoryTables("U", "单位", year, StatutoryTables.SCOPE_AGENCY, new Table2(FORMAT.table2()),
                new Grid(FORMAT.table3Shape()).withTotals(), new Grid(FORMAT.table4Shape()).withTotals(), BigDecimal.ZERO);
    }

    static StatutoryTables recordsWithOneGranted(int year) {
        Grid g = new Grid(FORMAT.table3Shape());
        g.add("new_received", "natural_person", 1);
        g.add("granted", "natural_person", 1);
        return new StatutoryTables("U", "单位", year, StatutoryTables.SCOPE_AGENCY, new Table2(FORMAT.table2()),
                g.withTotals(), new Grid(FORMAT.table4Shape()).withTotals(), BigDecimal.ZERO);
    }


    /**
     * A 2020 return in the trial layout of 2019: table 二 with item counts (a negative 本年增/减 included) and
     * 其他对外管理服务事项, table 三 with its one （六）其他处理 row. It builds, and passes the layout's identities.
     */
    @Test
    void aReturnInThe2019LayoutBuildsInItAndPassesItsIdentities() {
        ReportFormat trial = ReportFormat.load("gov-2019-60");
        List<ReturnFigure> r = new ArrayList<>(List.of(
                t3("new_received", "natural_person", 4, 2),
                t3("granted", "natural_person", 2, 3),
                t3("other_processing", "natural_person", 1, 4),
                t3("carried_forward", "natural_person", 1, 5),
                t3("total_processed", "total", 3, 6),
                new ReturnFigure("table2", "other_services", "previous_items", BigDecimal.valueOf(8), "returns_table2.csv", 2),
                new ReturnFigure("table2", "other_services", "items_change", BigDecimal.valueOf(-2), "returns_table2.csv", 3),
                new ReturnFigure("table2", "procurement", "total_amount", new BigDecimal("12.5"), "returns_table2.csv", 4)));
        StatutoryTables t = ReturnTables.build(trial, "U", "单位", 2020, r, null);
        assertThat(t.format()).isEqualTo(trial);
        assertThat(t.table3().get("other_processing", "total")).isEqualTo(1);
        assertThat(t.table3().get("total_processed", "natural_person")).isEqualTo(3);
        assertThat(t.table2().get("other_services", "items_change")).isEqualByComparingTo("-2");
        assertThat(t.table2().get("procurement", "total_amount")).isEqualByComparingTo("12.5");
    }

    /** A run may name another layout than the year's: a cell that layout lacks refuses the return, naming its line. */
    @Test
    void aCellTheLayoutBuiltInLacksIsRefusedNamingItsLine() {
        List<ReturnFigure> r = consistent();
        r.add(t3("other_processing", "natural_person", 0, 8));
        r.add(new ReturnFigure("table2", "procurement", "projects", BigDecimal.ONE, "returns_table2.csv", 5));
        assertThatThrownBy(() -> ReturnTables.build(FORMAT, "U", "单位", 2020, r, null))
                .isInstanceOfSatisfying(ReturnRefused.class, e -> assertThat(e.problems()).containsExactly(
                        "returns_table3.csv line 8: table3.other_processing.natural_person is not a cell of the layout gov-2021-30 this report is built in",
                        "returns_table2.csv line 5: table2.procurement.projects is not a cell of the layout gov-2021-30 this report is built in"));
    }
}
