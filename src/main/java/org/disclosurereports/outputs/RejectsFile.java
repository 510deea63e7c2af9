package org.disclosurereports.outputs;

import org.disclosurereports.inputs.Rejection;

import java.util.List;

/**
 * The layout of {@code rejects/<file>}: one line per problem, with the original row, so that the
 * rejected rows can be corrected and loaded again. A row with two problems has two lines. The load
 * steps write the lines as they go, so this gives single lines ({@link CsvWriter#line}).
 */
public final class RejectsFile {

    // location was added last (workbooks and source databases): tools reading the first six columns keep working.
    public static final List<String> HEADER = List.of("file", "line", "column", "value", "reason", "record", "location");

    private RejectsFile() {}

    public static String headerLine() {
        return CsvWriter.line(HEADER);
    }

    public static String line(Rejection r, String original) {
        return CsvWriter.line(r.file(), r.line(), r.column(), r.value(), r.reason(), original, r.location());
    }
}
