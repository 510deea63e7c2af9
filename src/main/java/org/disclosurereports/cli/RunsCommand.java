package org.disclosurereports.cli;

import org.disclosurereports.job.RunParameters;
import org.disclosurereports.operations.RunOperator;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code runs --year YYYY [--out DIR] [--agency CODE]}: the runs (job instances of
 * {@code annualReportJob}) of a year, newest first, each with its executions and their steps, as
 * the job repository has them, whichever JVM or host ran them.
 */
@Component
public class RunsCommand implements Command {

    private final RunOperator runOperator;
    private final PrintStream stdout = System.out;

    public RunsCommand(RunOperator runOperator) {
        this.runOperator = runOperator;
    }

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String usage() {
        return """
                runs --year YYYY [--out DIR] [--agency CODE]
                    list the runs of the year, newest first: each execution with its id, status, start and end,
                    scope and output directory, and its steps with status and rows read/written/skipped
                    --out       only the runs writing to this output directory
                    --agency    only the runs of this agency's report (without it: every scope)""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("year", "out", "agency");
    }

    @Override
    public Needs needs(Options options) {
        return Needs.DATABASE_ONLY;
    }

    @Override
    public ExitCode execute(Options options) {
        int year = options.year();
        String out = options.optional("out");
        RunOperator.Selection selection = new RunOperator.Selection(year,
                out == null ? null : OperatorOptions.outDirectory(options.path("out")), options.optional("agency"));
        List<RunOperator.Run> runs = runOperator.runs(selection);
        if (runs.isEmpty()) {
            stdout.println("No runs: there is no " + selection.describe() + " in the job repository.");
            return ExitCode.OK;
        }
        stdout.println(runs.size() + " run" + (runs.size() == 1 ? "" : "s") + " of " + year + ", newest first:");
        for (RunOperator.Run run : runs) {
            RunParameters p = run.parameters();
            stdout.printf("run %d  %s  %s  output %s%n", run.instance().getInstanceId(), run.last().getStatus(),
                    p.allAgencies() ? "all agencies" : "agency " + p.agency(), p.out());
            for (JobExecution e : run.executions()) {
                stdout.printf("  execution %d  %s  started %s  ended %s%n", e.getId(), e.getStatus(), time(e.getStartTime()), time(e.getEndTime()));
                for (StepExecution s : RunOperator.Run.steps(e)) {
                    stdout.printf(Locale.ROOT, "    %-40s %-9s read %d, written %d, skipped %d%n", s.getStepName(), s.getStatus(),
                            s.getReadCount(), s.getWriteCount(), s.getSkipCount());
                }
            }
        }
        return ExitCode.OK;
    }

    private static String time(LocalDateTime t) {
        return t == null ? "-" : t.withNano(0).toString();
    }
}
