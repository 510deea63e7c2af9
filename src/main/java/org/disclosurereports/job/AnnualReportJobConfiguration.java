package org.disclosurereports.job;

import org.disclosurereports.core.layout.CellNames;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.rollup.AgencyTree;
import org.disclosurereports.core.rollup.UnitTables;
import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.inputs.InputRefused;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.ParsedRow;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.inputs.RowChecker;
import org.disclosurereports.outputs.BuiltReport;
import org.disclosurereports.outputs.DistrictScorecard;
import org.disclosurereports.outputs.RejectsFile;
import org.disclosurereports.outputs.ReportFilesWriter;
import org.disclosurereports.render.ScorecardPage;
import org.disclosurereports.render.Templates;
import org.disclosurereports.store.HolidayStore;
import org.disclosurereports.store.RecordLoads;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.RecordWindow;
import org.disclosurereports.store.ReturnStore;
import org.disclosurereports.store.RowDigests;
import org.disclosurereports.store.SealedReports;
import org.disclosurereports.store.TablesFromRecords;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.AbstractTaskletStepBuilder;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

import static org.disclosurereports.job.PipelineStep.BUILD_REPORTS;
import static org.disclosurereports.job.PipelineStep.BUILD_REPORTS_PARTITION;
import static org.disclosurereports.job.PipelineStep.BUILD_SUMMARIES;
import static org.disclosurereports.job.PipelineStep.INSPECT_INPUTS;
import static org.disclosurereports.job.PipelineStep.LOAD_AGENCIES;
import static org.disclosurereports.job.PipelineStep.PRUNE_REPLACED;
import static org.disclosurereports.job.PipelineStep.WRITE_INDEX;
import static org.disclosurereports.job.PipelineStep.WRITE_SCORECARDS;

/**
 * {@code annualReportJob}: from a data directory to the year's reports. Its steps, in order (their
 * names, record kinds and phases are the table {@link PipelineStep}):
 * <pre>
 * inspectInputs → loadAgencies → one load per record kind of the table (loadApplications … loadReturnsTable4)
 *               → pruneReplaced → buildReports (partitioned: buildReportsPartition) → buildSummaries
 *               → writeScorecards → writeIndex
 * </pre>
 * Every listener is registered here:
 * <ul>
 *   <li>on the job: {@link RunManifestListener} (manifest.json), the metrics file
 *       ({@link #METRICS_FILE_LISTENER}: metrics.prom), {@link RunSummaryListener} (run-summary.json),
 *       {@link WatermarkListener} (a pull's watermarks), {@link LoadTurnListener} (gives the load turn back at the latest when the run ends);</li>
 *   <li>on every step with chunks ({@link #listened}): the {@link LoadTurnListener} (taken or given back
 *       as the step's phase says), the {@link LeaseCheckListener}, the {@link StepFailureLog}, the
 *       {@link ProgressListener} where the step's row counts something, and the {@link StepObserver}s
 *       (none in the application);</li>
 *   <li>on every record load, after those: {@link UnchangedAgencies} (the agencies whose rows are kept as stored;
 *       as a listener of every checked row too, what a first load's checks find, for the next night);</li>
 *   <li>on buildReports: the {@link LoadTurnListener}; on its partitions also {@link UnitFailures.Listener}.</li>
 * </ul>
 * A restart resumes at the step (and chunk) where the failed run stopped. The work itself lives in
 * plain classes of the inputs, store, render and outputs packages.
 */
@Configuration(proxyBeanMethods = false)
public class AnnualReportJobConfiguration {

    public static final String JOB_NAME = "annualReportJob";
    /**
     * The listener that writes metrics.prom. It lives in the operations' metrics, above this package (it
     * reads the operator's run line), so the job names it instead of importing it.
     */
    public static final String METRICS_FILE_LISTENER = "metricsFileListener";
    static final int LOAD_CHUNK = 1000;
    static final int REPORT_CHUNK = 5;

    private final JobRepository repository;
    private final PlatformTransactionManager tx;
    private final LoadTurnListener loadTurn;
    private final LeaseCheckListener leaseCheck;
    private final ProgressListener progress;
    private final StepFailureLog failureLog;
    private final UnchangedAgencies unchangedAgencies;
    private final List<StepObserver> observers;
    private final ObservationRegistry observations;

    AnnualReportJobConfiguration(JobRepository repository, PlatformTransactionManager tx, LoadTurnListener loadTurn,
                                 LeaseCheckListener leaseCheck, ProgressListener progress, StepFailureLog failureLog,
                                 UnchangedAgencies unchangedAgencies, ObjectProvider<StepObserver> observers,
                                 ObjectProvider<ObservationRegistry> observations) {
        this.repository = repository;
        this.tx = tx;
        this.loadTurn = loadTurn;
        this.leaseCheck = leaseCheck;
        this.progress = progress;
        this.failureLog = failureLog;
        this.unchangedAgencies = unchangedAgencies;
        this.observers = observers.orderedStream().toList();
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    // Static: the step listeners above need them before this configuration exists.
    /** The current layout, for what is not one report of a year (the audit command's default, seals). */
    @Bean
    static ReportFormat reportFormat() {
        return ReportFormat.current();
    }

    /** Every layout known; a run builds its reports in the one of its year, or the one it names (--format). */
    @Bean
    static ReportFormats reportFormats() {
        return ReportFormats.shipped();
    }

    /** The inputs of every layout: records are kept in one vocabulary whatever year they are reported in. */
    @Bean
    static InputSchema inputSchema(ReportFormats formats) {
        return new InputSchema(formats);
    }

    /** The layout of a run's reports. */
    static ReportFormat formatOf(RunParameters run, ReportFormats formats) {
        return formats.choose(run.format(), run.year());
    }

    /** The layout of the reports of the year before a run's, or null when no layout covers that year. */
    static ReportFormat previousFormatOf(RunParameters run, ReportFormats formats) {
        try {
            return formats.forYear(run.year() - 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A run's records counted in its layout for its year, and in their own year's layout for the year before. */
    static TablesFromRecords tablesFromRecords(RunParameters run, ReportFormats formats, RecordWindow records) {
        return TablesFromRecords.inLayouts(formats, formatOf(run, formats), run.year(), records);
    }

    @Bean
    static RecordStore recordStore(DataSource dataSource) {
        return new RecordStore(dataSource);
    }

    @Bean
    static ReturnStore returnStore(DataSource dataSource) {
        return new ReturnStore(dataSource);
    }

    @Bean
    Job annualReportJob(Step inspectInputs, Step loadAgencies,
                        InputRowReader recordReader, RowCheckProcessor rowChecker, RecordWriter recordWriter,
                        Step pruneReplaced, Step buildReports, Step buildSummaries, Step writeScorecards, Step writeIndex,
                        RunManifestListener manifest, RunSummaryListener summary, WatermarkListener watermarks,
                        @Qualifier(METRICS_FILE_LISTENER) JobExecutionListener metrics) {
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, repository)
                // afterJob runs in reverse order: the load turn is given back first, and the manifest is
                // written last, so that it hashes run-summary.json and metrics.prom too.
                .listener(manifest)
                .listener(metrics)
                .listener(summary)
                .listener(watermarks)
                .listener((JobExecutionListener) loadTurn)
                .start(inspectInputs)
                .next(loadAgencies);
        for (PipelineStep load : PipelineStep.recordLoads()) {
            job.next(recordLoad(load, recordReader, rowChecker, recordWriter));
        }
        return job.next(pruneReplaced)
                .next(buildReports)
                .next(buildSummaries)
                .next(writeScorecards)
                .next(writeIndex)
                .build();
    }

    /**
     * The listeners of a step with chunks (a tasklet step's chunk is one call of its tasklet), from its row
     * of {@link PipelineStep}. {@link StepObserver}s come last, after the job's own.
     */
    private <B extends AbstractTaskletStepBuilder<B>> B listened(PipelineStep row, B step) {
        // Spring Batch observes the steps that are beans; the record loads generated from the table are not.
        step.observationRegistry(observations);
        step.listener((StepExecutionListener) loadTurn).listener((ChunkListener) loadTurn)
                .listener(leaseCheck)
                .listener(failureLog);
        if (row.progress() != PipelineStep.Counted.NOTHING) {
            step.listener((StepExecutionListener) progress).listener((ChunkListener) progress);
        }
        for (StepObserver observer : observers) {
            step.listener((StepExecutionListener) observer).listener((ChunkListener) observer);
        }
        return step;
    }

    /** Re-checks the inputs against the digest the run was launched with, and clears last run's rejects. */
    @Bean
    Step inspectInputs(InputSchema schema) {
        return listened(INSPECT_INPUTS, new StepBuilder(INSPECT_INPUTS.stepName(), repository).tasklet((contribution, chunk) -> {
            RunParameters run = RunParameters.of(contribution.getStepExecution().getJobParameters());
            if (!new InputInspector(schema).digestOf(run.data()).equals(run.inputsDigest())) {
                throw new InputRefused("the input files in " + run.data()
                        + " changed after the run was started; run again to load the new files");
            }
            Path rejects = run.yearDir().resolve("rejects");
            deleteTree(rejects);
            Files.createDirectories(rejects);
            return RepeatStatus.FINISHED;
        }, tx)).build();
    }

    /** The agencies first, in one go: every other kind's rows are checked against the agency codes. */
    @Bean
    Step loadAgencies(InputSchema schema, RecordStore store) {
        return listened(LOAD_AGENCIES, new StepBuilder(LOAD_AGENCIES.stepName(), repository).tasklet((contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            RunParameters run = RunParameters.of(step.getJobParameters());
            new RecordLoads(store).record(loadId(step), run.data().toString(), LoadInputs.of(step.getJobParameters(), schema));
            RecordKind agencies = schema.kind(LOAD_AGENCIES.kind());
            Path file = run.data().resolve(agencies.fileName());
            Path rejectsFile = run.yearDir().resolve("rejects").resolve(agencies.fileName());
            StringBuilder rejects = new StringBuilder();
            AgencyLoader.Result result = new AgencyLoader(schema, store).load(file,
                    run.charsets().getOrDefault(agencies.fileName(), StandardCharsets.UTF_8), loadId(step),
                    (rejection, original) -> rejects.append(RejectsFile.line(rejection, original)).append('\n'));
            if (result.rejected() > 0) {
                Files.createDirectories(rejectsFile.getParent());
                Files.writeString(rejectsFile, RejectsFile.headerLine() + "\n" + rejects, StandardCharsets.UTF_8);
            }
            step.setReadCount(result.read());
            step.getExecutionContext().putLong(RecordWriter.LOADED, result.loaded());
            step.getExecutionContext().putLong(RecordWriter.REJECTED, result.rejected());
            return RepeatStatus.FINISHED;
        }, tx)).build();
    }

    /**
     * The load of one record kind: rows read, checked and upserted in chunks; the kind is the step's row
     * of the table. Before the chunks (after the load turn is taken), {@link UnchangedAgencies} finds the
     * agencies whose rows in the file are those stored, which the writer then keeps instead of writing.
     */
    private Step recordLoad(PipelineStep load, InputRowReader reader, RowCheckProcessor checker, RecordWriter writer) {
        return listened(load, new StepBuilder(load.stepName(), repository)
                .<RawRow, ParsedRow>chunk(LOAD_CHUNK, tx)
                .reader(reader)
                .processor(checker)
                .writer(writer))
                .listener((ItemProcessListener<RawRow, ParsedRow>) unchangedAgencies)
                .listener((StepExecutionListener) unchangedAgencies)
                .build();
    }

    /** The record kind the running load step loads: its row of {@link PipelineStep}. */
    static RecordKind kindOf(StepExecution step, InputSchema schema) {
        return schema.kind(PipelineStep.of(step).kind());
    }

    static long loadId(StepExecution step) {
        return step.getJobExecution().getJobInstance().getInstanceId();
    }

    @Bean
    @StepScope
    InputRowReader recordReader(@Value("#{stepExecution}") StepExecution step, InputSchema schema, SourceReaders sources,
                                RecordStore store) {
        RecordKind kind = kindOf(step, schema);
        return new InputRowReader(sources.reader(step.getJobParameters(), kind), kind.dbColumns().indexOf(RecordWriter.AGENCY_COLUMN),
                () -> store.keptUnchanged(loadId(step), kind.table()));
    }

    @Bean
    @StepScope
    RowCheckProcessor rowChecker(@Value("#{stepExecution}") StepExecution step, InputSchema schema, RecordStore store) {
        RecordKind kind = kindOf(step, schema);
        Set<String> agencies = store.agencyCodes();
        return new RowCheckProcessor(new RowChecker(kind, SourceReaders.inputName(step.getJobParameters(), kind), agencies::contains));
    }

    @Bean
    @StepScope
    RecordWriter recordWriter(@Value("#{stepExecution}") StepExecution step, InputSchema schema, RecordStore store) {
        RecordKind kind = kindOf(step, schema);
        RunParameters run = RunParameters.of(step.getJobParameters());
        FlatFileItemWriter<String> rejects = new FlatFileItemWriterBuilder<String>()
                .name("rejects-" + kind.name())
                .resource(new FileSystemResource(run.yearDir().resolve("rejects").resolve(kind.fileName())))
                .encoding(StandardCharsets.UTF_8.name())
                .lineAggregator(line -> line)
                .headerCallback(w -> w.write(RejectsFile.headerLine()))
                .shouldDeleteIfEmpty(true)
                .build();
        return new RecordWriter(kind, SourceReaders.inputName(step.getJobParameters(), kind), store, loadId(step), rejects);
    }

    /**
     * A file given in this run is the whole truth for its agencies: their rows that it no longer
     * holds (deleted or re-keyed at the source) are removed, so nothing is counted twice.
     */
    @Bean
    Step pruneReplaced(InputSchema schema, RecordStore store) {
        return listened(PRUNE_REPLACED, new StepBuilder(PRUNE_REPLACED.stepName(), repository).tasklet((contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            RunParameters run = RunParameters.of(step.getJobParameters());
            for (RecordKind kind : schema.kinds()) {
                // A file, a workbook or a full pull is the whole truth for its agencies; an incremental pull never removes.
                if (!kind.name().equals(InputSchema.AGENCIES)
                        && SourceReaders.replacesWhole(step.getJobParameters(), kind, run.charsets())) {
                    // holidays.csv is global (no agency): the file given is the whole set of overrides.
                    int removed = kind.name().equals(InputSchema.HOLIDAYS)
                            ? new HolidayStore(store).pruneNotInLoad(loadId(step))
                            : store.pruneNotInLoad(kind.table(), loadId(step));
                    step.getExecutionContext().putLong("removed." + kind.name(), removed);
                }
            }
            store.forgetKept(loadId(step));
            new RecordLoads(store).pruned(loadId(step), true);
            // The tables as this run's loads left them: their slices are remembered for the fingerprints and
            // the next night's loads (a run of one agency leaves that to the next run of all).
            if (run.agency().equals(RunParameters.ALL_AGENCIES)) {
                RowDigests digests = new RowDigests(store);
                boolean forced = RunIdentity.forced(step.getJobParameters());
                for (RecordKind kind : schema.kinds()) {
                    if (kind.dbColumns().contains(RecordWriter.AGENCY_COLUMN)) {
                        digests.remember(kind.table(), forced);
                    }
                }
            }
            return RepeatStatus.FINISHED;
        }, tx)).build();
    }

    /**
     * Reports of different units are independent: the units are split into stable partitions
     * ({@link UnitPartitioner}) that workers build side by side, {@code disclosure.build.partitions}
     * of them (default: one per processor). A restart rebuilds only the partitions that failed.
     * With {@code run --workers} the partitions go to worker processes instead: the partition handler of
     * {@code job.remote.RemotePartitioning} sends them over the broker, and this step waits for them.
     */
    @Bean
    Step buildReports(Step buildReportsPartition, Partitioner unitPartitioner, ObjectProvider<PartitionHandler> remote,
                      @Value("${disclosure.build.partitions:0}") int configured) {
        PartitionStepBuilder step = new StepBuilder(BUILD_REPORTS.stepName(), repository)
                .listener((StepExecutionListener) loadTurn)
                .partitioner(BUILD_REPORTS_PARTITION.stepName(), unitPartitioner);
        PartitionHandler workers = remote.getIfAvailable();
        if (workers != null) {
            return step.partitionHandler(workers).build();
        }
        int partitions = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("build-");
        threads.setConcurrencyLimit(partitions);
        return step.step(buildReportsPartition)
                .gridSize(partitions)
                .taskExecutor(threads)
                .build();
    }

    /**
     * One partition of the units, each report built independently: a unit whose data fails
     * ({@link UnitFailed}) is skipped and recorded with its reason ({@link UnitFailures}), and the
     * others are still built. A failure to write files is not a data problem: it fails the step, and a
     * restart resumes it.
     */
    @Bean
    Step buildReportsPartition(AgencyItemReader reportAgencies, NightlyReportBuilder nightlyReportBuilder,
                               ReportFilesWriter reportFilesWriter) {
        return listened(BUILD_REPORTS_PARTITION, new StepBuilder(BUILD_REPORTS_PARTITION.stepName(), repository)
                .<Agency, BuiltReport>chunk(REPORT_CHUNK, tx)
                .reader(reportAgencies)
                .processor(nightlyReportBuilder)
                .writer(reportFilesWriter)
                .faultTolerant()
                .skip(UnitFailed.class)
                .skipLimit(Integer.MAX_VALUE)
                .noRollback(UnitFailed.class)
                .listener((SkipListener<Agency, BuiltReport>) new UnitFailures.Listener()))
                .build();
    }

    @Bean
    @StepScope
    Partitioner unitPartitioner(@Value("#{stepExecution}") StepExecution step, RecordStore store) {
        return new UnitPartitioner(unitsOfRun(step, store));
    }

    @Bean
    @StepScope
    AgencyItemReader reportAgencies(@Value("#{stepExecution}") StepExecution step, RecordStore store) {
        List<String> codes = UnitPartitioner.codes(step.getExecutionContext());
        if (codes == null) {
            return new AgencyItemReader(() -> unitsOfRun(step, store));
        }
        // A partition: its own units, by code, as the partitioner listed them.
        return new AgencyItemReader(() -> codes.stream().map(c -> store.agency(c)
                .orElseThrow(() -> new IllegalStateException("agency " + c + " of partition " + step.getStepName() + " is gone"))).toList());
    }

    /**
     * The records of the units a partition builds, read a window of {@code disclosure.build.window}
     * units at a time in the order the partition builds them; a restart's first unit starts a new window.
     */
    @Bean
    @StepScope
    RecordWindow reportRecords(@Value("#{stepExecution}") StepExecution step, RecordStore store,
                               @Value("${disclosure.build.window:" + RecordWindow.DEFAULT_SIZE + "}") int size) {
        return new RecordWindow(store, RunParameters.of(step.getJobParameters()).year(), unitCodes(step, store), size);
    }

    /** The codes of the units a step builds, in order: its partition's, or all of the run's. */
    private static List<String> unitCodes(StepExecution step, RecordStore store) {
        List<String> codes = UnitPartitioner.codes(step.getExecutionContext());
        return codes != null ? codes : unitsOfRun(step, store).stream().map(Agency::code).toList();
    }

    /** The report step's processor: sealed reports compared, unchanged units skipped, the rest built by {@link ReportBuilder}. */
    @Bean
    @StepScope
    NightlyReportBuilder nightlyReportBuilder(@Value("#{stepExecution}") StepExecution step, ReportBuilder reportBuilder,
                                              ReportFormats formats, RecordStore store, RecordWindow reportRecords,
                                              InputSchema schema, SealedReports sealed) {
        RunParameters run = RunParameters.of(step.getJobParameters());
        ReportFormat format = formatOf(run, formats);
        return new NightlyReportBuilder(reportBuilder, tablesFromRecords(run, formats, reportRecords), sealed,
                new UnitFingerprint(store, schema, format, run.templates(), run.data(), unitCodes(step, store)), run.yearDir(), run.year(),
                RunIdentity.forced(step.getJobParameters()), new CellNames(format), loadId(step));
    }

    @Bean
    @StepScope
    ReportBuilder reportBuilder(@Value("#{stepExecution}") StepExecution step, ReportFormats formats, RecordStore store,
                                RecordWindow reportRecords, ReturnStore returns) {
        RunParameters run = RunParameters.of(step.getJobParameters());
        return ReportBuilder.forRun(formats, run.format(), store, reportRecords, returns, new Templates(run.templates()), run.data(),
                run.year());
    }

    @Bean
    @StepScope
    ReportFilesWriter reportFilesWriter(@Value("#{stepExecution}") StepExecution step) {
        return new ReportFilesWriter(RunParameters.of(step.getJobParameters()).yearDir());
    }

    /** The units whose reports a run builds: every agency of its load, or the one it names. */
    static List<Agency> unitsOfRun(StepExecution step, RecordStore store) {
        RunParameters run = RunParameters.of(step.getJobParameters());
        List<Agency> agencies = store.agenciesOfLoad(loadId(step));
        if (run.allAgencies()) {
            return agencies;
        }
        List<Agency> one = agencies.stream().filter(a -> a.code().equals(run.agency())).toList();
        if (one.isEmpty()) {
            throw new InputRefused("there is no agency " + run.agency() + " in agencies.csv (or its row was rejected)");
        }
        return one;
    }

    /**
     * Summary reports of every agency with children, from the units' tables just built (all-agency
     * runs only: a run for one agency does not rebuild the others its summaries would need).
     */
    @Bean
    Step buildSummaries(ReportFormats formats, RecordStore store, ReturnStore returns, InputSchema schema,
                        @Value("${disclosure.build.window:" + RecordWindow.DEFAULT_SIZE + "}") int window) {
        return listened(BUILD_SUMMARIES, new StepBuilder(BUILD_SUMMARIES.stepName(), repository).tasklet((contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            RunParameters run = RunParameters.of(step.getJobParameters());
            ReportFormat format = formatOf(run, formats);
            if (!run.allAgencies()) {
                return RepeatStatus.FINISHED;
            }
            Set<String> failedUnits = UnitFailures.of(repository, step.getJobExecution()).keySet();
            List<Agency> agencies = store.agenciesOfLoad(loadId(step));
            ReportFormat previous = previousFormatOf(run, formats);
            // Last year's unit tables (for the cross-year rules) come from the units' reports, which kept
            // them; the others are counted from records in the order the roll-up asks for them, a window of
            // units per query (one query per agency cost 147 s at province scale on MySQL, measured).
            var lastYearRecords = new RecordWindow(store, run.year() - 1,
                    SummaryReports.yearBeforeToCount(agencies, run.yearDir(), previous), window);
            var unitTables = new UnitTables(format, tablesFromRecords(run, formats, lastYearRecords)::agency, returns::figures);
            String madeWith = new UnitFingerprint(store, schema, format, run.templates(), run.data(), List.of()).common();
            var failed = new SummaryReports(format, previous, new Templates(run.templates()), unitTables,
                    run.year(), run.yearDir(), madeWith, RunIdentity.forced(step.getJobParameters()), loadId(step))
                    .build(agencies, failedUnits);
            failed.forEach((code, reason) -> UnitFailures.record(step.getExecutionContext(), code + UnitFailures.SUMMARY_SUFFIX, reason));
            return RepeatStatus.FINISHED;
        }, tx)).build();
    }

    /** The district's scorecard, from the per-agency scorecard.json files under {@code <out>/<year>/}. */
    @Bean
    Step writeScorecards() {
        return listened(WRITE_SCORECARDS, new StepBuilder(WRITE_SCORECARDS.stepName(), repository).tasklet((contribution, chunk) -> {
            RunParameters run = RunParameters.of(contribution.getStepExecution().getJobParameters());
            new DistrictScorecard(new ScorecardPage(new Templates(run.templates()))).write(run.yearDir(), run.year());
            return RepeatStatus.FINISHED;
        }, tx)).build();
    }

    /** The year's index: every report found under {@code <out>/<year>/}, from this run or earlier ones. */
    @Bean
    Step writeIndex(ReportFormats formats, InputSchema schema, RecordStore store) {
        return listened(WRITE_INDEX, new StepBuilder(WRITE_INDEX.stepName(), repository).tasklet((contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            RunParameters run = RunParameters.of(step.getJobParameters());
            ReportFormat format = formatOf(run, formats);
            RunSummary summary = RunSummary.collect(repository, step.getJobExecution(), schema);
            new YearIndex(format, run.templates()).write(run.yearDir(), summary, store.allAgencies(),
                    UnitFailures.of(repository, step.getJobExecution()));
            return RepeatStatus.FINISHED;
        }, tx)).build();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
