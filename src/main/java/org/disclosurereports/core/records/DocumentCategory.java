package org.disclosurereports.core.records;

public enum DocumentCategory implements Vocabulary {
    REGULATION("regulation", "规章"),
    NORMATIVE("normative", "行政规范性文件"),
    OTHER("other", "其他");

    private final String key;
    private final String label;

    DocumentCategory(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override public String key() { return key; }

    @Override public String label() { return label; }
}
