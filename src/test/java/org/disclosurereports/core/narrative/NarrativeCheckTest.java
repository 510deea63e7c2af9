package org.disclosurereports.core.narrative;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Office-written text whose sentences repeat is flagged, naming the passage and the sentence. */
class NarrativeCheckTest {

    private static List<NarrativeCheck.Finding> check(String overview) {
        OfficeText office = OfficeText.of(Map.of(OfficeText.Slot.OVERVIEW, overview));
        return NarrativeCheck.check(new ReportNarrative(Map.of()), office, OfficeText.none(), Set.of());
    }

    @Test
    void aSentenceStandingThreeTimesIsFlaggedOnce() {
        String padding = "围绕经济社会发展中心工作，持续推进决策、执行、管理、服务、结果公开。";
        List<NarrativeCheck.Finding> f = check("本年度工作扎实推进。" + padding + padding + "\n" + padding);
        assertThat(f).extracting(NarrativeCheck.Finding::code).containsExactly("repeated_sentence");
        assertThat(f.get(0).message()).startsWith("“一、总体情况（开篇）”中同一句话出现3次：“围绕经济社会发展中心工作")
                .endsWith("：请删去重复内容");
    }

    @Test
    void shortSentencesAndDistinctOnesAreNotFlagged() {
        assertThat(check("无。无。本年度工作扎实推进。明年将继续推进。")).isEmpty();
    }
}
