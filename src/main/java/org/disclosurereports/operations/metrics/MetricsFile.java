package org.disclosurereports.operations.metrics;

import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.job.AnnualReportJobConfiguration;
import org.disclosurereports.job.RunSummary;
import org.disclosurereports.operations.RunLine;
import org.disclosurereports.operations.RunLines;
import org.disclosurereports.outputs.ReportFilesWriter;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * At the end of every run, failed ones included: the run's figures ({@link RunFigures}) go to the
 * application's meters (served in schedule mode) and to {@code <out>/<year>/metrics.prom} in the
 * Prometheus text format, written atomically, for node_exporter's textfile collector. The file holds
 * this run's figures, this process's load-turn and lease meters, and Spring Batch's step timers of
 * this process (the job's own timer ends after its listeners, so it is on the endpoint only).
 * Registered on the job before run-summary.json's listener and after the manifest's: Spring Batch
 * calls afterJob in reverse order, so the manifest hashes metrics.prom like every output of the run.
 */
@Component(AnnualReportJobConfiguration.METRICS_FILE_LISTENER)
public class MetricsFile implements JobExecutionListener {

    public static final String FILE = "metrics.prom";
    private static final Logger log = LoggerFactory.getLogger(MetricsFile.class);

    private final JobRepository jobRepository;
    private final InputSchema schema;
    private final RunLines runLines;
    private final RunMeters applicationMeters;
    private final ProcessMeters processMeters;
    private final MeterRegistry applicationRegistry;

    public MetricsFile(JobRepository jobRepository, InputSchema schema, RunLines runLines, RunMeters applicationMeters,
                       ProcessMeters processMeters, MeterRegistry applicationRegistry) {
        this.jobRepository = jobRepository;
        this.schema = schema;
        this.runLines = runLines;
        this.applicationMeters = applicationMeters;
        this.processMeters = processMeters;
        this.applicationRegistry = applicationRegistry;
    }

    @Override
    public void afterJob(JobExecution execution) {
        Path yearDir = null;
        try {
            RunSummary summary = RunSummary.collect(jobRepository, execution, schema);
            yearDir = summary.parameters().yearDir();
            LocalDateTime started = execution.getStartTime() == null ? LocalDateTime.now() : execution.getStartTime();
            RunLine line = runLines.of(execution, summary, Duration.between(started, LocalDateTime.now()).toNanos());
            long[] findings = RunLine.validationFindings(yearDir, runLines.scope(execution, summary));
            RunFigures run = RunFigures.of(execution, summary, line, findings, schema);
            applicationMeters.show(run);
            ReportFilesWriter.writeAtomically(yearDir.resolve(FILE), text(run).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // Metrics never fail a run: the reports are written, the operator sees the line and the log.
            log.error("Could not write {} under {}: {}", FILE, yearDir, e.getMessage());
        }
    }

    /** The run in the Prometheus text format: a registry of its own, so the file holds this run, not the JVM. */
    String text(RunFigures run) {
        PrometheusMeterRegistry file = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            new RunMeters(file).show(run);
            processMeters.bindTo(file);
            for (Timer step : List.copyOf(applicationRegistry.find(BATCH_STEP).timers())) {
                FunctionTimer.builder(BATCH_STEP, step, Timer::count, t -> t.totalTime(TimeUnit.SECONDS), TimeUnit.SECONDS)
                        .tags(step.getId().getTags()).description(step.getId().getDescription()).register(file);
            }
            return file.scrape();
        } finally {
            file.close();
        }
    }

    /** Spring Batch's observation of a step, as a timer. */
    static final String BATCH_STEP = "spring.batch.step";
}
