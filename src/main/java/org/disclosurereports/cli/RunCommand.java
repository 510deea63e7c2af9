package org.disclosurereports.cli;

import org.disclosurereports.core.compliance.WorkingDayCalendar;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.inputs.InputRefused;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.job.AnnualReportJobConfiguration;
import org.disclosurereports.job.FailureSentence;
import org.disclosurereports.job.RunIdentity;
import org.disclosurereports.job.RunParameters;
import org.disclosurereports.job.RunScopeCheck;
import org.disclosurereports.job.RunSummary;
import org.disclosurereports.job.SourceLaunch;
import org.disclosurereports.job.UnitFailures;
import org.disclosurereports.job.remote.RemotePartitioning;
import org.disclosurereports.operations.RunGuard;
import org.disclosurereports.operations.RunLine;
import org.disclosurereports.operations.RunLines;
import org.disclosurereports.operations.RunOperator;
import org.disclosurereports.render.TemplateBroken;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.RunLeases;
import org.disclosurereports.store.SealedReports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code run --data DIR --year YYYY --out DIR [--agency CODE]} (data-contract.md section 4): inspects
 * the inputs, launches {@code annualReportJob} (or resumes it), prints where the reports are and
 * lists rejected rows on stderr.
 */
@Component
public class RunCommand implements Command {

    private static final int REJECTS_SHOWN = 20;

    private final JobOperator operator;
    private final Job annualReportJob;
    private final JobRepository jobRepository;
    private final InputSchema schema;
    private final SourceLaunch sources;
    private final RunGuard guard;
    private final RunLines runLines;
    private final SealedReports sealed;
    private final RunOperator runOperator;
    private final RunScopeCheck scopeCheck;
    private final PrintStream stdout = System.out;
    private final PrintStream err = System.err;

    public RunCommand(JobOperator operator, Job annualReportJob, JobRepository jobRepository, InputSchema schema,
                      SourceLaunch sources, RunGuard guard, RunLines runLines, SealedReports sealed, RunOperator runOperator,
                      RecordStore store) {
        this.scopeCheck = new RunScopeCheck(schema, store);
        this.sources = sources;
        this.runOperator = runOperator;
        this.guard = guard;
        this.runLines = runLines;
        this.sealed = sealed;
        this.operator = operator;
        this.annualReportJob = annualReportJob;
        this.jobRepository = jobRepository;
        this.schema = schema;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return """
                run --data DIR --year YYYY --out DIR [--agency CODE] [--encoding CHARSET] [--templates DIR] [--format ID] [--force]
                    [--source FILE [--full]] [--take-over] [--workers N]
                    load the data directory and build every report of the year (or one agency's)
                    --data      directory of input CSV files or .xlsx workbooks (agencies.csv required; see the data contract)
                    --year      report year, e.g. 2024
                    --out       output directory; reports go to OUT/YEAR/
                    --agency    build only this agency's report
                    --encoding  read every input file in this encoding (default: detect UTF-8 or GB18030 per file)
                    --templates directory with report.ftlh and index.ftlh replacing the shipped templates
                    --format    the layout of the reports (gov-2019-60, gov-2021-30); default: the layout of the year
                                (2019–2020: gov-2019-60, 2021 on: gov-2021-30)
                    --force     build again even if these inputs were already processed
                    --source    pull records from the case-system database defined in FILE (jobs/sources/NAME.yaml):
                                only what changed since the last completed pull, where the query has a changed_column
                    --full      with --source: pull everything again (and remove records the source no longer has)
                    --take-over replace the records of agencies that another data directory loaded into this database
                                (without it such a run is refused, naming that directory)
                    --workers   build the reports on N worker processes (the worker command) through RabbitMQ
                                (spring.rabbitmq.*), sharing this database and the --data and --out paths;
                                the loads stay here (see docs/deployment.md)""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("data", "year", "out", "agency", "encoding", "templates", "format", "source", "workers");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("force", "full", "take-over");
    }

    @Override
    public ExitCode execute(Options options) {
        return run(options);
    }

    /**
     * The command line's own checks, before the application starts: the data directory, the year, where the
     * run writes, the encoding, the templates.
     */
    @Override
    public void check(Options options) {
        dataDirectory(options);
        options.year();
        output(options);
        encoding(options);
        templates(options);
        formatOption(options);
        if (options.flag("full") && options.optional("source") == null) {
            throw new UsageException("--full goes with --source");
        }
        workers(options);
    }

    /** With {@code --workers N} the report step sends its partitions to N worker processes. */
    @Override
    public Map<String, String> settings(Options options) {
        Integer workers = workers(options);
        return workers == null ? Map.of()
                : Map.of(RemotePartitioning.ROLE, RemotePartitioning.MANAGER, RemotePartitioning.COUNT, workers.toString());
    }

    /** The number of workers {@code --workers} names, or null to build the reports in this process. */
    private static Integer workers(Options options) {
        String workers = options.optional("workers");
        if (workers == null) {
            return null;
        }
        if (!workers.matches("[1-9]\\d{0,3}")) {
            throw new UsageException("--workers must be a number of worker processes from 1 to 9999, not '" + workers + "'");
        }
        return Integer.valueOf(workers);
    }

    /** The data directory {@code --data} names: it must be there and be a directory, or nothing starts. */
    private static void dataDirectory(Options options) {
        Path data = options.path("data").toAbsolutePath().normalize();
        if (!Files.exists(data)) {
            throw new UsageException("--data " + data + " does not exist");
        }
        if (!Files.isDirectory(data)) {
            throw new UsageException("--data " + data + " is not a directory");
        }
    }

    /** The output directory, its links resolved; where the run writes against what it reads. */
    private static Path output(Options options) {
        Path data = options.path("data");
        Path out = RunParameters.realDirectory(options.path("out"));
        OutputPlacement.problem(data, out).ifPresent(problem -> {
            throw new UsageException(problem);
        });
        return out;
    }

    /** The encoding {@code --encoding} forces, or null to detect each file's. */
    private static Charset encoding(Options options) {
        String encoding = options.optional("encoding");
        if (encoding == null) {
            return null;
        }
        try {
            return Charset.forName(encoding);
        } catch (RuntimeException e) {
            throw new UsageException("unknown encoding '" + encoding + "' (use UTF-8 or GB18030)");
        }
    }

    /**
     * The layout named by {@code --format}, checked against the year; null when the year's own layout applies.
     * A year no layout covers is refused before anything is read.
     */
    private static String formatOption(Options options) {
        int year = options.year();
        String format;
        try {
            format = ReportFormats.shipped().choose(options.optional("format"), year).id();
        } catch (IllegalArgumentException e) {
            throw new UsageException((options.optional("format") == null ? "--year " + year : "--format") + ": " + e.getMessage());
        }
        return options.optional("format") == null ? null : format;
    }

    /** The templates folder {@code --templates} names, or null for the shipped ones. */
    private static Path templates(Options options) {
        String templatesOption = options.optional("templates");
        if (templatesOption == null) {
            return null;
        }
        Path templates = Path.of(templatesOption).toAbsolutePath().normalize();
        if (!Files.isRegularFile(templates.resolve("report.ftlh"))) {
            throw new UsageException("--templates " + templates + " has no report.ftlh");
        }
        return templates;
    }

    private ExitCode run(Options options) {
        check(options);
        Path data = options.path("data");
        int year = options.year();
        // Where the run writes against what it reads, checked before anything is read or loaded.
        Path out = output(options);
        String agency = options.optional("agency");
        Charset forced = encoding(options);
        CalendarCoverage.warning(WorkingDayCalendar.official(), year, data.toAbsolutePath().normalize()).ifPresent(err::println);
        InputSet inputs;
        try {
            inputs = new InputInspector(schema).inspect(data.toAbsolutePath().normalize(), forced);
        } catch (InputInspector.Refused e) {
            err.println("The input was refused; nothing was loaded or built:");
            e.problems().forEach(p -> err.println("  - " + p));
            return ExitCode.INPUT_REFUSED;
        }
        if (!inputs.notLoaded().isEmpty()) {
            stdout.println("Not loaded (not a record file of this version): " + String.join(", ", inputs.notLoaded()));
        }
        Path templates = templates(options);
        String formatOption = formatOption(options);
        // A pull from a source database (--source FILE [--full]), checked before anything is loaded.
        SourceLaunch.Prepared pull = null;
        if (options.optional("source") != null) {
            try {
                pull = sources.prepare(Path.of(options.optional("source")), options.flag("full"), inputs);
            } catch (InputRefused e) {
                err.println("The source was refused; nothing was loaded or built:");
                err.println("  - " + e.getMessage());
                return ExitCode.INPUT_REFUSED;
            }
            stdout.println("Pulling from source " + pull.definition().name() + ":");
            pull.description().forEach(line -> stdout.println("  " + line));
        }
        RunParameters params = new RunParameters(inputs.directory(), year, out, agency == null ? RunParameters.ALL_AGENCIES : agency,
                inputs.digest(), inputs.encodings(), 0, templates, formatOption);
        // One run per scope at a time; executions a crash left STARTED are failed so they resume.
        RunLeases.Lease lease;
        try {
            lease = guard.acquireRun(params);
        } catch (RunGuard.AlreadyRunning e) {
            err.println(e.getMessage());
            return ExitCode.ALREADY_RUNNING;
        }
        try {
            // The scope and the ownership of the agencies' records, checked before anything is loaded.
            List<String> refused = scopeCheck.problems(inputs, params.agency(), options.flag("take-over"));
            if (!refused.isEmpty()) {
                err.println("The run was refused; nothing was loaded or built:");
                refused.forEach(p -> err.println("  - " + p));
                return ExitCode.INPUT_REFUSED;
            }
            if (options.flag("take-over")) {
                int removed = scopeCheck.takeOver(inputs);
                if (removed > 0) {
                    stdout.println("Taken over: " + removed + " record" + (removed == 1 ? "" : "s")
                            + " of these agencies that another data directory loaded were removed.");
                }
            }
            RunIdentity identity = RunIdentity.of(params).withSealState(sealed.sealState(year, out));
            return launch(options.flag("force") ? identity.forced(System.currentTimeMillis()) : identity, pull);
        } finally {
            guard.release(lease);
        }
    }

    /** @param pull a pull from a source database, or null: a pull is never "up to date" */
    private ExitCode launch(RunIdentity identity, SourceLaunch.Prepared pull) {
        RunParameters params = identity.run();
        int year = params.year();
        long startedNanos = System.nanoTime();
        JobInstance existing = jobRepository.getJobInstance(AnnualReportJobConfiguration.JOB_NAME, identity.jobParameters());
        if (existing != null && runOperator.abandoned(existing)) {
            // An abandoned run is never resumed: the run that replaced it is, or else a new one starts.
            var replacement = runOperator.replacementRerun(identity.jobParameters());
            identity = identity.withRerun(replacement.orElse(System.currentTimeMillis()));
            stdout.println("Run " + existing.getInstanceId() + " with these inputs was abandoned: "
                    + (replacement.isPresent() ? "continuing the run that replaced it." : "starting a new run."));
            existing = jobRepository.getJobInstance(AnnualReportJobConfiguration.JOB_NAME, identity.jobParameters());
        }
        if (pull == null && !identity.force()) {
            // The newest run of the job made from these inputs, a rerun or a forced one included: the
            // database and the files are as it left them, so launching again would only repeat it.
            Optional<JobInstance> current = runOperator.newestCompletedRunOf(identity.jobParameters());
            boolean outputsThere = Files.exists(params.yearDir().resolve("run-summary.json"));
            if (current.isPresent() && outputsThere) {
                stdout.println("Up to date: the reports for " + year + " were already built from these same input files (run "
                        + current.get().getInstanceId() + ").");
                stdout.println("Reports: " + params.yearDir().resolve("index.html") + "   (use --force to build them again)");
                JobExecution last = jobRepository.getLastJobExecution(current.get());
                return last == null ? ExitCode.OK
                        : withFindings(failedReports(last), runLines.of(last, RunSummary.collect(jobRepository, last, schema), 0));
            }
            if (existing != null && completed(existing)) {
                // Another load ran since, or the outputs were removed: the database or the files no longer match that run.
                identity = identity.withRerun(System.currentTimeMillis());
            }
        }

        JobExecution execution;
        try {
            var parameters = (pull == null ? identity : pull.addTo(identity)).jobParameters();
            execution = guard.launch(params, () -> operator.start(annualReportJob, parameters));
        } catch (JobExecutionAlreadyRunningException e) {
            err.println("Refused: a run for " + year + " with the same inputs is already in progress.");
            return ExitCode.ALREADY_RUNNING;
        } catch (Exception e) {
            err.println("The run could not start: " + FailureSentence.of(e));
            return ExitCode.FAILED;
        }
        RunSummary summary = RunSummary.collect(jobRepository, execution, schema);
        summary.print(stdout);
        printRejects(summary);
        RunLine line = runLines.of(execution, summary, System.nanoTime() - startedNanos);
        stdout.println(line.text());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            stdout.printf("Built %d report%s for %d. Open %s%n", summary.reportsBuilt(), summary.reportsBuilt() == 1 ? "" : "s",
                    year, params.yearDir().resolve("index.html"));
            return withFindings(failedReports(execution), line);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            err.println("The run was stopped by an operator (run " + execution.getJobInstance().getInstanceId() + ", execution "
                    + execution.getId() + ") after its last committed chunk. Run the same command again to resume it, "
                    + "or abandon it to start afresh.");
            return ExitCode.STOPPED;
        }
        err.println("The run failed (" + execution.getStatus() + "):");
        summary.failures().forEach(f -> err.println("  - " + f));
        boolean refused = execution.getAllFailureExceptions().stream()
                .anyMatch(t -> FailureSentence.rootOf(t) instanceof InputRefused);
        if (refused) {
            return ExitCode.INPUT_REFUSED;
        }
        err.println("Fix the cause and run the same command again: the run resumes where it stopped.");
        return ExitCode.FAILED;
    }

    /** Reports that could not be built from their data: listed on stderr, exit code 6; the others were built. */
    private ExitCode failedReports(JobExecution execution) {
        var failed = UnitFailures.of(jobRepository, execution);
        if (failed.isEmpty()) {
            return ExitCode.OK;
        }
        err.println(failed.size() + " report" + (failed.size() == 1 ? "" : "s") + " could not be built (all others were):");
        failed.forEach((report, reason) -> err.println("  - " + report + ": " + reason));
        if (failed.values().stream().anyMatch(reason -> reason.startsWith(TemplateBroken.PREFIX))) {
            err.println("A page template is broken (file and line above): fix the template, or leave it out of --templates, and run again.");
        } else {
            err.println("Fix these units' data and run again.");
        }
        return ExitCode.REPORTS_FAILED;
    }

    /**
     * Reports built, but a blocking rule of the catalogue fails on some of them (their validation.json
     * names it): exit code 5, so that a scheduler alerts someone. Reports that could not be built (6) weigh more.
     */
    private ExitCode withFindings(ExitCode code, RunLine line) {
        if (code != ExitCode.OK || line.blocking() == 0) {
            return code;
        }
        err.println("The reports were built, but " + line.blocking() + " blocking finding" + (line.blocking() == 1 ? "" : "s")
                + " of the rule catalogue fail" + (line.blocking() == 1 ? "s" : "") + " (see each report's validation.json and the index).");
        return ExitCode.BLOCKING_FINDINGS;
    }

    private boolean completed(JobInstance instance) {
        JobExecution last = jobRepository.getLastJobExecution(instance);
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    private void printRejects(RunSummary summary) {
        if (summary.rejectedRows() == 0) {
            return;
        }
        err.println(summary.rejectedRows() + " row" + (summary.rejectedRows() == 1 ? " was" : "s were")
                + " rejected and not loaded (everything else was):");
        for (RunSummary.FileLine f : summary.files()) {
            if (f.rejectsFile() == null) {
                continue;
            }
            Path file = summary.parameters().yearDir().resolve(f.rejectsFile());
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                try (var parser = CSVParser.parse(String.join("\n", lines),
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                    int shown = 0;
                    for (var r : parser) {
                        if (shown++ == REJECTS_SHOWN) {
                            err.println("  … see " + file);
                            break;
                        }
                        // A workbook's or a source's row is named by its location (sheet and row, or key).
                        boolean located = r.isMapped("location") && !r.get("location").isEmpty();
                        err.println("  " + (located ? r.get("location") : r.get("file") + ", line " + r.get("line"))
                                + (r.get("column").isEmpty() ? "" : ", column " + r.get("column"))
                                + (r.get("column").isEmpty() ? "" : ", value '" + r.get("value") + "'") + ": " + r.get("reason"));
                    }
                }
            } catch (IOException e) {
                err.println("  (cannot read " + file + ": " + e.getMessage() + ")");
            }
        }
    }
}
