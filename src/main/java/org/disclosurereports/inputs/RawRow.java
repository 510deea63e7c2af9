package org.disclosurereports.inputs;

import java.util.List;

/**
 * One record of an input as read: the line it starts on (header = line 1), its values in the
 * order of the record kind's columns (null where the input has no such column), and the original
 * text, kept so that a rejected row is never lost (made only when asked for: {@link RowText}).
 * <p>
 * {@code location} says where the row came from when a line number alone does not
 * ({@code applications.xlsx, sheet 申请, row 17}; {@code source casedb, applications key SL/2024-0012});
 * null for a CSV file, whose line is enough.
 * <p>
 * {@code unreadableCells} are cells of a workbook row that hold no value the contract can read (a number
 * no cell can hold, a shared string that is not there, a reference beyond the sheet's last column): the
 * row is rejected naming each of them.
 */
public record RawRow(long line, String[] values, RowText text, String structureProblem, String location,
                     List<UnreadableCell> unreadableCells) {

    /**
     * A cell whose value could not be read: the contract's column it falls in (null when it falls in none),
     * the cell's text as stored and why.
     */
    public record UnreadableCell(String column, String value, String reason) {}

    public RawRow {
        text = text == null ? RowText.of(null) : text;
        unreadableCells = unreadableCells == null ? List.of() : List.copyOf(unreadableCells);
    }

    /** The original text is kept only to be echoed by a rejection, so no more of it than a rejection shows. */
    public RawRow(long line, String[] values, String original, String structureProblem, String location,
                  List<UnreadableCell> unreadableCells) {
        this(line, values, RowText.of(original), structureProblem, location, unreadableCells);
    }

    public RawRow(long line, String[] values, RowText text, String structureProblem) {
        this(line, values, text, structureProblem, null, List.of());
    }

    public RawRow(long line, String[] values, String original, String structureProblem, String location) {
        this(line, values, RowText.of(original), structureProblem, location, List.of());
    }

    public RawRow(long line, String[] values, String original, String structureProblem) {
        this(line, values, RowText.of(original), structureProblem, null, List.of());
    }

    /** The row's original text, as a rejection echoes it. */
    public String original() {
        return text.text();
    }
}
