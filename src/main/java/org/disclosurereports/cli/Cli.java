package org.disclosurereports.cli;

import org.disclosurereports.ingest.InputInspector;
import org.disclosurereports.ingest.InputSchema;
import org.disclosurereports.ingest.InputSet;
import org.disclosurereports.run.AnnualReportJobConfiguration;
import org.disclosurereports.run.RunParameters;
import org.disclosurereports.run.RunSummary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobExecutionAlreadyRunningException;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command line: {@code run --data DIR --year YYYY --out DIR [--agency CODE]} (data-contract.md
 * section 4). Prints where the reports are, lists rejected rows on stderr, and sets the exit code.
 */
@Component
public class Cli implements CommandLineRunner, ExitCodeGenerator {

    public static final String USAGE = """
            Usage:
              java -jar disclosure-reports.jar run --data DIR --year YYYY --out DIR [--agency CODE] [--encoding CHARSET] [--force]

            run       load the data directory and build every report of the year (or one agency's)
              --data      directory of input CSV files (agencies.csv required; see the data contract)
              --year      report year, e.g. 2024
              --out       output directory; reports go to OUT/YEAR/
              --agency    build only this agency's report
              --encoding  read every input file in this encoding (default: detect UTF-8 or GB18030 per file)
              --force     build again even if these inputs were already processed

            Exit codes: 0 built, 1 failed (run again to resume), 2 usage, 3 input refused, 4 already running.
            Database: H2 under ./var by default; set SPRING_DATASOURCE_URL/USERNAME/PASSWORD for MySQL.""";

    private static final int REJECTS_SHOWN = 20;

    private final JobLauncher launcher;
    private final Job annualReportJob;
    private final JobExplorer explorer;
    private final InputSchema schema;
    private final PrintStream stdout = System.out;
    private final PrintStream err = System.err;
    private ExitCode exitCode = ExitCode.OK;

    public Cli(JobLauncher launcher, Job annualReportJob, JobExplorer explorer, InputSchema schema) {
        this.launcher = launcher;
        this.annualReportJob = annualReportJob;
        this.explorer = explorer;
        this.schema = schema;
    }

    public static boolean isHelp(String[] args) {
        return args.length == 0 || List.of("help", "--help", "-h").contains(args[0]);
    }

    @Override
    public void run(String... args) {
        if (args.length == 0) {
            return; // started without a command (tests, or embedding): main() handles the usage message
        }
        try {
            Options options = Options.parse(args);
            exitCode = switch (options.command()) {
                case "run" -> run(options);
                default -> throw new UsageException("unknown command '" + options.command() + "'");
            };
        } catch (UsageException e) {
            err.println("disclosure-reports: " + e.getMessage());
            err.println();
            err.println(USAGE);
            exitCode = ExitCode.USAGE;
        }
    }

    private ExitCode run(Options options) {
        Path data = options.path("data");
        int year = options.year();
        Path out = options.path("out").toAbsolutePath().normalize();
        String agency = options.optional("agency");
        String encoding = options.optional("encoding");
        Charset forced = null;
        if (encoding != null) {
            try {
                forced = Charset.forName(encoding);
            } catch (RuntimeException e) {
                throw new UsageException("unknown encoding '" + encoding + "' (use UTF-8 or GB18030)");
            }
        }
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
        RunParameters params = new RunParameters(inputs.directory(), year, out, agency == null ? RunParameters.ALL_AGENCIES : agency,
                inputs.digest(), inputs.encodings(), options.flag("force") ? System.currentTimeMillis() : 0);

        JobInstance existing = explorer.getJobInstance(AnnualReportJobConfiguration.JOB_NAME, params.toJobParameters());
        if (existing != null && completed(existing)) {
            JobInstance newest = explorer.getLastJobInstance(AnnualReportJobConfiguration.JOB_NAME);
            boolean outputsThere = Files.exists(params.yearDir().resolve("run-summary.json"));
            if (newest != null && newest.getInstanceId() == existing.getInstanceId() && outputsThere) {
                stdout.println("Up to date: the reports for " + year + " were already built from these same input files (run "
                        + existing.getInstanceId() + ").");
                stdout.println("Reports: " + params.yearDir().resolve("index.html") + "   (use --force to build them again)");
                return ExitCode.OK;
            }
            // Another load ran since, or the outputs were removed: the database or the files no longer match that run.
            params = new RunParameters(params.data(), year, out, params.agency(), params.inputsDigest(), params.encodings(),
                    System.currentTimeMillis());
        }

        JobExecution execution;
        try {
            execution = launcher.run(annualReportJob, params.toJobParameters());
        } catch (JobExecutionAlreadyRunningException e) {
            err.println("Refused: a run for " + year + " with the same inputs is already in progress.");
            return ExitCode.ALREADY_RUNNING;
        } catch (Exception e) {
            err.println("The run could not start: " + sentence(e));
            return ExitCode.FAILED;
        }
        RunSummary summary = RunSummary.collect(explorer, execution, schema);
        summary.print(stdout);
        printRejects(summary);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            stdout.printf("Built %d report%s for %d. Open %s%n", summary.reportsBuilt(), summary.reportsBuilt() == 1 ? "" : "s",
                    year, params.yearDir().resolve("index.html"));
            return ExitCode.OK;
        }
        err.println("The run failed (" + execution.getStatus() + "):");
        summary.failures().forEach(f -> err.println("  - " + f));
        boolean refused = execution.getAllFailureExceptions().stream()
                .anyMatch(t -> rootOf(t) instanceof org.disclosurereports.ingest.InputRefused);
        if (refused) {
            return ExitCode.INPUT_REFUSED;
        }
        err.println("Fix the cause and run the same command again: the run resumes where it stopped.");
        return ExitCode.FAILED;
    }

    private boolean completed(JobInstance instance) {
        JobExecution last = explorer.getLastJobExecution(instance);
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
                try (var parser = org.apache.commons.csv.CSVParser.parse(String.join("\n", lines),
                        org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                    int shown = 0;
                    for (var r : parser) {
                        if (shown++ == REJECTS_SHOWN) {
                            err.println("  … see " + file);
                            break;
                        }
                        err.println("  " + r.get("file") + ", line " + r.get("line")
                                + (r.get("column").isEmpty() ? "" : ", column " + r.get("column"))
                                + (r.get("column").isEmpty() ? "" : ", value '" + r.get("value") + "'") + ": " + r.get("reason"));
                    }
                }
            } catch (IOException e) {
                err.println("  (cannot read " + file + ": " + e.getMessage() + ")");
            }
        }
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }

    static Throwable rootOf(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    /** The innermost message of a failure, as a sentence for the operator. */
    public static String sentence(Throwable t) {
        Throwable root = rootOf(t);
        String m = root.getMessage();
        if (m == null || m.isBlank()) {
            m = root.getClass().getSimpleName();
        }
        if (root instanceof java.net.ConnectException || m.contains("Communications link failure")) {
            return "cannot reach the database (" + m.lines().findFirst().orElse(m) + "); check SPRING_DATASOURCE_URL and that the server is running";
        }
        if (m.contains("Database may be already in use")) {
            return "the embedded database is in use by another run (" + m.lines().findFirst().orElse(m) + ")";
        }
        return m.lines().findFirst().orElse(m);
    }
}
