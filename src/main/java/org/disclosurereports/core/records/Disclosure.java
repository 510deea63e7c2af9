package org.disclosurereports.core.records;

public enum Disclosure implements Vocabulary {
    PROACTIVE("proactive", "主动公开"),
    ON_REQUEST("on_request", "依申请公开"),
    NOT_PUBLIC("not_public", "不予公开");

    private final String key;
    private final String label;

    Disclosure(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override public String key() { return key; }

    @Override public String label() { return label; }
}
