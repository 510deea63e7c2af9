package org.disclosurereports.support;

import org.disclosurereports.job.NightlyReportBuilder;
import org.disclosurereports.job.RunManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The files of a year's output that a reader sees, for comparing two runs byte for byte. */
public final class ReportFiles {

    /** What a run records about itself, not a report: times, timings and ids differ from run to run. */
    private static final Set<String> RUN_RECORDS = Set.of("run-summary.json", "manifest.json", "metrics.prom");

    private ReportFiles() {}

    /** tables.json, report.html, report.pdf, … of every agency and summary, the index and the rejects, by path. */
    public static TreeMap<String, byte[]> of(Path yearDir) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(yearDir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String name = yearDir.relativize(f).toString();
                if (RUN_RECORDS.contains(name) || name.startsWith(RunManifest.RUNS_DIR + "/")
                        || f.getFileName().toString().equals(NightlyReportBuilder.FINGERPRINT_FILE)) {
                    continue; // timestamps, timings, execution ids; every run's own provenance
                }
                files.put(name, Files.readAllBytes(f));
            }
        }
        return files;
    }

    /** The same files with the same bytes in both year directories. */
    public static void assertSame(Path expectedYearDir, Path actualYearDir) throws IOException {
        TreeMap<String, byte[]> want = of(expectedYearDir);
        TreeMap<String, byte[]> got = of(actualYearDir);
        assertThat(got.keySet()).isEqualTo(want.keySet());
        assertThat(want.keySet()).contains("SL-GOV/report.pdf", "SL-GOV/tables.json", "SL-GOV/report.html", "index.html");
        for (String f : want.keySet()) {
            assertThat(got.get(f)).as(f).isEqualTo(want.get(f));
        }
    }
}
