package org.disclosurereports.outputs;

import org.apache.commons.csv.CSVFormat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes every CSV file the program produces (rejects, evidence, late replies, differences from a sealed
 * report), so that they are all quoted one way: RFC 4180 as Commons CSV prints it. A field is put in
 * double quotes, its quotes doubled, when it holds a comma, a quote or a line break, when it starts with a
 * character up to {@code #} (a space, for instance) or ends with whitespace, or when it is an empty first
 * field; a null field is empty. Files differ only in their line end and an optional byte-order mark,
 * which stay as readers of each file have always had them.
 *
 * <p>No cell can be taken for a formula by a spreadsheet (the files hold names and reasons typed by
 * offices and echo rejected input): as OWASP recommends against CSV injection, a text cell that starts
 * with {@code = + - @}, a tab or a carriage return gets a single quote in front. Numbers stay numbers:
 * a numeric field, or a text cell that is a plain decimal number such as {@code -3} or {@code +1.5},
 * is written as it is, since a spreadsheet reads it as that number and never as a formula.
 */
public final class CsvWriter {

    private static final CSVFormat RECORD = CSVFormat.RFC4180.builder().setRecordSeparator("").get();
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final StringBuilder text = new StringBuilder();
    private final String lineEnd;

    private CsvWriter(String lineEnd, boolean byteOrderMark) {
        this.lineEnd = lineEnd;
        if (byteOrderMark) {
            text.append('\uFEFF');
        }
    }

    /** Lines ended by {@code \n}. */
    public static CsvWriter lf() {
        return new CsvWriter("\n", false);
    }

    /** Lines ended by {@code \r\n}, as RFC 4180 has them. */
    public static CsvWriter crlf() {
        return new CsvWriter("\r\n", false);
    }

    /** Lines ended by {@code \r\n} after a UTF-8 byte-order mark, so that Excel opens the file as Chinese text. */
    public static CsvWriter forExcel() {
        return new CsvWriter("\r\n", true);
    }

    /** One record without its line end, for a writer that adds the lines itself. */
    public static String line(Object... fields) {
        return RECORD.format(Arrays.stream(fields).map(CsvWriter::neutralised).toArray());
    }

    /** The field as a spreadsheet must show it: text that would start a formula is made plain text. */
    static Object neutralised(Object field) {
        if (!(field instanceof CharSequence text) || text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0) {
            return field;
        }
        return PLAIN_NUMBER.matcher(text).matches() ? field : "'" + text;
    }

    public static String line(List<?> fields) {
        return line(fields.toArray());
    }

    public CsvWriter row(Object... fields) {
        text.append(line(fields)).append(lineEnd);
        return this;
    }

    public CsvWriter row(List<?> fields) {
        return row(fields.toArray());
    }

    public byte[] toUtf8() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
