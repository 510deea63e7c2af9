package org.disclosurereports.console;

import org.disclosurereports.store.ConsoleAccounts.Role;
import org.disclosurereports.store.ReportStates.State;

/** The Chinese words the console's pages use for states, actions, roles and where a passage's text comes from. */
final class StateLabels {

    private StateLabels() {}

    static String label(State state) {
        return switch (state) {
            case DRAFT -> "草稿";
            case SUBMITTED -> "已提交待审核";
            case RETURNED -> "已退回";
            case APPROVED -> "审核通过";
            case PUBLISHED -> "已发布";
        };
    }

    static String action(State from, State to) {
        return switch (to) {
            case SUBMITTED -> "提交";
            case RETURNED -> "退回";
            case APPROVED -> "审核通过";
            case PUBLISHED -> "发布";
            case DRAFT -> from == State.PUBLISHED ? "更正（撤销定稿）" : "改回草稿";
        };
    }

    static String role(Role role) {
        return switch (role) {
            case UNIT -> "填报单位";
            case REVIEWER -> "审核单位";
            case AUDITOR -> "查阅（只读）";
            case ADMIN -> "管理员（只读）";
        };
    }

    static String source(ConsoleReports.Source source) {
        return switch (source) {
            case NONE -> "尚未填写";
            case CONSOLE -> "已在本系统保存";
            case FILE -> "来自 narrative/ 文件（未在本系统保存过）";
            case FILE_CHANGED -> "文件已在本系统之外修改：报告以文件内容为准";
        };
    }
}
