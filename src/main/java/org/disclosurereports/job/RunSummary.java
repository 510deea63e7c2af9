package org.disclosurereports.job;

import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.inputs.InputRefused;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.outputs.ReportFilesWriter;
import org.disclosurereports.render.TemplateBroken;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run did, per input file (read = loaded + rejected) and per step, gathered from every
 * execution of the job instance so that a restarted run reports the whole, not just its last part.
 * Written to {@code <out>/<year>/run-summary.json} and printed by the command line.
 */
public record RunSummary(long instanceId, long executionId, BatchStatus status, RunParameters parameters,
                         List<FileLine> files, List<StepLine> steps, long reportsBuilt, List<String> failures,
                         LocalDateTime started, LocalDateTime ended, Map<String, String> failedReports) {

    public record FileLine(String file, String encoding, long read, long loaded, long rejected, String rejectsFile) {
        public boolean balanced() {
            return read == loaded + rejected;
        }
    }

    public record StepLine(String name, String status, double seconds, long read, long written) {}

    public static RunSummary collect(JobRepository jobRepository, JobExecution execution, InputSchema schema) {
        RunParameters run = RunParameters.of(execution.getJobParameters());
        // The latest execution of each step across all executions of this instance.
        Map<String, StepExecution> latest = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        // Counts of a restarted step are spread over its executions; only committed chunks are counted in each.
        Map<String, Long> reads = new LinkedHashMap<>();
        Map<String, Long> writes = new LinkedHashMap<>();
        List<JobExecution> all = new ArrayList<>(jobRepository.getJobExecutions(execution.getJobInstance()));
        if (all.stream().noneMatch(e -> e.getId() == execution.getId())) {
            all.add(execution);
        }
        all.sort(Comparator.comparingLong(JobExecution::getId));
        for (JobExecution e : all) {
            Iterable<StepExecution> steps = e.getId() == execution.getId() ? execution.getStepExecutions() : e.getStepExecutions();
            for (StepExecution s : steps) {
                latest.put(s.getStepName(), s);
                seconds.merge(s.getStepName(), duration(s), Double::sum);
                reads.merge(s.getStepName(), s.getReadCount(), Long::sum);
                writes.merge(s.getStepName(), s.getWriteCount(), Long::sum);
            }
        }
        List<FileLine> files = new ArrayList<>();
        Map<String, Charset> charsets = run.charsets();
        for (RecordKind kind : schema.kinds()) {
            // The input may be a workbook (applications.xlsx) or a source's query (casedb/applications).
            String input = SourceReaders.inputName(execution.getJobParameters(), kind, charsets);
            if (input == null) {
                continue;
            }
            StepExecution s = latest.get(PipelineStep.loading(kind.name()).stepName());
            if (s == null) {
                continue;
            }
            ExecutionContext c = s.getExecutionContext();
            long read = reads.getOrDefault(s.getStepName(), 0L);
            long rejected = number(c, RecordWriter.REJECTED, 0);
            Path rejects = run.yearDir().resolve("rejects").resolve(kind.fileName());
            String encoding = charsets.containsKey(input) ? (input.endsWith(".xlsx") ? "xlsx" : charsets.get(input).name()) : "database";
            files.add(new FileLine(input, encoding, read,
                    number(c, RecordWriter.LOADED, 0), rejected, rejected > 0 && Files.exists(rejects) ? "rejects/" + kind.fileName() : null));
        }
        List<StepLine> steps = latest.values().stream()
                .map(s -> new StepLine(s.getStepName(), s.getStatus().name(), round(seconds.get(s.getStepName())),
                        reads.get(s.getStepName()), writes.get(s.getStepName())))
                .toList();
        // Reports are written by the partitions of buildReports; their counts survive a crash, which the
        // partition manager's aggregate (written only when the step ends) does not.
        long built = writes.entrySet().stream().filter(e -> e.getKey().startsWith(REPORT_PARTITION_PREFIX))
                .mapToLong(Map.Entry::getValue).sum();
        List<String> failures = execution.getAllFailureExceptions().stream().map(RunSummary::describe).distinct().toList();
        return new RunSummary(execution.getJobInstance().getInstanceId(), execution.getId(), execution.getStatus(), run,
                files, steps, built, failures, all.get(0).getStartTime(), execution.getEndTime(),
                UnitFailures.of(jobRepository, execution));
    }

    /** Worker steps of buildReports: {@code buildReportsPartition:units-0}, … */
    public static final String REPORT_PARTITION_PREFIX = PipelineStep.BUILD_REPORTS_PARTITION.stepName() + ":";

    /** Spring Batch keeps some counts as int and some as long. */
    static long number(ExecutionContext c, String key, long otherwise) {
        return c.get(key) instanceof Number n ? n.longValue() : otherwise;
    }


    private static double duration(StepExecution s) {
        if (s.getStartTime() == null) {
            return 0;
        }
        LocalDateTime end = s.getEndTime() != null ? s.getEndTime() : LocalDateTime.now();
        return Duration.between(s.getStartTime(), end).toMillis() / 1000.0;
    }

    private static double round(Double s) {
        return s == null ? 0 : Math.round(s * 1000) / 1000.0;
    }

    /** A failure as a sentence for operators: the innermost message that says something. */
    static String describe(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof InputRefused || cause instanceof TemplateBroken) {
                break;
            }
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    public long rejectedRows() {
        return files.stream().mapToLong(FileLine::rejected).sum();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", "disclosure-run-summary/v1");
        m.put("status", status.name());
        m.put("job_instance", instanceId);
        m.put("job_execution", executionId);
        m.put("year", parameters.year());
        m.put("agency", parameters.allAgencies() ? null : parameters.agency());
        m.put("data", parameters.data().toString());
        m.put("inputs_digest", parameters.inputsDigest());
        m.put("started", started == null ? null : started.toString());
        m.put("ended", ended == null ? null : ended.toString());
        List<Map<String, Object>> f = new ArrayList<>();
        for (FileLine l : files) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("file", l.file());
            fm.put("encoding", l.encoding());
            fm.put("read", l.read());
            fm.put("loaded", l.loaded());
            fm.put("rejected", l.rejected());
            fm.put("rejects", l.rejectsFile());
            f.add(fm);
        }
        m.put("inputs", f);
        m.put("reports_built", reportsBuilt);
        m.put("steps", steps.stream().map(s -> {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("step", s.name());
            sm.put("status", s.status());
            sm.put("seconds", s.seconds());
            return sm;
        }).toList());
        m.put("failures", failures);
        // Reports skipped because of their unit's data (the others were built): report to reason.
        m.put("failed_reports", failedReports);
        return m;
    }

    public static final String FILE = "run-summary.json";

    public void writeTo(Path file) throws IOException {
        byte[] json = TablesJson.JSON.writeValueAsBytes(toMap());
        ReportFilesWriter.writeAtomically(file, json);
    }

    /** The operator's view: one line per input file, then the outcome. */
    public void print(PrintStream out) {
        for (FileLine l : files) {
            out.printf("  %-18s %-8s read %7d  loaded %7d  rejected %5d%s%n", l.file(), l.encoding(), l.read(), l.loaded(), l.rejected(),
                    l.rejectsFile() == null ? "" : "  → " + parameters.yearDir().resolve(l.rejectsFile()));
        }
        String time = steps.stream().map(s -> s.name() + " " + s.seconds() + "s").collect(Collectors.joining(", "));
        out.println("  steps: " + time);
    }
}
