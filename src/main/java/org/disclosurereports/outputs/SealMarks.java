package org.disclosurereports.outputs;

import org.disclosurereports.store.SealedReports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The marks a sealed report leaves beside its files, read by the year's index: {@code .sealed} (when
 * and by whom it was sealed) and, when today's figures differ, {@code sealed-differences.csv}.
 * Kept in the output directory so the index, like the rest of it, describes what is there.
 */
public final class SealMarks {

    public static final String MARK = ".sealed";
    public static final String DIFFERENCES = "sealed-differences.csv";

    private SealMarks() {}

    /** Agency code → number of differing figures (0 when none), for every sealed report under {@code yearDir}. */
    public static Map<String, Integer> read(Path yearDir) {
        Map<String, Integer> marks = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(yearDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                if (!Files.isRegularFile(dir.resolve(MARK))) {
                    continue;
                }
                Path diff = dir.resolve(DIFFERENCES);
                int n = 0;
                if (Files.isRegularFile(diff)) {
                    try (Stream<String> lines = Files.lines(diff, StandardCharsets.UTF_8)) {
                        n = (int) Math.max(0, lines.filter(l -> !l.isBlank()).count() - 1);
                    }
                }
                marks.put(dir.getFileName().toString(), n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return marks;
    }

    public static void write(Path reportDir, SealedReports.Sealed sealed) throws IOException {
        String text = "sealed_at=" + sealed.sealedAt().withNano(0) + "\nsealed_by=" + sealed.sealedBy()
                + "\ntables_sha256=" + sealed.tablesSha256() + "\n";
        Path mark = reportDir.resolve(MARK);
        if (!Files.isRegularFile(mark) || !Files.readString(mark, StandardCharsets.UTF_8).equals(text)) {
            ReportFilesWriter.writeAtomically(mark, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The report is no longer sealed: its marks go. */
    public static void clear(Path reportDir) throws IOException {
        Files.deleteIfExists(reportDir.resolve(MARK));
        Files.deleteIfExists(reportDir.resolve(DIFFERENCES));
    }
}
