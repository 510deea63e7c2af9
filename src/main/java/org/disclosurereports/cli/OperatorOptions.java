package org.disclosurereports.cli;

import org.disclosurereports.job.RunParameters;
import org.disclosurereports.operations.RunOperator;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The options by which {@code stop} and {@code abandon} name a run: {@code --year YYYY --out DIR
 * [--agency CODE]}, the scope as {@code run} was given it (without {@code --agency}: the run of all
 * agencies), or {@code --execution ID} as {@code runs} lists it.
 */
final class OperatorOptions {

    static final Set<String> VALUE_OPTIONS = Set.of("year", "out", "agency", "execution");

    static final String SYNOPSIS = "--year YYYY --out DIR [--agency CODE] | --execution ID";

    private OperatorOptions() {
    }

    /** The execution id given, or null when the run is named by its scope. */
    static Long execution(Options options) {
        String id = options.optional("execution");
        if (id == null) {
            return null;
        }
        if (options.optional("year") != null || options.optional("out") != null || options.optional("agency") != null) {
            throw new UsageException("--execution names the run by itself: give it without --year, --out and --agency");
        }
        if (!id.matches("\\d{1,18}")) {
            throw new UsageException("--execution must be an execution id as the runs command lists it, not '" + id + "'");
        }
        return Long.parseLong(id);
    }

    /** The scope of the run, as {@code run} was given it. */
    static RunOperator.Selection scope(Options options) {
        if (options.optional("year") == null && options.optional("out") == null) {
            throw new UsageException("name the run: --year YYYY --out DIR [--agency CODE], or --execution ID");
        }
        String agency = options.optional("agency");
        return new RunOperator.Selection(options.year(), outDirectory(options.path("out")),
                agency == null ? RunParameters.ALL_AGENCIES : agency);
    }

    /** As {@code run} stores it: absolute, normalized, links resolved. */
    static Path outDirectory(Path out) {
        return RunParameters.realDirectory(out);
    }

    /**
     * The run a command acts on: the one of {@code --execution ID}, or the newest run of the scope the
     * options name. Empty, having said so on stderr, when the scope has no run.
     */
    static Optional<RunOperator.Run> select(Options options, RunOperator runOperator, String verb) throws RunOperator.Refused {
        Long id = execution(options);
        if (id != null) {
            return Optional.of(runOperator.runOf(id));
        }
        RunOperator.Selection scope = scope(options);
        Optional<RunOperator.Run> newest = runOperator.newest(scope);
        if (newest.isEmpty()) {
            System.err.println("Nothing to " + verb + ": there is no " + scope.describe() + ".");
        }
        return newest;
    }
}
