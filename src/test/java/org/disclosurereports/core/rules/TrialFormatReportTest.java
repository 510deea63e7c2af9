package org.disclosurereports.core.rules;

import org.disclosurereports.core.counting.AppealCounter;
import org.disclosurereports.core.counting.ApplicationCounter;
import org.disclosurereports.core.counting.Evidence;
import org.disclosurereports.core.counting.ProactiveCounter;
import org.disclosurereports.core.figures.PublishedTables;
import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.core.records.AppealCase;
import org.disclosurereports.core.records.Application;
import org.disclosurereports.core.records.Disclosure;
import org.disclosurereports.core.records.Document;
import org.disclosurereports.core.records.EnforcementFigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2020 report counted from records in the 2019 trial layout (gov-2019-60), checked against its own
 * identities, written and read back as tables.json, and the 2021 report of the same records audited
 * against it across the change of layout. Every expected figure is counted by hand from the records below.
 */
class TrialFormatReportTest {

    static final ReportFormats FORMATS = ReportFormats.shipped();
    static final String UNIT = "T-1";

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static final List<Application> APPLICATIONS = List.of(
            // received 2019, closed 2020: 上年结转 and 予以公开 in 2020
            new Application(UNIT, "a1", d("2019-12-10"), "natural_person", d("2020-01-08"), "granted", null, null),
            // two outcomes the 2019 layout counts in its one row （六）其他处理
            new Application(UNIT, "a2", d("2020-03-01"), "commercial", d("2020-03-20"), "other_no_fee", null, null),
            new Application(UNIT, "a3", d("2020-05-01"), "natural_person", d("2020-05-30"), "other_other", null, null),
            // open at the end of 2020: 结转下年度 in 2020, 上年结转 in 2021, closed in 2021
            new Application(UNIT, "a4", d("2020-11-20"), "natural_person", d("2021-01-10"), "other_no_correction", null, null),
            new Application(UNIT, "a5", d("2020-06-01"), "legal_service", d("2020-06-10"), "rejected_repeat", null, null));

    static final List<Document> DOCUMENTS = List.of(
            doc("d1", "normative", "2019-05-01", Disclosure.PROACTIVE, "2019-05-03", null),
            doc("d2", "normative", "2020-02-01", Disclosure.PROACTIVE, "2020-02-05", null),
            doc("d3", "normative", "2020-12-20", Disclosure.PROACTIVE, "2021-01-05", null),
            // published on the day it was issued (no published_date), repealed in 2020
            doc("d4", "normative", "2018-01-01", Disclosure.PROACTIVE, null, "2020-06-30"),
            doc("d5", "regulation", "2020-04-01", Disclosure.ON_REQUEST, null, null),
            doc("d6", "normative", "2020-03-01", Disclosure.NOT_PUBLIC, null, null));

    static Document doc(String id, String category, String issued, Disclosure disclosure, String published, String repealed) {
        return new Document(id, UNIT, null, "文件" + id, category, d(issued), disclosure,
                published == null ? null : d(published), repealed == null ? null : d(repealed), null, null);
    }

    static final List<EnforcementFigure> FIGURES = List.of(
            new EnforcementFigure(UNIT, 2019, "licensing", new BigDecimal("40"), 12L),
            new EnforcementFigure(UNIT, 2020, "licensing", new BigDecimal("55"), 9L),
            new EnforcementFigure(UNIT, 2020, "other_services", new BigDecimal("7"), 5L),
            new EnforcementFigure(UNIT, 2019, "punishment", new BigDecimal("3"), 4L),
            new EnforcementFigure(UNIT, 2020, "punishment", new BigDecimal("10"), 4L),
            new EnforcementFigure(UNIT, 2019, "fees", new BigDecimal("1.5"), 2L),
            new EnforcementFigure(UNIT, 2020, "fees", new BigDecimal("0.8"), 1L),
            new EnforcementFigure(UNIT, 2020, "procurement", new BigDecimal("123.456"), 6L),
            new EnforcementFigure(UNIT, 2021, "licensing", new BigDecimal("61"), 9L));

    static final List<AppealCase> APPEALS = List.of(
            new AppealCase(UNIT, "r1", "review", d("2020-02-01"), d("2020-04-01"), "upheld"),
            new AppealCase(UNIT, "l1", "litigation_direct", d("2020-09-01"), null, null));

    /** The tables of a year in the layout of that year, as the job counts them (store.TablesFromRecords). */
    static StatutoryTables tables(int year) {
        ReportFormat format = FORMATS.forYear(year);
        ReportYear y = new ReportYear(year);
        ProactiveCounter proactive = new ProactiveCounter(y, format.table2(), Evidence.NONE);
        DOCUMENTS.stream().filter(doc -> !doc.issuedDate().isAfter(y.last())).forEach(proactive::accept);
        FIGURES.stream().filter(f -> f.year() == year || (proactive.needsPreviousYear() && f.year() == year - 1))
                .forEach(proactive::accept);
        ApplicationCounter applications = new ApplicationCounter(y, format.table3Shape(), Evidence.NONE);
        APPLICATIONS.forEach(applications::accept);
        AppealCounter appeals = new AppealCounter(y, format.table4Shape(), Evidence.NONE);
        APPEALS.forEach(appeals::accept);
        return new StatutoryTables(UNIT, "试验单位", year, StatutoryTables.SCOPE_AGENCY, proactive.table(),
                applications.table(), appeals.table(), applications.feesYuan());
    }

    static Validation.RuleResult result(Validation v, String rule) {
        return v.rules().stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void a2020ReportIsCountedInTheTrialLayout() {
        StatutoryTables t = tables(2020);
        assertThat(t.format().id()).isEqualTo("gov-2019-60");
        // 第二十条第（一）项: 本年新制作 d2 d3 d6; 本年新公开 d2 (d3 went online in 2021); 对外公开总数量 d1 d2 (d4 repealed)
        assertThat(t.value("table2.normative_documents.made")).isEqualByComparingTo("3");
        assertThat(t.value("table2.normative_documents.published")).isEqualByComparingTo("1");
        assertThat(t.value("table2.normative_documents.public")).isEqualByComparingTo("2");
        assertThat(t.value("table2.regulations.made")).isEqualByComparingTo("1");
        assertThat(t.value("table2.regulations.public")).isEqualByComparingTo("0");
        // 行政许可: 12 items in 2019, 9 in 2020: 本年增/减 −3
        assertThat(t.value("table2.licensing.previous_items")).isEqualByComparingTo("12");
        assertThat(t.value("table2.licensing.items_change")).isEqualByComparingTo("-3");
        assertThat(t.value("table2.licensing.decisions")).isEqualByComparingTo("55");
        // 其他对外管理服务事项: no 2019 figure, so all 5 items are new
        assertThat(t.value("table2.other_services.previous_items")).isEqualByComparingTo("0");
        assertThat(t.value("table2.other_services.items_change")).isEqualByComparingTo("5");
        assertThat(t.value("table2.punishment.items_change")).isEqualByComparingTo("0");
        assertThat(t.value("table2.coercion.decisions")).isEqualByComparingTo("0");
        assertThat(t.value("table2.fees.previous_items")).isEqualByComparingTo("2");
        assertThat(t.value("table2.fees.items_change")).isEqualByComparingTo("-1");
        assertThat(t.value("table2.procurement.projects")).isEqualByComparingTo("6");
        assertThat(t.value("table2.procurement.total_amount")).isEqualByComparingTo("123.456");
        // 表三: a2 and a3 in the single row （六）其他处理
        assertThat(t.table3().get("other_processing", "total")).isEqualTo(2);
        assertThat(t.table3().get("other_processing", "commercial")).isEqualTo(1);
        assertThat(t.table3().get("new_received", "total")).isEqualTo(4);
        assertThat(t.table3().get("carried_over", "total")).isEqualTo(1);
        assertThat(t.table3().get("total_processed", "total")).isEqualTo(4);
        assertThat(t.table3().get("carried_forward", "natural_person")).isEqualTo(1);
        assertThat(t.table4().get("review", "total")).isEqualTo(1);
        assertThat(t.table4().get("litigation_direct", "pending")).isEqualTo(1);
    }

    @Test
    void the2020ReportPassesTheIdentitiesOfItsLayoutWithANegativeChange() {
        StatutoryTables t = tables(2020);
        Validation v = Auditor.shipped(ReportFormat.current()).audit(Auditor.Subject.of(PublishedTables.of(t.format(), t)));
        assertThat(v.findings()).isEmpty();
        assertThat(v.result()).isEqualTo("passed");
        for (String id : List.of("A", "B", "C", "D", "N1", "N2", "N3")) {
            assertThat(result(v, id).applied()).as(id).isTrue();
            assertThat(result(v, id).failed()).as(id).isZero();
        }
        assertThat(result(v, "A").checked()).isEqualTo(23);   // 23 rows in the 2019 table 三, 25 in 2021's
        assertThat(result(v, "B").checked()).isEqualTo(7);

        // A hand-typed 总计 that disagrees with the parts of （六）其他处理 is caught by identity B of this layout.
        PublishedTables wrong = PublishedTables.of(t.format(), t).set("table3.other_processing.natural_person", 5);
        Validation bad = Auditor.shipped(ReportFormat.current()).audit(Auditor.Subject.of(wrong));
        assertThat(bad.blocking()).extracting(Finding::rule).contains("B");
        // A negative count is still refused where the layout does not allow one.
        PublishedTables negative = PublishedTables.of(t.format(), t).set("table2.licensing.decisions", -1);
        assertThat(Auditor.shipped(ReportFormat.current()).audit(Auditor.Subject.of(negative)).blocking())
                .extracting(Finding::cell).containsExactly("table2.licensing.decisions");
    }

    @Test
    void acrossTwoYearsOfTheTrialLayoutAChangeIsNotComparedAsALevel() {
        StatutoryTables t2019 = tables(2019);
        StatutoryTables t2020 = tables(2020);
        assertThat(t2019.value("table2.licensing.items_change")).isEqualByComparingTo("12");
        Validation v = Auditor.shipped(ReportFormat.current()).audit(Auditor.Subject.of(PublishedTables.of(t2020.format(), t2020))
                .withPrevious(PublishedTables.of(t2019.format(), t2019)));
        // 本年增/减 went from +12 to −3: no ratio of a change to last year's change is a finding.
        assertThat(v.findings()).extracting(Finding::cell).doesNotContain("table2.licensing.items_change");
        assertThat(result(v, "Y1").applied()).isTrue();
        assertThat(result(v, "Y1").note()).isNull();
        assertThat(result(v, "E1").passed()).isEqualTo(7);
        assertThat(result(v, "E2").applied()).isFalse();
        assertThat(result(v, "E2").notApplied()).startsWith("cells the layout gov-2019-60 does not have, not compared: table2.regulations.valid");
    }

    @Test
    void tablesJsonNamesTheLayoutAndIsReadBackInIt(@TempDir Path temp) throws Exception {
        StatutoryTables t = tables(2020);
        byte[] json = TablesJson.write(t);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"format\": \"gov-2019-60\"", "\"items_change\": -3", "\"other_processing\": [1, 1, 0, 0, 0, 0, 2]",
                "\"total_amount\": \"123.456\"");
        Path file = temp.resolve("tables.json");
        Files.write(file, json);
        PublishedTables read = TablesJson.readAsPrinted(file, FORMATS);
        assertThat(read.format().id()).isEqualTo("gov-2019-60");
        assertThat(read.get("table2.licensing.items_change")).isEqualByComparingTo("-3");
        StatutoryTables strict = TablesJson.read(TablesJson.JSON.readTree(json), read.format());
        assertThat(TablesJson.write(strict)).isEqualTo(json);

        // Without the format field, the year chooses: a published 2020 report is read in the 2019 layout.
        Path unnamed = temp.resolve("published-2020.json");
        Files.writeString(unnamed, text.replace("  \"format\": \"gov-2019-60\",\n", ""));
        assertThat(TablesJson.readAsPrinted(unnamed, FORMATS).format().id()).isEqualTo("gov-2019-60");
        // A file that names a layout is not read in another.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TablesJson.readAsPrinted(file, ReportFormat.current())))
                .hasMessageContaining("the tables are in the layout gov-2019-60, not gov-2021-30");
    }

    @Test
    void the2021ReportIsComparedWithThe2020OneOnlyWhereBothLayoutsShareCells() {
        StatutoryTables t2020 = tables(2020);
        StatutoryTables t2021 = tables(2021);
        assertThat(t2021.format().id()).isEqualTo("gov-2021-30");
        assertThat(t2021.table3().get("other_no_correction", "natural_person")).isEqualTo(1);
        PublishedTables report = PublishedTables.of(t2021.format(), t2021);
        PublishedTables previous = PublishedTables.of(t2020.format(), t2020);
        Validation v = Auditor.shipped(ReportFormat.current()).audit(Auditor.Subject.of(report).withPrevious(previous));

        // E1: 上年结转 (2021) = 结转下年度 (2020): both layouts have these rows, every column compared.
        assertThat(result(v, "E1").applied()).isTrue();
        assertThat(result(v, "E1").checked()).isEqualTo(7);
        assertThat(result(v, "E1").passed()).isEqualTo(7);
        assertThat(result(v, "E1").note()).isNull();
        // E2: 现行有效件数 is not in the 2019 layout: not applied, and the result says why.
        assertThat(result(v, "E2").applied()).isFalse();
        assertThat(result(v, "E2").notApplied()).contains("gov-2021-30, previous year gov-2019-60")
                .contains("previous:table2.regulations.valid");
        // Y1 compares the shared cells and names those it left out.
        assertThat(result(v, "Y1").applied()).isTrue();
        assertThat(result(v, "Y1").checked()).isPositive();
        assertThat(result(v, "Y1").note()).contains("previous:table3.other_no_correction.total")
                .doesNotContain("previous:table3.granted.total");
        assertThat(v.blocking()).isEmpty();

        // A break in the chain is found, and the finding says the two layouts differ.
        previous.set("table3.carried_forward.natural_person", 3).set("table3.carried_forward.total", 3);
        Validation broken = Auditor.shipped(ReportFormat.current()).audit(Auditor.Subject.of(report).withPrevious(previous));
        List<Finding> e1 = new ArrayList<>(broken.blocking().stream().filter(f -> f.rule().equals("E1")).toList());
        assertThat(e1).extracting(Finding::cell).containsExactly("table3.carried_over.natural_person", "table3.carried_over.total");
        assertThat(e1.get(0).messageZh()).contains("上年报告为 gov-2019-60 格式，本年为 gov-2021-30 格式：只比较两种格式共有的单元格");
        assertThat(e1.get(0).messageEn()).contains("only the cells both layouts share are compared");
    }
}
