package org.disclosurereports.cli;

import org.disclosurereports.operations.RunGuard;
import org.disclosurereports.operations.RunOperator;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * {@code abandon --year YYYY --out DIR [--agency CODE]} or {@code abandon --execution ID}: gives up a
 * FAILED or STOPPED run for good. It is never resumed: the next {@code run} with the same inputs
 * starts a new run from the first step. A run in progress is refused (exit 4, naming its process).
 */
@Component
public class AbandonCommand implements Command {

    private final RunOperator runOperator;

    public AbandonCommand(RunOperator runOperator) {
        this.runOperator = runOperator;
    }

    @Override
    public String name() {
        return "abandon";
    }

    @Override
    public String usage() {
        return """
                abandon %s
                    give up a FAILED or STOPPED run: it is never resumed, the next run with the same inputs starts
                    a new one from the beginning. Without --agency: the run of all agencies.""".formatted(OperatorOptions.SYNOPSIS);
    }

    @Override
    public Set<String> valueOptions() {
        return OperatorOptions.VALUE_OPTIONS;
    }

    @Override
    public Needs needs(Options options) {
        return Needs.DATABASE_ONLY;
    }

    @Override
    public ExitCode execute(Options options) {
        try {
            Optional<RunOperator.Run> selected = OperatorOptions.select(options, runOperator, "abandon");
            if (selected.isEmpty()) {
                return ExitCode.FAILED;
            }
            RunOperator.Run run = selected.get();
            JobExecution abandoned = runOperator.abandon(run);
            System.out.println("Abandoned run " + run.instance().getInstanceId() + " (execution " + abandoned.getId()
                    + "): the next run with the same inputs starts a new run.");
            return ExitCode.OK;
        } catch (RunGuard.AlreadyRunning e) {
            System.err.println(e.getMessage());
            return ExitCode.ALREADY_RUNNING;
        } catch (RunOperator.Refused e) {
            System.err.println(e.getMessage());
            return ExitCode.FAILED;
        }
    }
}
