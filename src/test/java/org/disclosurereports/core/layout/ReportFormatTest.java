package org.disclosurereports.core.layout;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatTest {

    private final ReportFormat format = ReportFormat.current();

    @Test
    void table3HasTwentyFiveRowsAndSevenColumnsInStatutoryOrder() {
        GridShape t3 = format.table3Shape();
        assertThat(t3.rows()).hasSize(25);
        assertThat(t3.columns()).hasSize(7);
        assertThat(t3.rowKeys().get(0)).isEqualTo("new_received");
        assertThat(t3.rowKeys().get(23)).isEqualTo("total_processed");
        assertThat(t3.rowKeys().get(24)).isEqualTo("carried_forward");
        assertThat(t3.outcomeRows()).hasSize(21);
        assertThat(t3.row("denied_three_safety").label()).isEqualTo("3.危及“三安全一稳定”");
    }

    @Test
    void mergedLabelCellsSpanTheRowsOfTheirGroup() {
        GridShape t3 = format.table3Shape();
        assertThat(t3.labelColumns()).isEqualTo(3);
        // 一、本年新收… spans all three label columns
        assertThat(t3.labelCells(0)).containsExactly(new GridShape.LabelCell("一、本年新收政府信息公开申请数量", 1, 3, 0, false));
        // （一）予以公开 opens 三、本年度办理结果, which spans the 22 rows down to （七）总计
        List<GridShape.LabelCell> granted = t3.labelCells(t3.rowIndex("granted"));
        assertThat(granted.get(0)).isEqualTo(new GridShape.LabelCell("三、本年度办理结果", 22, 1, 0, true));
        assertThat(granted.get(1).colspan()).isEqualTo(2);
        // 1.属于国家秘密 opens （三）不予公开 (8 rows); 2.… opens nothing
        List<GridShape.LabelCell> secret = t3.labelCells(t3.rowIndex("denied_state_secret"));
        assertThat(secret).containsExactly(
                new GridShape.LabelCell("（三）不予公开", 8, 1, 1, true),
                new GridShape.LabelCell("1.属于国家秘密", 1, 1, 2, false));
        assertThat(t3.labelCells(t3.rowIndex("denied_law_forbidden"))).hasSize(1);
        assertThat(t3.labelCells(t3.rowIndex("other_no_correction")).get(0)).isEqualTo(new GridShape.LabelCell("（六）其他处理", 3, 1, 1, true));
    }

    @Test
    void table4IsThreeKindsByFiveColumns() {
        GridShape t4 = format.table4Shape();
        assertThat(t4.rowKeys()).containsExactly("review", "litigation_direct", "litigation_after_review");
        assertThat(t4.columnKeys()).containsExactly("upheld", "corrected", "other", "pending", "total");
    }

    @Test
    void sixSectionsWithExactHeadings() {
        assertThat(format.sections()).extracting(ReportFormat.Section::heading).containsExactly(
                "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");
    }
}
