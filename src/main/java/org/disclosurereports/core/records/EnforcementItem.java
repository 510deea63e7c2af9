package org.disclosurereports.core.records;

public enum EnforcementItem implements Vocabulary {
    LICENSING("licensing", "行政许可", false),
    PUNISHMENT("punishment", "行政处罚", false),
    COERCION("coercion", "行政强制", false),
    /** 行政事业性收费: an amount in 万元 with up to 6 decimals, not a count. */
    FEES("fees", "行政事业性收费", true);

    private final String key;
    private final String label;
    private final boolean amount;

    EnforcementItem(String key, String label, boolean amount) {
        this.key = key;
        this.label = label;
        this.amount = amount;
    }

    @Override public String key() { return key; }

    @Override public String label() { return label; }

    public boolean isAmount() { return amount; }

    public static EnforcementItem ofKey(String key) {
        for (EnforcementItem i : values()) {
            if (i.key.equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no enforcement item " + key);
    }
}
