package org.disclosurereports.devtools.bench;

import org.disclosurereports.cli.Command;
import org.disclosurereports.cli.ExitCode;
import org.disclosurereports.cli.Options;
import org.disclosurereports.core.counting.Evidence;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.job.PipelineStep;
import org.disclosurereports.job.RunIdentity;
import org.disclosurereports.job.RunParameters;
import org.disclosurereports.job.RunSummary;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.RecordWindow;
import org.disclosurereports.store.SealedReports;
import org.disclosurereports.store.TablesFromRecords;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@code benchmark --data DIR --year YYYY --out DIR}: runs the whole job on a data directory and,
 * on the same data and database, the baselines it is measured against (see {@link Baselines}).
 * Prints the figures and writes them to {@code OUT/benchmark.json}. Not a test: nothing is asserted.
 */
@Component
public class BenchmarkCommand implements Command {

    /** The steps of ingest: every step of the load phase. */
    private static final Set<String> INGEST_STEPS = PipelineStep.inPhase(PipelineStep.Phase.LOAD).stream()
            .map(PipelineStep::stepName).collect(Collectors.toUnmodifiableSet());

    private final JobOperator operator;
    private final Job annualReportJob;
    private final JobRepository jobRepository;
    private final InputSchema schema;
    private final DataSource dataSource;
    private final RecordStore store;
    private final ReportFormat format;
    private final SealedReports sealed;
    private final int window;

    public BenchmarkCommand(JobOperator operator, Job annualReportJob, JobRepository jobRepository, InputSchema schema,
                            DataSource dataSource, RecordStore store, ReportFormat format, SealedReports sealed,
                            @Value("${disclosure.build.window:" + RecordWindow.DEFAULT_SIZE + "}") int window) {
        this.sealed = sealed;
        this.window = window;
        this.operator = operator;
        this.annualReportJob = annualReportJob;
        this.jobRepository = jobRepository;
        this.schema = schema;
        this.dataSource = dataSource;
        this.store = store;
        this.format = format;
    }

    @Override
    public String name() {
        return "benchmark";
    }

    @Override
    public String usage() {
        return """
                benchmark --data DIR --year YYYY --out DIR
                    run the job on DIR and the baselines it is measured against (parse floor, bare JDBC insert,
                    hand-written SQL); print the figures and write OUT/benchmark.json (see BENCHMARKS.md)""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("data", "year", "out");
    }

    @Override
    public ExitCode execute(Options options) {
        try {
            return benchmark(options.path("data").toAbsolutePath().normalize(), options.year(), options.path("out").toAbsolutePath().normalize());
        } catch (Exception e) {
            System.err.println("The benchmark failed: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    private ExitCode benchmark(Path data, int year, Path out) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", LocalDateTime.now().withNano(0).toString());
        result.put("machine", machine());
        result.put("database", store.dialect().name());
        result.put("data", data.toString());
        result.put("year", year);

        Baselines.Timing parse = Baselines.parseFloor(data);
        // The job itself, as `run --force` would launch it: a new instance that builds every report.
        HeapWatch heap = new HeapWatch();
        InputSet inputs = new InputInspector(schema).inspect(data, null);
        RunParameters params = new RunParameters(inputs.directory(), year, out, RunParameters.ALL_AGENCIES, inputs.digest(),
                inputs.encodings(), 0);
        RunIdentity identity = RunIdentity.of(params).withSealState(sealed.sealState(year, params.out())).forced(System.currentTimeMillis());
        long start = System.nanoTime();
        JobExecution execution = operator.start(annualReportJob, identity.jobParameters());
        double wall = (System.nanoTime() - start) / 1e9;
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            System.err.println("The job did not complete: " + execution.getAllFailureExceptions());
            return ExitCode.FAILED;
        }
        heap.close();
        RunSummary summary = RunSummary.collect(jobRepository, execution, schema);
        double ingest = summary.steps().stream().filter(s -> INGEST_STEPS.contains(s.name())).mapToDouble(RunSummary.StepLine::seconds).sum();
        long rows = summary.files().stream().mapToLong(RunSummary.FileLine::read).sum();
        Map<String, Double> steps = new LinkedHashMap<>();
        summary.steps().forEach(s -> steps.put(s.name(), s.seconds()));

        // The pipeline's aggregation alone: the same counting code the job runs, for every agency, its
        // records read a window of agencies at a time in code order, as a partition of the report step reads them.
        List<Agency> agencies = store.allAgencies();
        long aggStart = System.nanoTime();
        long checksum = 0;
        TablesFromRecords tables = new TablesFromRecords(format,
                new RecordWindow(store, year, agencies.stream().map(Agency::code).toList(), window));
        for (Agency a : agencies) {
            checksum += TablesJson.write(tables.agency(a, year, Evidence.NONE)).length;
        }
        double aggregate = (System.nanoTime() - aggStart) / 1e9;

        Baselines.Timing insert = Baselines.bareJdbcInsert(dataSource, data);
        Map<String, Object> sql = Baselines.handWrittenSql(dataSource, year);
        Baselines.Timing sqlTiming = (Baselines.Timing) sql.get("timing");

        result.put("rows_read", rows);
        result.put("reports_built", summary.reportsBuilt());
        result.put("wall_seconds", round(wall));
        result.put("steps_seconds", steps);
        result.put("ingest_seconds", round(ingest));
        result.put("ingest_rows_per_second", Math.round(rows / ingest));
        double build = steps.getOrDefault(PipelineStep.BUILD_REPORTS.stepName(), 0.0);
        result.put("build_reports_seconds", build);
        result.put("reports_per_second", round(summary.reportsBuilt() / build));
        result.put("aggregate_seconds", round(aggregate));
        result.put("peak_heap_mb", heap.peakBytes() / (1024 * 1024));
        result.put("peak_heap_after_gc_mb", heap.peakAfterCollectionBytes() / (1024 * 1024));
        result.put("parse_floor_seconds", round(parse.seconds()));
        result.put("bare_jdbc_insert_seconds", round(insert.seconds()));
        result.put("bare_jdbc_insert_rows", insert.rows());
        result.put("hand_sql_seconds", round(sqlTiming.seconds()));
        result.put("ingest_vs_parse_floor", round(ingest / parse.seconds()));
        result.put("ingest_vs_bare_jdbc", round(ingest / insert.seconds()));
        result.put("aggregate_vs_hand_sql", round(aggregate / sqlTiming.seconds()));
        result.put("aggregate_checksum", checksum);

        Files.createDirectories(out);
        Files.write(out.resolve("benchmark.json"), TablesJson.JSON.writeValueAsBytes(result));
        result.forEach((k, v) -> System.out.printf("  %-26s %s%n", k, v));
        return ExitCode.OK;
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", " + rt.availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", max heap " + rt.maxMemory() / (1024 * 1024) + " MB";
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
