package org.disclosurereports.outputs;

import org.disclosurereports.inputs.Rejection;

import org.apache.commons.csv.CSVFormat;

import java.util.List;

/**
 * The layout of {@code rejects/<file>}: one line per problem, with the original row, so that the
 * rejected rows can be corrected and loaded again. A row with two problems has two lines.
 */
public final class RejectsFile {

    // location was added last (workbooks and source databases): tools reading the first six columns keep working.
    public static final List<String> HEADER = List.of("file", "line", "column", "value", "reason", "record", "location");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private RejectsFile() {}

    public static String headerLine() {
        return FORMAT.format(HEADER.toArray());
    }

    public static String line(Rejection r, String original) {
        return FORMAT.format(r.file(), r.line(), r.column() == null ? "" : r.column(),
                r.value() == null ? "" : r.value(), r.reason(), original == null ? "" : original,
                r.location() == null ? "" : r.location());
    }
}
