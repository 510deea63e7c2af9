package org.disclosurereports.core.rules;

import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the catalogue, made to pass and made to fail, on small hand-made tables. */
class AuditorTest {

    static final ReportFormat FORMAT = ReportFormat.current();
    static final Path FIXTURES = Path.of("src/test/resources/audit");
    final Auditor auditor = Auditor.shipped(FORMAT);

    static PublishedTables fixture(String name) throws Exception {
        return TablesJson.readAsPrinted(FIXTURES.resolve(name), FORMAT);
    }

    static PublishedTables clean() throws Exception {
        return fixture("published-2023-clean.json");
    }

    static PublishedTables previous() throws Exception {
        return fixture("published-2022-normative.json");
    }

    static List<Finding> failed(Validation v, String rule) {
        return v.findings().stream().filter(f -> f.rule().equals(rule) && f.status() == Finding.Status.failed).toList();
    }

    static Validation.RuleResult result(Validation v, String rule) {
        return v.rules().stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void theCatalogueCoversEveryRuleOfTheFormatWithBothLanguagesAndASection() {
        RuleCatalogue c = RuleCatalogue.shipped();
        assertThat(c.rules()).extracting(RuleCatalogue.Rule::id)
                .contains("A", "B", "C", "D", "E1", "E2", "F", "G", "N1", "N2", "N3", "Y1", "R1");
        for (RuleCatalogue.Rule r : c.rules()) {
            assertThat(r.zh()).as(r.id()).isNotBlank();
            assertThat(r.en()).as(r.id()).isNotBlank();
            assertThat(r.section()).as(r.id()).isNotBlank();
        }
        assertThat(c.rule("E2").severity()).isEqualTo(RuleCatalogue.Severity.warning);
        assertThat(c.rule("D").severity()).isEqualTo(RuleCatalogue.Severity.blocking);
    }

    @Test
    void aCleanReportPassesEveryRuleIncludingTheCrossYearOnes() throws Exception {
        Validation v = auditor.audit(Auditor.Subject.of(clean()).withPrevious(previous()));
        assertThat(v.findings()).isEmpty();
        assertThat(v.result()).isEqualTo("passed");
        for (String id : List.of("A", "B", "C", "D", "E1", "E2", "F", "N1", "N2", "N3", "Y1")) {
            Validation.RuleResult r = result(v, id);
            assertThat(r.applied()).as(id).isTrue();
            assertThat(r.checked()).as(id).isPositive();
            assertThat(r.passed()).as(id).isEqualTo(r.checked());
        }
        assertThat(result(v, "A").checked()).isEqualTo(25);
        assertThat(result(v, "B").checked()).isEqualTo(7);
        assertThat(result(v, "D").checked()).isEqualTo(3);
        assertThat(result(v, "G").applied()).isFalse();
        assertThat(result(v, "R1").applied()).isFalse();
    }

    @Test
    void withoutThePreviousYearTheCrossYearRulesAreNotApplied() throws Exception {
        Validation v = auditor.audit(Auditor.Subject.of(clean()));
        assertThat(result(v, "E1").applied()).isFalse();
        assertThat(result(v, "E2").applied()).isFalse();
        assertThat(result(v, "Y1").applied()).isFalse();
        assertThat(result(v, "E1").notApplied()).contains("previous year");
    }

    @Test
    void ruleA_aRowTotalThatIsNotTheSumOfTheApplicantColumns() throws Exception {
        PublishedTables t = clean().set("table3.granted.total", 85);
        Validation v = auditor.audit(Auditor.Subject.of(t));
        List<Finding> a = failed(v, "A");
        assertThat(a).hasSize(1);
        Finding f = a.get(0);
        assertThat(f.cell()).isEqualTo("table3.granted.total");
        assertThat(f.actual()).isEqualTo("85");
        assertThat(f.expected()).isEqualTo("84");
        assertThat(f.cells()).startsWith("table3.granted.total", "table3.granted.natural_person");
        assertThat(f.messageZh()).contains("（一）予以公开", "总计 85", "自然人 80", "= 84");
        assertThat(f.messageEn()).contains("table3.granted.total 85", "= 84");
        assertThat(v.blocking()).contains(f);
    }

    @Test
    void ruleB_theProcessedTotalOfAColumn() throws Exception {
        PublishedTables t = clean().set("table3.total_processed.research", 3);
        List<Finding> b = failed(auditor.audit(Auditor.Subject.of(t)), "B");
        assertThat(b).extracting(Finding::cell).containsExactly("table3.total_processed.research");
        assertThat(b.get(0).messageZh()).contains("表三“科研机构”列", "（七）总计 3");
        assertThat(b.get(0).expected()).isEqualTo("0");
    }

    @Test
    void ruleC_theBalanceOfAColumn() throws Exception {
        PublishedTables t = clean().set("table3.carried_forward.natural_person", 30).set("table3.carried_forward.total", 31);
        Validation v = auditor.audit(Auditor.Subject.of(t));
        assertThat(failed(v, "C")).extracting(Finding::where).containsExactly("表三“自然人”列", "表三“总计”列");
        assertThat(failed(v, "A")).isEmpty();
        assertThat(failed(v, "B")).isEmpty();
        assertThat(failed(v, "C").get(0).cells()).containsExactly("table3.new_received.natural_person",
                "table3.carried_over.natural_person", "table3.total_processed.natural_person", "table3.carried_forward.natural_person");
    }

    @Test
    void aBlankCellIsNeverZeroTheRuleSaysItCouldNotBeChecked() throws Exception {
        PublishedTables t = clean().set("table4.review.total", null);
        Validation v = auditor.audit(Auditor.Subject.of(t));
        assertThat(failed(v, "D")).isEmpty();
        assertThat(v.unchecked()).filteredOn(f -> f.rule().equals("D")).singleElement()
                .satisfies(f -> {
                    assertThat(f.cell()).isEqualTo("table4.review.total");
                    assertThat(f.messageZh()).contains("无法核验", "表四“行政复议·总计”");
                });
        assertThat(result(v, "D").unchecked()).isEqualTo(1);
        assertThat(result(v, "D").passed()).isEqualTo(2);
        // The blank itself is a warning (print 0, never blank), not a blocking failure.
        assertThat(failed(v, "N3")).extracting(Finding::cell).containsExactly("table4.review.total");
        assertThat(v.result()).isEqualTo("warnings");
    }

    @Test
    void ruleE1_carriedOverMustEqualLastYearsCarriedForward() throws Exception {
        PublishedTables prev = previous().set("table3.carried_forward.commercial", 2).set("table3.carried_forward.total", 99);
        Validation v = auditor.audit(Auditor.Subject.of(clean()).withPrevious(prev));
        List<Finding> e1 = failed(v, "E1");
        assertThat(e1).extracting(Finding::cell).containsExactly("table3.carried_over.commercial", "table3.carried_over.total");
        assertThat(e1.get(0).cells()).containsExactly("table3.carried_over.commercial", "previous:table3.carried_forward.commercial");
        assertThat(e1.get(0).severity()).isEqualTo(RuleCatalogue.Severity.blocking);
        assertThat(e1.get(0).messageZh()).contains("上年四、结转下年度继续办理 2");
    }

    @Test
    void ruleE2_validDocumentsFollowFromLastYearAsAWarning() throws Exception {
        Validation v = auditor.audit(Auditor.Subject.of(fixture("published-2023-normative.json")).withPrevious(previous()));
        Finding e2 = failed(v, "E2").get(0);
        assertThat(failed(v, "E2")).hasSize(1);
        assertThat(e2.cell()).isEqualTo("table2.normative_documents.valid");
        assertThat(e2.actual()).isEqualTo("470");
        assertThat(e2.expected()).isEqualTo("643");
        assertThat(e2.severity()).isEqualTo(RuleCatalogue.Severity.warning);
        assertThat(e2.messageZh()).contains("现行有效件数 470", "上年现行有效件数 698 + 本年制发件数 77 − 本年废止件数 132 = 643");
    }

    @Test
    void ruleF_aNumberInTheTextThatDiffersFromItsCell() throws Exception {
        Validation v = auditor.audit(Auditor.Subject.of(fixture("published-2023-normative.json")));
        List<Finding> f = failed(v, "F");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).cell()).isEqualTo("table2.normative_documents.valid");
        assertThat(f.get(0).actual()).isEqualTo("393");
        assertThat(f.get(0).expected()).isEqualTo("470");
        assertThat(f.get(0).messageZh()).contains("393", "表二“行政规范性文件·现行有效件数” 为 470");
        assertThat(result(v, "F").passed()).isEqualTo(2);
    }

    @Test
    void ruleG_aSummaryIsTheSumOfItsUnits() throws Exception {
        PublishedTables unit1 = clean();
        PublishedTables unit2 = clean();
        PublishedTables summary = clean();
        for (String ref : summary.tableRefs()) {
            summary.set(ref, unit1.get(ref).add(unit2.get(ref)));
        }
        Validation ok = auditor.audit(Auditor.Subject.of(summary).withUnits(List.of(unit1, unit2)));
        assertThat(result(ok, "G").checked()).isEqualTo(summary.tableRefs().size());
        assertThat(failed(ok, "G")).isEmpty();

        summary.set("table4.review.upheld", 11);
        unit2.set("table2.licensing.decisions", null);
        Validation bad = auditor.audit(Auditor.Subject.of(summary).withUnits(List.of(unit1, unit2)));
        assertThat(failed(bad, "G")).extracting(Finding::cell).containsExactly("table4.review.upheld");
        assertThat(failed(bad, "G").get(0).expected()).isEqualTo("10");
        assertThat(bad.unchecked()).filteredOn(f -> f.rule().equals("G")).extracting(Finding::cell)
                .containsExactly("table2.licensing.decisions");
    }

    @Test
    void rulesN1N2_negativeAndFractionalCounts() throws Exception {
        PublishedTables t = clean().set("table2.coercion.decisions", -1).set("table2.punishment.decisions", new BigDecimal("2036.5"))
                .set("table2.fees.amount_wan_yuan", new BigDecimal("4388.270001"));
        Validation v = auditor.audit(Auditor.Subject.of(t));
        assertThat(failed(v, "N1")).extracting(Finding::cell).containsExactly("table2.coercion.decisions");
        assertThat(failed(v, "N2")).extracting(Finding::cell).containsExactly("table2.punishment.decisions");
        assertThat(failed(v, "N2").get(0).messageEn()).contains("2036.5 is not a whole number");
    }

    @Test
    void ruleY1_aFigureThatGrowsMoreThanFiveTimesOrShrinksBelowAFifth() throws Exception {
        PublishedTables prev = previous().set("table2.licensing.decisions", 1000).set("table2.punishment.decisions", 20000)
                .set("table2.coercion.decisions", 1);
        Validation v = auditor.audit(Auditor.Subject.of(clean()).withPrevious(prev));
        List<Finding> y = failed(v, "Y1");
        // 8544 > 5 x 1000; 2036 < 20000 / 5; 38 against 1: no ratio worth a warning? 38 > 5 x 1 and 38 >= 10: flagged.
        assertThat(y).extracting(Finding::cell).containsExactly("table2.licensing.decisions", "table2.punishment.decisions",
                "table2.coercion.decisions");
        assertThat(y).allMatch(f -> f.severity() == RuleCatalogue.Severity.warning);
        assertThat(y.get(0).messageZh()).contains("本年 8544，上年 1000", "8.54 倍");
        assertThat(v.result()).isEqualTo("warnings");
    }

    @Test
    void ruleR1_everyCellThatDiffersFromTheRecords() throws Exception {
        PublishedTables records = clean();
        PublishedTables published = clean().set("table3.granted.natural_person", 81).set("table4.review.pending", null);
        Validation v = auditor.audit(Auditor.Subject.of(published).withRecords(records));
        assertThat(failed(v, "R1")).extracting(Finding::cell).containsExactly("table3.granted.natural_person", "table4.review.pending");
        assertThat(failed(v, "R1").get(1).messageZh()).contains("公开数字 空白，记录统计 1");
    }
}
