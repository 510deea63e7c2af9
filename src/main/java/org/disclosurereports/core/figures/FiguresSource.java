package org.disclosurereports.core.figures;

/**
 * Where a unit's figures for a year come from, as {@code tables.json} says ({@code data_source}):
 * its records, a submitted return, or neither. What a report may state as fact depends on it: a return
 * carries only the tables, and a unit with neither has nothing behind any of its zeros.
 */
public enum FiguresSource {
    RECORDS("records"), RETURN("return"), NONE("none");

    private final String key;

    FiguresSource(String key) {
        this.key = key;
    }

    /** As written to tables.json ({@code data_source}). */
    public String key() {
        return key;
    }
}
