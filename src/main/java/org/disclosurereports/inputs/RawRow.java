package org.disclosurereports.inputs;

/**
 * One record of an input as read: the line it starts on (header = line 1), its values in the
 * order of the record kind's columns (null where the input has no such column), and the original
 * text, kept so that a rejected row is never lost.
 * <p>
 * {@code location} says where the row came from when a line number alone does not
 * ({@code applications.xlsx, sheet 申请, row 17}; {@code source casedb, applications key SL/2024-0012});
 * null for a CSV file, whose line is enough.
 */
public record RawRow(long line, String[] values, String original, String structureProblem, String location) {

    /** The original text is kept only to be echoed by a rejection, so no more of it than a rejection shows. */
    public RawRow {
        original = Rejection.echo(original);
    }

    public RawRow(long line, String[] values, String original, String structureProblem) {
        this(line, values, original, structureProblem, null);
    }
}
