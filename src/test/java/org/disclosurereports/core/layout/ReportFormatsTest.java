package org.disclosurereports.core.layout;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layouts known and which one a report year is laid out in; the input vocabularies they share. */
class ReportFormatsTest {

    final ReportFormats formats = ReportFormats.shipped();

    @Test
    void theYearChoosesTheLayoutAndANamedOneOverridesIt() {
        assertThat(formats.ids()).containsExactly("gov-2019-60", "gov-2021-30");
        assertThat(formats.forYear(2019).id()).isEqualTo("gov-2019-60");
        assertThat(formats.forYear(2020).id()).isEqualTo("gov-2019-60");
        assertThat(formats.forYear(2021).id()).isEqualTo("gov-2021-30");
        assertThat(formats.forYear(2024).id()).isEqualTo("gov-2021-30");
        assertThat(formats.forYear(2024)).isSameAs(ReportFormat.current());
        assertThat(formats.choose("gov-2019-60", 2024).id()).isEqualTo("gov-2019-60");
        assertThat(formats.choose(null, 2020).id()).isEqualTo("gov-2019-60");
        assertThatThrownBy(() -> formats.forYear(2018)).hasMessageContaining("no report format for the year 2018")
                .hasMessageContaining("gov-2019-60");
        assertThatThrownBy(() -> formats.byId("gov-2008")).hasMessageContaining("unknown report format 'gov-2008'")
                .hasMessageContaining("gov-2019-60, gov-2021-30");
    }

    @Test
    void theTrialLayoutHasItsOwnTable2AndOneOtherProcessingRow() {
        ReportFormat trial = formats.byId("gov-2019-60");
        assertThat(trial.source()).isEqualTo("国办公开办函〔2019〕60号");
        assertThat(trial.table2().blocks()).extracting(ReportFormat.Table2Block::article).containsExactly(
                "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项");
        assertThat(trial.table2().blocks().get(0).columns()).extracting(ReportFormat.Column::label)
                .containsExactly("本年新制作数量", "本年新公开数量", "对外公开总数量");
        assertThat(trial.table2().blocks().get(1).columns()).extracting(ReportFormat.Column::label)
                .containsExactly("上一年项目数量", "本年增/减", "处理决定数量");
        assertThat(trial.table2().blocks().get(1).rows()).extracting(ReportFormat.Table2Row::label)
                .containsExactly("行政许可", "其他对外管理服务事项");
        assertThat(trial.table2().blocks().get(3).columns()).extracting(ReportFormat.Column::label)
                .containsExactly("上一年项目数量", "本年增/减");
        assertThat(trial.table2().blocks().get(4).columns()).extracting(ReportFormat.Column::label)
                .containsExactly("采购项目数量", "采购总金额");
        assertThat(trial.table2().blocks().get(1).columns().get(1).signed()).isTrue();

        GridShape t3 = trial.table3Shape();
        assertThat(t3.rows()).hasSize(23);
        assertThat(t3.row("other_processing").label()).isEqualTo("（六）其他处理");
        assertThat(t3.row("other_processing").groups()).containsExactly("三、本年度办理结果");
        assertThat(t3.rowOfOutcome("other_no_fee")).isEqualTo("other_processing");
        assertThat(t3.rowOfOutcome("granted")).isEqualTo("granted");
        assertThat(t3.hasRow("other_other")).isFalse();
        assertThat(t3.outcomeRows()).hasSize(19);
        // Table 四 is the same in both layouts, key for key and label for label.
        assertThat(trial.table4()).isEqualTo(ReportFormat.current().table4());
    }

    @Test
    void recordsAreInOneVocabularyForEveryLayout() {
        assertThat(formats.outcomes()).hasSize(21).containsKeys("other_no_correction", "other_no_fee", "other_other");
        for (ReportFormat f : formats.all()) {
            for (String outcome : formats.outcomes().keySet()) {
                assertThat(f.table3Shape().hasRow(f.table3Shape().rowOfOutcome(outcome))).as(f.id() + " " + outcome).isTrue();
            }
        }
        assertThat(formats.enforcementItems()).extracting(ReportFormat.Term::key)
                .containsExactlyInAnyOrder("licensing", "punishment", "coercion", "fees", "other_services", "procurement");
        // Labels of the newest layout where both have the key; an amount where some layout counts the value as one.
        assertThat(formats.documentCategories()).extracting(ReportFormat.Term::label).contains("行政规范性文件");
        List<ReportFormat.Term> amounts = formats.enforcementItems().stream().filter(ReportFormat.Term::amount).toList();
        assertThat(amounts).extracting(ReportFormat.Term::key).containsExactlyInAnyOrder("fees", "procurement");
    }
}
