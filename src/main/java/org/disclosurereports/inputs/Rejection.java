package org.disclosurereports.inputs;

/**
 * A reason a row was not loaded: the file, the line the row starts on (the header is line 1), the
 * column and the value at fault, and why. Rejected rows are written to {@code rejects/<file>} and counted.
 * {@code location} names the row where a line number does not (a workbook's sheet and row, a source
 * database's row key); null for CSV files.
 */
public record Rejection(String file, long line, String column, String value, String reason, String location) {

    public Rejection(String file, long line, String column, String value, String reason) {
        this(file, line, column, value, reason, null);
    }

    public String describe() {
        return (location == null ? file + ", line " + line : location) + (column == null ? "" : ", column " + column)
                + (value == null ? "" : ", value '" + value + "'") + ": " + reason;
    }
}
