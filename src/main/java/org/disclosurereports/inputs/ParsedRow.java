package org.disclosurereports.inputs;

import java.util.List;

/**
 * A row after checking: either loadable ({@code values} in the order of the kind's columns, typed)
 * or rejected with every problem found in it. {@code location} as in {@link RawRow}.
 */
public record ParsedRow(long line, Object[] values, List<Rejection> problems, RowText text, String location) {

    public ParsedRow(long line, Object[] values, List<Rejection> problems, String original, String location) {
        this(line, values, problems, RowText.of(original), location);
    }

    public ParsedRow(long line, Object[] values, List<Rejection> problems, String original) {
        this(line, values, problems, RowText.of(original), null);
    }

    /** The row's original text, as its rejection echoes it. */
    public String original() {
        return text.text();
    }

    public boolean rejected() {
        return !problems.isEmpty();
    }
}
