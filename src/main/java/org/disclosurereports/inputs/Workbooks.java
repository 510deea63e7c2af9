package org.disclosurereports.inputs;


import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;

/**
 * Which workbook stands for which input file: one workbook per record kind, named like the CSV file
 * it replaces ({@code applications.xlsx} for {@code applications.csv}), its first sheet read.
 * agencies.csv stays a CSV file (the agency tree is loaded as a whole by its own step).
 */
public final class Workbooks {

    public static final String EXTENSION = ".xlsx";

    private Workbooks() {}

    /** The record kind a workbook's file name stands for, if any. */
    public static Optional<RecordKind> kindOf(InputSchema schema, String fileName) {
        if (!fileName.endsWith(EXTENSION)) {
            return Optional.empty();
        }
        String csv = fileName.substring(0, fileName.length() - EXTENSION.length()) + ".csv";
        return schema.byFileName(csv).filter(k -> !k.name().equals(InputSchema.AGENCIES));
    }

    public static String fileName(RecordKind kind) {
        return kind.fileName().replaceFirst("\\.csv$", EXTENSION);
    }

    /**
     * The file a run reads for a kind, from the inspected inputs ({@code name=charset} of each file):
     * the CSV file, the workbook, or null when neither was given.
     */
    public static String givenFile(RecordKind kind, Map<String, Charset> inputs) {
        if (inputs.containsKey(kind.fileName())) {
            return kind.fileName();
        }
        String workbook = fileName(kind);
        return inputs.containsKey(workbook) ? workbook : null;
    }
}
