package org.disclosurereports.core.rollup;

import org.disclosurereports.core.figures.Grid;
import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.Table2;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.rules.Auditor;
import org.disclosurereports.core.rules.Finding;
import org.disclosurereports.core.rules.Validation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The roll-up over a tree, on small hand-computed tables, and rule G as an independent check. */
class RollUpTest {

    static final ReportFormat FORMAT = ReportFormat.current();

    static Agency agency(String code, String parent) {
        return new Agency(code, "单位" + code, parent, null, null, null, null, null);
    }

    /** One application received and granted per unit, n 行政许可 decisions, fee 10 元. */
    static StatutoryTables unit(String code, long n) {
        Grid t3 = new Grid(FORMAT.table3Shape());
        t3.add("new_received", "commercial", 1);
        t3.add("granted", "commercial", 1);
        Grid t4 = new Grid(FORMAT.table4Shape());
        t4.add("review", "pending", n);
        Table2 t2 = new Table2(FORMAT.table2());
        t2.add("licensing", "decisions", BigDecimal.valueOf(n));
        t2.add("fees", "amount_wan_yuan", new BigDecimal("0.000001"));
        return new StatutoryTables(code, "单位" + code, 2024, StatutoryTables.SCOPE_AGENCY, t2, t3.withTotals(), t4.withTotals(), BigDecimal.TEN);
    }

    @Test
    void asksForTheUnitsTablesInTheTreesDepthFirstOrder() {
        // The summary step reads last year's records a window of units at a time in depthFirst() order:
        // the roll-up must ask in that order, or every unit would read a window of its own.
        List<Agency> agencies = List.of(agency("B", "R"), agency("A2", "A"), agency("R", null), agency("A1", "A"),
                agency("A", "R"), agency("S", null), agency("S1", "S"));
        AgencyTree tree = new AgencyTree(agencies);
        List<String> asked = new ArrayList<>();
        new RollUp(FORMAT, 2024).run(tree, a -> {
            asked.add(a.code());
            return unit(a.code(), 1);
        }, new RollUp.Sink() {
            public void summary(Agency a, StatutoryTables s, List<Agency> u) {
            }

            public void failed(Agency a, String reason) {
                throw new AssertionError(reason);
            }
        });
        assertThat(asked).containsExactly("R", "A", "A1", "A2", "B", "S", "S1");
        assertThat(tree.depthFirst().stream().map(Agency::code).toList()).isEqualTo(asked);
    }

    @Test
    void threeLevelsSummariseEachSubtreeOnceWithComputedTotals() {
        // R ─ A ─ A1, A2 ; R ─ B
        List<Agency> agencies = List.of(agency("R", null), agency("A", "R"), agency("A1", "A"), agency("A2", "A"), agency("B", "R"));
        Map<String, Long> n = Map.of("R", 1L, "A", 2L, "A1", 3L, "A2", 4L, "B", 5L);
        Map<String, StatutoryTables> out = new LinkedHashMap<>();
        Map<String, List<String>> units = new HashMap<>();
        new RollUp(FORMAT, 2024).run(new AgencyTree(agencies), a -> unit(a.code(), n.get(a.code())), new RollUp.Sink() {
            public void summary(Agency a, StatutoryTables s, List<Agency> u) {
                out.put(a.code(), s);
                units.put(a.code(), u.stream().map(Agency::code).toList());
            }

            public void failed(Agency a, String reason) {
                throw new AssertionError(reason);
            }
        });
        assertThat(out.keySet()).containsExactly("A", "R");     // post-order: A's summary before R's
        assertThat(units.get("A")).containsExactly("A", "A1", "A2");
        assertThat(units.get("R")).containsExactly("R", "A", "A1", "A2", "B");
        StatutoryTables r = out.get("R");
        assertThat(r.scope()).isEqualTo(StatutoryTables.SCOPE_SUMMARY);
        assertThat(r.table2().get("licensing", "decisions")).isEqualByComparingTo("15");
        assertThat(r.table2().get("fees", "amount_wan_yuan")).isEqualByComparingTo("0.000005");
        assertThat(r.table3().get("granted", "total")).isEqualTo(5);
        assertThat(r.table3().get("total_processed", "total")).isEqualTo(5);
        assertThat(r.table4().get("review", "total")).isEqualTo(15);
        assertThat(r.processingFeesYuan()).isEqualByComparingTo("50");
        assertThat(out.get("A").table4().get("review", "pending")).isEqualTo(9);

        // Rule G of the catalogue adds the units up cell by cell, independently of the roll-up.
        Auditor auditor = Auditor.shipped(FORMAT);
        List<PublishedTables> combined = new ArrayList<>(units.get("R").stream().map(code -> PublishedTables.of(FORMAT, unit(code, n.get(code)))).toList());
        Validation v = auditor.audit(Auditor.Subject.of(PublishedTables.of(FORMAT, r)).withUnits(combined));
        assertThat(v.blocking()).isEmpty();
        assertThat(v.rules()).filteredOn(rule -> rule.id().equals("G")).singleElement()
                .satisfies(rule -> assertThat(rule.applied()).isTrue())
                .satisfies(rule -> assertThat(rule.passed()).isEqualTo(10 + 175 + 15)); // every cell of 二, 三 and 四
        // A summary short of one unit fails rule G, naming the cells.
        combined.add(PublishedTables.of(FORMAT, unit("X", 1)));
        List<Finding> shortOfX = auditor.audit(Auditor.Subject.of(PublishedTables.of(FORMAT, r)).withUnits(combined)).blocking();
        assertThat(shortOfX).extracting(Finding::rule).containsOnly("G");
        assertThat(shortOfX).extracting(Finding::cell).contains("table2.licensing.decisions", "table3.granted.commercial");
        assertThat(shortOfX).filteredOn(f -> f.cell().equals("table2.licensing.decisions")).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).isEqualTo(
                        "table2.licensing.decisions: summary 15, but the units add up to R 1 + A 2 + A1 3 + A2 4 + B 5 + X 1 = 16"));
    }

    @Test
    void aFailedUnitMakesTheSummariesAboveItFailNotShort() {
        List<Agency> agencies = List.of(agency("R", null), agency("A", "R"), agency("A1", "A"), agency("B", "R"), agency("B1", "B"));
        List<String> built = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        new RollUp(FORMAT, 2024).run(new AgencyTree(agencies), a -> a.code().equals("A1") ? null : unit(a.code(), 1), new RollUp.Sink() {
            public void summary(Agency a, StatutoryTables s, List<Agency> u) {
                built.add(a.code());
            }

            public void failed(Agency a, String reason) {
                failed.put(a.code(), reason);
            }
        });
        assertThat(built).containsExactly("B");
        assertThat(failed).containsOnlyKeys("A", "R");
        assertThat(failed.get("R")).contains("A1");
    }

    @Test
    void hundredsOfUnitsOnThreeLevelsAddUp() {
        List<Agency> agencies = new ArrayList<>();
        agencies.add(agency("R", null));
        for (int d = 0; d < 20; d++) {
            agencies.add(agency("D" + d, "R"));
            for (int s = 0; s < 15; s++) {
                agencies.add(agency("D" + d + "-" + s, "D" + d));
            }
        }
        assertThat(agencies).hasSize(321);
        Map<String, StatutoryTables> summaries = new HashMap<>();
        new RollUp(FORMAT, 2024).run(new AgencyTree(agencies), a -> unit(a.code(), 1), new RollUp.Sink() {
            public void summary(Agency a, StatutoryTables s, List<Agency> u) {
                summaries.put(a.code(), s);
            }

            public void failed(Agency a, String reason) {
                throw new AssertionError(reason);
            }
        });
        assertThat(summaries).hasSize(21);
        assertThat(summaries.get("R").table3().get("new_received", "total")).isEqualTo(321);
        assertThat(summaries.get("D7").table2().get("licensing", "decisions")).isEqualByComparingTo("16");
    }

    @Test
    void aCycleIsRefused() {
        assertThatThrownBy(() -> new AgencyTree(List.of(agency("R", null), agency("A", "B"), agency("B", "A"))))
                .hasMessageContaining("cycle");
    }
}
