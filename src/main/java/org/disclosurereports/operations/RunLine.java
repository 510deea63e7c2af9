package org.disclosurereports.operations;

import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.job.NightlyReportBuilder;
import org.disclosurereports.job.RunSummary;
import org.disclosurereports.job.SummaryReports;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.JobRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one line a run leaves for operators (stdout, so cron mails and logs keep it), e.g.
 * {@code RUN 2024 all: COMPLETED in 8.4 s | agencies.csv 10/10/0, applications.csv 755/752/3 (read/loaded/rejected)
 * | unit reports 2 built, 8 unchanged, 0 sealed (0 differences); 2 summaries built, 0 unchanged | 3 rows rejected}: unit reports
 * count the agencies' own reports; the index lists those and the summaries.
 * Counts cover every execution of the job instance, so a resumed run reports the whole night.
 */
public record RunLine(String text, long built, long unchanged, long sealed, long differences, long blocking) {

    /**
     * @param sealedCodes the agencies whose report of the year is sealed (they are filtered, not built)
     * @param scopeCodes  the agencies of this run
     */
    public static RunLine of(JobRepository jobRepository, JobExecution execution, RunSummary summary, long elapsedNanos,
                             Collection<String> sealedCodes, Collection<String> scopeCodes) {
        long filtered = 0;
        List<JobExecution> all = new ArrayList<>(jobRepository.getJobExecutions(execution.getJobInstance()));
        all.removeIf(e -> e.getId() == execution.getId());
        all.add(execution);
        for (JobExecution e : all) {
            for (StepExecution s : e.getStepExecutions()) {
                if (s.getStepName().startsWith(RunSummary.REPORT_PARTITION_PREFIX)) {
                    filtered += s.getFilterCount();
                }
            }
        }
        Path yearDir = summary.parameters().yearDir();
        long sealed;
        long differences = 0;
        // A sealed unit is filtered and keeps sealed-differences.csv beside it when its figures changed.
        // Counted from the output directory: what is there is what the operator must look at.
        if (Files.isDirectory(yearDir)) {
            try (Stream<Path> dirs = Files.list(yearDir)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    if (!summary.parameters().allAgencies() && !d.getFileName().toString().equals(summary.parameters().agency())) {
                        continue;
                    }
                    Path diff = d.resolve(NightlyReportBuilder.DIFFERENCES_FILE);
                    if (Files.isRegularFile(diff)) {
                        try (Stream<String> lines = Files.lines(diff)) {
                            differences += Math.max(0, lines.count() - 1);
                        }
                    }
                }
            } catch (IOException e) {
                // the line is informative only
            }
        }
        sealed = scopeCodes.stream().filter(sealedCodes::contains).count();
        long[] findings = validationFindings(yearDir, scopeCodes);
        long unchanged = Math.max(0, filtered - sealed);
        String files = summary.files().stream()
                .map(f -> f.file() + " " + f.read() + "/" + f.loaded() + "/" + f.rejected())
                .collect(Collectors.joining(", "));
        String scope = summary.parameters().allAgencies() ? "all" : summary.parameters().agency();
        String summaries = summary.parameters().allAgencies()
                ? summariesOfRun(yearDir, scopeCodes, execution.getJobInstance().getInstanceId())
                : "summaries not rebuilt (one agency)";
        String text = String.format(Locale.ROOT, "RUN %d %s: %s in %.1f s | %s (read/loaded/rejected) | unit reports %d built, %d unchanged, %d sealed (%d differences); %s | %d rows rejected | validation %d blocking, %d warnings",
                summary.parameters().year(), scope, execution.getStatus(), elapsedNanos / 1e9,
                files.isEmpty() ? "no files" : files, summary.reportsBuilt(), unchanged, sealed, differences, summaries,
                summary.rejectedRows(), findings[0], findings[1]);
        return new RunLine(text, summary.reportsBuilt(), unchanged, sealed, differences, findings[0]);
    }

    /** "3 summaries built, 69 unchanged": of the summaries listed, those this run wrote and those it found unchanged. */
    private static String summariesOfRun(Path yearDir, Collection<String> scopeCodes, long run) {
        List<Path> listed = scopeCodes.stream().map(code -> yearDir.resolve(code).resolve(SummaryReports.DIR))
                .filter(dir -> Files.isRegularFile(dir.resolve("tables.json"))).toList();
        long built = listed.stream().filter(dir -> NightlyReportBuilder.builtBy(dir).orElse(run) == run).count();
        return built + (built == 1 ? " summary" : " summaries") + " built, " + (listed.size() - built) + " unchanged";
    }

    /**
     * The summary reports in the output directory for the scope's agencies, as the index lists them: a
     * run for all agencies builds every one whose inputs changed, keeps the others and removes those that
     * failed, so these are the night's. The index's count of reports is the unit reports plus these.
     */
    public static long summariesListed(Path yearDir, Collection<String> scopeCodes) {
        return scopeCodes.stream().filter(code -> Files.isRegularFile(yearDir.resolve(code).resolve(SummaryReports.DIR).resolve("tables.json"))).count();
    }

    /**
     * Blocking findings and warnings of the audit rule catalogue over the reports of the run's scope,
     * from each report's validation.json (built this night or kept from an earlier one).
     */
    public static long[] validationFindings(Path yearDir, Collection<String> scopeCodes) {
        long[] counts = new long[2];
        for (String code : scopeCodes) {
            Path file = yearDir.resolve(code).resolve("validation.json");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                var v = TablesJson.JSON.readTree(file.toFile());
                counts[0] += v.path("blocking").asLong();
                counts[1] += v.path("warnings").asLong();
            } catch (IOException e) {
                // the line is informative only
            }
        }
        return counts;
    }
}
