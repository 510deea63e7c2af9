package org.disclosurereports.core.layout;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one label lookup, from the layout: names in findings and evidence, labels in sealed differences. */
class CellNamesTest {

    static final CellNames NAMES = new CellNames(ReportFormat.current());

    @Test
    void cellsAreNamedByTableRowAndColumnWithTheGroupWhereALabelRepeats() {
        assertThat(NAMES.cell("table3.granted.natural_person")).isEqualTo("表三“（一）予以公开·自然人”");
        assertThat(NAMES.cell("table3.denied_state_secret.total")).isEqualTo("表三“（三）不予公开1.属于国家秘密·总计”");
        assertThat(NAMES.cell("table4.litigation_direct.upheld")).isEqualTo("表四“行政诉讼·未经复议直接起诉·结果维持”");
        assertThat(NAMES.cell("table2.fees.amount_wan_yuan")).isEqualTo("表二“行政事业性收费·本年收费金额（单位：万元）”");
        assertThat(NAMES.cell(CellRef.PROCESSING_FEES)).isEqualTo("信息处理费（元）");
        // Text that is no cell (a unit's cell in rule G, say) is left as it is.
        assertThat(NAMES.cell("not a cell")).isEqualTo("not a cell");
    }

    @Test
    void labelsAreAsTheLayoutPrintsThemAndEmptyWhenThereIsNone() {
        assertThat(NAMES.label("table3", "new_received")).isEqualTo("一、本年新收政府信息公开申请数量");
        assertThat(NAMES.label("table3", "denied_state_secret")).isEqualTo("1.属于国家秘密");
        assertThat(NAMES.label("table3", "natural_person")).isEqualTo("自然人");
        assertThat(NAMES.label("table4", "litigation_direct")).isEqualTo("未经复议直接起诉");
        assertThat(NAMES.label("table2", "decisions")).isEqualTo("本年处理决定数量");
        assertThat(NAMES.label("table3", "")).isEmpty();
        assertThat(NAMES.label(CellRef.PROCESSING_FEES, CellRef.PROCESSING_FEES)).isEmpty();
        // Unknown keys: the label is empty, the name falls back to the key.
        assertThat(NAMES.label("table3", "nope")).isEmpty();
        assertThat(NAMES.row("table3", "nope")).isEqualTo("nope");
    }
}
