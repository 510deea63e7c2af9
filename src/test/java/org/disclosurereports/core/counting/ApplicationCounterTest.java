package org.disclosurereports.core.counting;

import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Application;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-computed cases for the counting rules of table 三 (data contract section 2). */
class ApplicationCounterTest {

    private static Application app(String id, String type, String received, String closed, String outcome) {
        return new Application("A", id, LocalDate.parse(received), type,
                closed == null ? null : LocalDate.parse(closed), outcome, null, null);
    }

    private static Grid count(int year, List<Application> apps) {
        ApplicationCounter counter = new ApplicationCounter(new ReportYear(year), ReportFormat.current().table3Shape(), Evidence.NONE);
        apps.forEach(counter::accept);
        return counter.table();
    }

    private final List<Application> records = List.of(
            // received 2022, closed 2023: carried into 2023, result in 2023
            app("1", "natural_person", "2022-12-20", "2023-01-10", "granted"),
            // received and closed 2023
            app("2", "natural_person", "2023-03-01", "2023-03-15", "unable_not_held"),
            // received 2023, closed 2024: carried forward from 2023, result in 2024
            app("3", "commercial", "2023-12-28", "2024-01-18", "partially_granted"),
            // received 2023 and still open
            app("4", "legal_service", "2023-06-01", null, null),
            // closed before 2023: not counted in 2023 at all
            app("5", "research", "2022-02-01", "2022-02-20", "granted"),
            // received 2024: not counted in 2023
            app("6", "other", "2024-01-02", "2024-01-03", "rejected_repeat"),
            // closed on 1 January 2023: carried over (not closed before 1 January) and a 2023 result
            app("7", "social_welfare", "2022-12-30", "2023-01-01", "other_other"));

    @Test
    void countsOneYearByTheContractRules() {
        Grid g = count(2023, records);
        assertThat(g.row("new_received")).containsExactly(1L, 1L, 0L, 0L, 1L, 0L, 3L);
        assertThat(g.row("carried_over")).containsExactly(1L, 0L, 0L, 1L, 0L, 0L, 2L);
        assertThat(g.get("granted", "natural_person")).isEqualTo(1);
        assertThat(g.get("unable_not_held", "natural_person")).isEqualTo(1);
        assertThat(g.get("other_other", "social_welfare")).isEqualTo(1);
        assertThat(g.row("total_processed")).containsExactly(2L, 0L, 0L, 1L, 0L, 0L, 3L);
        assertThat(g.row("carried_forward")).containsExactly(0L, 1L, 0L, 0L, 1L, 0L, 2L);
    }

    @Test
    void carryForwardOfOneYearIsCarryOverOfTheNext() {
        Grid y2023 = count(2023, records);
        Grid y2024 = count(2024, records);
        assertThat(y2024.row("carried_over")).isEqualTo(y2023.row("carried_forward"));
        assertThat(y2024.get("partially_granted", "commercial")).isEqualTo(1);
        assertThat(y2024.get("rejected_repeat", "other")).isEqualTo(1);
        assertThat(y2024.row("carried_forward")).containsExactly(0L, 0L, 0L, 0L, 1L, 0L, 1L);
    }

    @Test
    void identityCHoldsForEveryColumn() {
        for (int year : new int[] {2022, 2023, 2024}) {
            Grid g = count(year, records);
            for (String column : g.shape().columnKeys()) {
                assertThat(g.get("new_received", column) + g.get("carried_over", column))
                        .as("identity C, %d, %s", year, column)
                        .isEqualTo(g.get("total_processed", column) + g.get("carried_forward", column));
            }
        }
    }

    @Test
    void sumsFeesOfApplicationsClosedInTheYearExactly() {
        ApplicationCounter counter = new ApplicationCounter(new ReportYear(2023), ReportFormat.current().table3Shape(), Evidence.NONE);
        counter.accept(new Application("A", "1", LocalDate.parse("2023-01-05"), "natural_person", LocalDate.parse("2023-02-01"), "granted", false, new BigDecimal("10.50")));
        counter.accept(new Application("A", "2", LocalDate.parse("2023-11-05"), "natural_person", LocalDate.parse("2024-01-03"), "granted", false, new BigDecimal("99")));
        counter.accept(new Application("A", "3", LocalDate.parse("2023-03-05"), "commercial", LocalDate.parse("2023-03-20"), "granted", true, new BigDecimal("0.05")));
        assertThat(counter.feesYuan()).isEqualByComparingTo("10.55");
    }

    @Test
    void totalsCannotBeCountedByHand() {
        Grid g = new Grid(ReportFormat.current().table3Shape());
        assertThatThrownBy(() -> g.add("total_processed", "natural_person", 1)).hasMessageContaining("computed from its parts");
        assertThatThrownBy(() -> g.add("granted", "total", 1)).hasMessageContaining("computed from its parts");
    }
}
