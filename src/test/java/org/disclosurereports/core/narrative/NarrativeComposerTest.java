package org.disclosurereports.core.narrative;

import org.disclosurereports.core.narrative.ReportNarrative.Paragraph;
import org.disclosurereports.core.narrative.ReportNarrative.Text;
import org.disclosurereports.core.narrative.ReportNarrative.ToWrite;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Office text and record figures go to section 一's sub-sections by the layout's key, whatever the heading says. */
class NarrativeComposerTest {

    private static ReportNarrative overview(Paragraph... paragraphs) {
        return new ReportNarrative(Map.of("overview", List.of(paragraphs)));
    }

    private static final OfficeText OFFICE = OfficeText.of(Map.of(
            OfficeText.Slot.INFORMATION_MANAGEMENT, "目录已更新。",
            OfficeText.Slot.SUPERVISION, "第一段。\n\n第二段。"));

    @Test
    void officeTextReplacesTheSubSectionWithItsKey() {
        ReportNarrative n = NarrativeComposer.compose(overview(
                new Paragraph("（三）政府信息管理", List.of(new ToWrite("政府信息管理情况")), "information_management"),
                new Paragraph("（四）政府信息公开平台建设", List.of(new ToWrite("平台建设情况")), "platforms")),
                OFFICE, List.of(), List.of(), false);
        assertThat(n.section("overview")).extracting(Paragraph::heading, Paragraph::text).containsExactly(
                Tuple.tuple("（三）政府信息管理", "目录已更新。"),
                Tuple.tuple("（四）政府信息公开平台建设", "【待填写：平台建设情况】"));
        assertThat(n.toWrite()).containsExactly("平台建设情况");
    }

    @Test
    void theHeadingDoesNotPlaceText() {
        // Worded like 监督保障 but without the key: left alone. Keyed but worded otherwise: filled.
        Paragraph unkeyed = new Paragraph("（九）监督保障", List.of(new ToWrite("x")));
        Paragraph keyed = new Paragraph("（五）保障措施", List.of(new ToWrite("y")), "supervision");
        ReportNarrative n = NarrativeComposer.compose(overview(unkeyed, keyed), OFFICE,
                List.of(new Text("本年度组织政务公开培训"), new ReportNarrative.Figure("3", List.of("measure.trainings.count")), new Text("次。")),
                List.of(), false);
        assertThat(n.section("overview")).extracting(Paragraph::text).containsExactly(
                "【待填写：x】", "本年度组织政务公开培训3次。", "第一段。", "第二段。");
        assertThat(n.section("overview").get(1).heading()).isEqualTo("（五）保障措施");
        assertThat(n.section("overview").get(2).heading()).isNull();
    }
}
