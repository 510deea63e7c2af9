package org.disclosurereports.ingest;

/**
 * A reason a row was not loaded: the file, the line the row starts on (the header is line 1), the
 * column and the value at fault, and why. Rejected rows are written to {@code rejects/<file>} and counted.
 */
public record Rejection(String file, long line, String column, String value, String reason) {

    public String describe() {
        return file + ", line " + line + (column == null ? "" : ", column " + column)
                + (value == null ? "" : ", value '" + value + "'") + ": " + reason;
    }
}
