package org.disclosurereports.inputs;

/**
 * A reason a row was not loaded: the file, the line the row starts on (the header is line 1), the
 * column and the value at fault, and why. Rejected rows are written to {@code rejects/<file>} and counted.
 * {@code location} names the row where a line number does not (a workbook's sheet and row, a source
 * database's row key); null for CSV files.
 */
public record Rejection(String file, long line, String column, String value, String reason, String location) {

    /** Characters of a value or a row that a rejection echoes; a longer one is cut, saying so. */
    public static final int ECHO_LIMIT = 1000;

    public Rejection {
        value = echo(value);
    }

    public Rejection(String file, long line, String column, String value, String reason) {
        this(file, line, column, value, reason, null);
    }

    /**
     * Text as a rejection shows it, on stderr and in the rejects file: a character that no file or terminal
     * shows safely (a control character, U+FFFE, U+FFFF, half a surrogate pair) as its {@code \\uXXXX}
     * escape, and at most {@link #ECHO_LIMIT} characters, so that a 50 MB value is not repeated in full.
     */
    public static String echo(String text) {
        if (text == null || (text.length() <= ECHO_LIMIT && firstUnshowable(text) < 0)) {
            return text; // every row is echoed when read; nearly all are shown as they are
        }
        int length = text.codePointCount(0, text.length());
        String shown = length > ECHO_LIMIT ? text.substring(0, text.offsetByCodePoints(0, ECHO_LIMIT)) : text;
        StringBuilder b = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < shown.length() && Character.isLowSurrogate(shown.charAt(i + 1));
            if (pair) {
                b.append(c).append(shown.charAt(++i));
            } else if (unshowable(c) && c != '\n' && c != '\r' && c != '\t') {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return length > ECHO_LIMIT ? b + "… [cut: " + length + " characters in all]" : b.toString();
    }

    /** A character an XML page (a report, a PDF's source) cannot hold; unpaired surrogates included. */
    public static boolean unshowable(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c);
    }

    /** The first character of {@code value} that no report can show, or -1. */
    public static int firstUnshowable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < Character.MIN_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (unshowable(c)) {
                return i;
            }
        }
        return -1;
    }

    public String describe() {
        return (location == null ? file + ", line " + line : location) + (column == null ? "" : ", column " + column)
                + (value == null ? "" : ", value '" + value + "'") + ": " + reason;
    }
}
