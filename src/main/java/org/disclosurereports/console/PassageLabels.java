package org.disclosurereports.console;

import org.disclosurereports.core.narrative.OfficeText;

/** The Chinese name of each passage an office writes, as its place in the report says it. */
final class PassageLabels {

    private PassageLabels() {}

    static String label(OfficeText.Slot slot) {
        return switch (slot) {
            case OVERVIEW -> "一、总体情况（开篇段落）";
            case INFORMATION_MANAGEMENT -> "一、总体情况 （三）政府信息管理";
            case PLATFORMS -> "一、总体情况 （四）政府信息公开平台建设";
            case SUPERVISION -> "一、总体情况 （五）监督保障";
            case PROBLEMS -> "五、存在的主要问题及改进情况";
            case OTHER -> "六、其他需要报告的事项";
        };
    }
}
