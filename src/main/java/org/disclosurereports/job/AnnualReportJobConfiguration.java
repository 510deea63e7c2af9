package org.disclosurereports.job;

import org.disclosurereports.outputs.BuiltReport;
import org.disclosurereports.outputs.ReportFilesWriter;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.inputs.InputRefused;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.ParsedRow;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.outputs.RejectsFile;
import org.disclosurereports.inputs.RowChecker;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.core.rollup.UnitTables;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.ReturnStore;
import org.disclosurereports.outputs.ComplianceFiles;
import org.disclosurereports.outputs.DistrictScorecard;
import org.disclosurereports.render.ReportRenderer;
import org.disclosurereports.render.ScorecardPage;
import org.disclosurereports.render.Templates;
import org.disclosurereports.store.TablesFromRecords;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.file.FlatFileItemWriter;
import org.springframework.batch.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code annualReportJob}: from a data directory to the year's reports.
 * <pre>
 * inspectInputs → loadAgencies → loadApplications → loadFilings → loadEnforcement → loadAppeals
 *               → loadTrainings → loadHearings → loadHolidays
 *               → loadReturnsTable2 → loadReturnsTable3 → loadReturnsTable4
 *               → pruneReplaced → buildReports → buildSummaries → writeScorecards → writeIndex
 * </pre>
 * Step names are stable: a restart resumes at the step (and chunk) where the failed run stopped.
 * The work itself lives in plain classes of the ingest, tables and render packages.
 */
@Configuration(proxyBeanMethods = false)
public class AnnualReportJobConfiguration {

    public static final String JOB_NAME = "annualReportJob";
    static final int LOAD_CHUNK = 1000;
    static final int REPORT_CHUNK = 5;

    @Bean
    ReportFormat reportFormat() {
        return ReportFormat.current();
    }

    @Bean
    InputSchema inputSchema(ReportFormat format) {
        return new InputSchema(format);
    }

    @Bean
    RecordStore recordStore(javax.sql.DataSource dataSource) {
        return new RecordStore(dataSource);
    }

    @Bean
    Job annualReportJob(JobRepository repository, Step inspectInputs, Step loadAgencies, Step loadApplications,
                        Step loadFilings, Step loadEnforcement, Step loadAppeals,
                        Step loadTrainings, Step loadHearings, Step loadHolidays,
                        Step loadReturnsTable2, Step loadReturnsTable3, Step loadReturnsTable4, Step pruneReplaced,
                        Step buildReports, Step buildSummaries, Step writeScorecards, Step writeIndex,
                        RunSummaryListener summary, org.disclosurereports.job.RunManifestListener manifest,
                        org.disclosurereports.job.WatermarkListener watermarks) {
        return new JobBuilder(JOB_NAME, repository)
                // Audit (issue #3): afterJob runs in reverse order, so the manifest is written after, and hashes, run-summary.json.
                .listener(manifest)
                .listener(summary)
                .listener(watermarks)
                .start(inspectInputs)
                .next(loadAgencies)
                .next(loadApplications)
                .next(loadFilings)
                .next(loadEnforcement)
                .next(loadAppeals)
                .next(loadTrainings)
                .next(loadHearings)
                .next(loadHolidays)
                .next(loadReturnsTable2)
                .next(loadReturnsTable3)
                .next(loadReturnsTable4)
                .next(pruneReplaced)
                .next(buildReports)
                .next(buildSummaries)
                .next(writeScorecards)
                .next(writeIndex)
                .build();
    }

    /** Re-checks the inputs against the digest the run was launched with, and clears last run's rejects. */
    @Bean
    Step inspectInputs(JobRepository repository, PlatformTransactionManager tx, InputSchema schema) {
        return new StepBuilder("inspectInputs", repository).tasklet((contribution, chunk) -> {
            RunParameters run = RunParameters.of(contribution.getStepExecution().getJobParameters());
            var inputs = new org.disclosurereports.inputs.InputInspector(schema).inspect(run.data(), null);
            if (!inputs.digest().equals(run.inputsDigest())) {
                throw new InputRefused("the input files in " + run.data()
                        + " changed after the run was started; run again to load the new files");
            }
            Path rejects = run.yearDir().resolve("rejects");
            deleteTree(rejects);
            Files.createDirectories(rejects);
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    Step loadAgencies(JobRepository repository, PlatformTransactionManager tx, InputSchema schema, RecordStore store) {
        return new StepBuilder("loadAgencies", repository).tasklet((contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            RunParameters run = RunParameters.of(step.getJobParameters());
            Path file = run.data().resolve("agencies.csv");
            Path rejectsFile = run.yearDir().resolve("rejects").resolve("agencies.csv");
            StringBuilder rejects = new StringBuilder();
            AgencyLoader.Result result = new AgencyLoader(schema, store).load(file,
                    run.charsets().getOrDefault("agencies.csv", StandardCharsets.UTF_8), loadId(step),
                    (rejection, original) -> rejects.append(RejectsFile.line(rejection, original)).append('\n'));
            if (result.rejected() > 0) {
                Files.createDirectories(rejectsFile.getParent());
                Files.writeString(rejectsFile, RejectsFile.headerLine() + "\n" + rejects, StandardCharsets.UTF_8);
            }
            step.setReadCount(result.read());
            step.getExecutionContext().putLong(RecordWriter.LOADED, result.loaded());
            step.getExecutionContext().putLong(RecordWriter.REJECTED, result.rejected());
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    Step loadApplications(JobRepository r, PlatformTransactionManager tx, InputRowReader recordReader,
                          RowCheckProcessor rowChecker, RecordWriter recordWriter) {
        return loadStep("loadApplications", r, tx, recordReader, rowChecker, recordWriter);
    }

    @Bean
    Step loadFilings(JobRepository r, PlatformTransactionManager tx, InputRowReader recordReader,
                     RowCheckProcessor rowChecker, RecordWriter recordWriter) {
        return loadStep("loadFilings", r, tx, recordReader, rowChecker, recordWriter);
    }

    @Bean
    Step loadEnforcement(JobRepository r, PlatformTransactionManager tx, InputRowReader recordReader,
                         RowCheckProcessor rowChecker, RecordWriter recordWriter) {
        return loadStep("loadEnforcement", r, tx, recordReader, rowChecker, recordWriter);
    }

    @Bean
    Step loadAppeals(JobRepository r, PlatformTransactionManager tx, InputRowReader recordReader,
                     RowCheckProcessor rowChecker, RecordWriter recordWriter) {
        return loadStep("loadAppeals", r, tx, recordReader, rowChecker, recordWriter);
    }

    // ---- work plans, deadlines and narrative (issue #6) ----

    @Bean
    Step loadTrainings(JobRepository r, PlatformTransactionManager tx, InputRowReader recordReader,
                       RowCheckProcessor rowChecker, RecordWriter recordWriter) {
        return loadStep("loadTrainings", r, tx, recordReader, rowChecker, recordWriter);
    }

    @Bean
    Step loadHearings(JobRepository r, PlatformTransactionManager tx, InputRowReader recordReader,
                      RowCheckProcessor rowChecker, RecordWriter recordWriter) {
        return loadStep("loadHearings", r, tx, recordReader, rowChecker, recordWriter);
    }

    @Bean
    Step loadHolidays(JobRepository r, PlatformTransactionManager tx, InputRowReader recordReader,
                      RowCheckProcessor rowChecker, RecordWriter recordWriter) {
        return loadStep("loadHolidays", r, tx, recordReader, rowChecker, recordWriter);
    }

    /** The district's scorecard, from the per-agency scorecard.json files under {@code <out>/<year>/}. */
    @Bean
    Step writeScorecards(JobRepository repository, PlatformTransactionManager tx) {
        return new StepBuilder("writeScorecards", repository).tasklet((contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            RunParameters run = RunParameters.of(step.getJobParameters());
            new DistrictScorecard(new ScorecardPage(new Templates(run.templates()))).write(run.yearDir(), run.year());
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    // --- Submitted returns (issue #4): the same load machinery as the record files. ---

    @Bean
    Step loadReturnsTable2(JobRepository r, PlatformTransactionManager tx, InputRowReader recordReader,
                           RowCheckProcessor rowChecker, RecordWriter recordWriter) {
        return loadStep("loadReturnsTable2", r, tx, recordReader, rowChecker, recordWriter);
    }

    @Bean
    Step loadReturnsTable3(JobRepository r, PlatformTransactionManager tx, InputRowReader recordReader,
                           RowCheckProcessor rowChecker, RecordWriter recordWriter) {
        return loadStep("loadReturnsTable3", r, tx, recordReader, rowChecker, recordWriter);
    }

    @Bean
    Step loadReturnsTable4(JobRepository r, PlatformTransactionManager tx, InputRowReader recordReader,
                           RowCheckProcessor rowChecker, RecordWriter recordWriter) {
        return loadStep("loadReturnsTable4", r, tx, recordReader, rowChecker, recordWriter);
    }

    @Bean
    org.disclosurereports.store.ReturnStore returnStore(javax.sql.DataSource dataSource) {
        return new org.disclosurereports.store.ReturnStore(dataSource);
    }

    private static Step loadStep(String name, JobRepository repository, PlatformTransactionManager tx, InputRowReader reader,
                                 RowCheckProcessor checker, RecordWriter writer) {
        return new StepBuilder(name, repository)
                .<RawRow, ParsedRow>chunk(LOAD_CHUNK, tx)
                .reader(reader)
                .processor(checker)
                .writer(writer)
                .build();
    }

    /** The record kind a load step loads, from its stable name: loadApplications → applications. */
    static RecordKind kindOf(StepExecution step, InputSchema schema) {
        String name = step.getStepName();
        return schema.kind(Character.toLowerCase(name.charAt(4)) + name.substring(5));
    }

    static long loadId(StepExecution step) {
        return step.getJobExecution().getJobInstance().getInstanceId();
    }

    @Bean
    @StepScope
    InputRowReader recordReader(@Value("#{stepExecution}") StepExecution step, InputSchema schema,
                                org.disclosurereports.job.SourceReaders sources) {
        RecordKind kind = kindOf(step, schema);
        RunParameters run = RunParameters.of(step.getJobParameters());
        // Issue #8: the run's source database or an Excel workbook instead of the CSV file, where given.
        ItemStreamReader<RawRow> other = sources.readerFor(step.getJobParameters(), kind, run.data(), run.charsets());
        if (other != null) {
            return new InputRowReader(other);
        }
        var charset = run.charsets().get(kind.fileName());
        // Absent from the inspected inputs: the file was not given, and the step reads nothing.
        return new InputRowReader(new CsvItemReader(charset == null ? null : run.data().resolve(kind.fileName()), charset, kind));
    }

    @Bean
    @StepScope
    RowCheckProcessor rowChecker(@Value("#{stepExecution}") StepExecution step, InputSchema schema, RecordStore store) {
        RecordKind kind = kindOf(step, schema);
        Set<String> agencies = store.agencyCodes();
        return new RowCheckProcessor(new RowChecker(kind, inputName(step, kind), agencies::contains));
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
        return new RecordWriter(kind, inputName(step, kind), store, loadId(step), rejects);
    }

    /** Issue #8: the name rejects give the input (applications.csv, applications.xlsx, casedb/applications). */
    private static String inputName(StepExecution step, RecordKind kind) {
        String name = org.disclosurereports.job.SourceReaders.inputName(step.getJobParameters(), kind,
                RunParameters.of(step.getJobParameters()).charsets());
        return name == null ? kind.fileName() : name;
    }

    /**
     * A file given in this run is the whole truth for its agencies: their rows that it no longer
     * holds (deleted or re-keyed at the source) are removed, so nothing is counted twice.
     */
    @Bean
    Step pruneReplaced(JobRepository repository, PlatformTransactionManager tx, InputSchema schema, RecordStore store) {
        return new StepBuilder("pruneReplaced", repository).tasklet((contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            RunParameters run = RunParameters.of(step.getJobParameters());
            for (RecordKind kind : schema.kinds()) {
                // A file, a workbook or a full pull is the whole truth for its agencies; an incremental pull never removes.
                if (!kind.name().equals(InputSchema.AGENCIES)
                        && org.disclosurereports.job.SourceReaders.replacesWhole(step.getJobParameters(), kind, run.charsets())) {
                    // holidays.csv is global (no agency): the file given is the whole set of overrides.
                    int removed = kind.name().equals(InputSchema.HOLIDAYS)
                            ? new org.disclosurereports.store.HolidayStore(store).pruneNotInLoad(loadId(step))
                            : store.pruneNotInLoad(kind.table(), loadId(step));
                    step.getExecutionContext().putLong("removed." + kind.name(), removed);
                }
            }
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    /**
     * One report per unit, each built independently: a unit whose data fails ({@link UnitFailed}) is
     * skipped and recorded with its reason ({@link UnitFailures}), and the others are still built.
     * A failure to write files is not a data problem: it fails the step, and a restart resumes it.
     */
    /**
     * Reports of different units are independent: the units are split into stable partitions
     * ({@link UnitPartitioner}) that workers build side by side, {@code disclosure.build.partitions}
     * of them (default: one per processor). A restart rebuilds only the partitions that failed.
     */
    @Bean
    Step buildReports(JobRepository repository, Step buildReportsPartition,
                      org.springframework.batch.core.partition.support.Partitioner unitPartitioner,
                      @Value("${disclosure.build.partitions:0}") int configured) {
        int partitions = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        org.springframework.core.task.SimpleAsyncTaskExecutor workers = new org.springframework.core.task.SimpleAsyncTaskExecutor("build-");
        workers.setConcurrencyLimit(partitions);
        return new StepBuilder("buildReports", repository)
                .partitioner("buildReportsPartition", unitPartitioner)
                .step(buildReportsPartition)
                .gridSize(partitions)
                .taskExecutor(workers)
                .build();
    }

    /** One partition of the units: a chunk-oriented step that skips (and records) a unit whose data fails. */
    @Bean
    Step buildReportsPartition(JobRepository repository, PlatformTransactionManager tx, AgencyItemReader reportAgencies,
                               // issue #5: sealed reports kept, unchanged units skipped, the rest built by reportBuilder
                               org.disclosurereports.job.NightlyReportBuilder nightlyReportBuilder,
                               ReportFilesWriter reportFilesWriter) {
        UnitFailures.Listener failures = new UnitFailures.Listener();
        return new StepBuilder("buildReportsPartition", repository)
                .<Agency, BuiltReport>chunk(REPORT_CHUNK, tx)
                .reader(reportAgencies)
                .processor(nightlyReportBuilder)
                .writer(reportFilesWriter)
                .faultTolerant()
                .skip(UnitFailed.class)
                .skipLimit(Integer.MAX_VALUE)
                .noRollback(UnitFailed.class)
                .listener((org.springframework.batch.core.SkipListener<Agency, BuiltReport>) failures)
                .build();
    }

    @Bean
    @StepScope
    org.springframework.batch.core.partition.support.Partitioner unitPartitioner(@Value("#{stepExecution}") StepExecution step,
                                                                                 RecordStore store) {
        return new UnitPartitioner(unitsOfRun(step, store));
    }

    /**
     * Summary reports of every agency with children, from the units' tables just built (all-agency
     * runs only: a run for one agency does not rebuild the others its summaries would need).
     */
    @Bean
    Step buildSummaries(JobRepository repository, PlatformTransactionManager tx, ReportFormat format, RecordStore store,
                        ReturnStore returns, org.springframework.batch.core.explore.JobExplorer explorer) {
        return new StepBuilder("buildSummaries", repository).tasklet((contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            RunParameters run = RunParameters.of(step.getJobParameters());
            if (!run.allAgencies()) {
                return RepeatStatus.FINISHED;
            }
            java.util.Set<String> failedUnits = UnitFailures.of(explorer, step.getJobExecution()).keySet();
            var unitTables = new UnitTables(format, new TablesFromRecords(format, store)::agency, returns::figures);
            var failed = new SummaryReports(format, new Templates(run.templates()), unitTables, run.year(), run.yearDir())
                    .build(store.agenciesOfLoad(loadId(step)), failedUnits);
            failed.forEach((code, reason) -> UnitFailures.record(step.getExecutionContext(), code + UnitFailures.SUMMARY_SUFFIX, reason));
            return RepeatStatus.FINISHED;
        }, tx).build();
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

    @Bean
    @StepScope
    ReportBuilder reportBuilder(@Value("#{stepExecution}") StepExecution step, ReportFormat format, RecordStore store,
                                org.disclosurereports.store.ReturnStore returns) {
        RunParameters run = RunParameters.of(step.getJobParameters());
        TablesFromRecords records = new TablesFromRecords(format, store);
        var unitTables = new org.disclosurereports.core.rollup.UnitTables(format, records::agency, returns::figures);
        Templates templates = new Templates(run.templates());
        return new ReportBuilder(format, unitTables, templates, run.year(),
                ComplianceSupplement.forRun(store, new ComplianceFiles(new ScorecardPage(templates)), run.data(), run.year()));
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

    @Bean
    @StepScope
    ReportFilesWriter reportFilesWriter(@Value("#{stepExecution}") StepExecution step) {
        return new ReportFilesWriter(RunParameters.of(step.getJobParameters()).yearDir());
    }

    /** The year's index: every report found under {@code <out>/<year>/}, from this run or earlier ones. */
    @Bean
    Step writeIndex(JobRepository repository, PlatformTransactionManager tx, ReportFormat format, InputSchema schema,
                    org.springframework.batch.core.explore.JobExplorer explorer, RecordStore store) {
        return new StepBuilder("writeIndex", repository).tasklet((contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            RunParameters run = RunParameters.of(step.getJobParameters());
            RunSummary summary = RunSummary.collect(explorer, step.getJobExecution(), schema);
            new YearIndex(format, run.templates()).write(run.yearDir(), summary, store.allAgencies(),
                    UnitFailures.of(explorer, step.getJobExecution()));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
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
