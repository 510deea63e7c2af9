package org.disclosurereports.cli;

import org.disclosurereports.operations.RunOperator;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * {@code stop --year YYYY --out DIR [--agency CODE]} or {@code stop --execution ID}: asks a run in
 * progress, in this JVM or any other sharing the job repository, to stop gracefully. It finishes the
 * chunk it is in, ends STOPPED (its {@code run} exits 7) and stays restartable: the same {@code run}
 * command resumes it.
 */
@Component
public class StopCommand implements Command {

    private final RunOperator runOperator;

    public StopCommand(RunOperator runOperator) {
        this.runOperator = runOperator;
    }

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String usage() {
        return """
                stop %s
                    stop a run in progress gracefully: it finishes its current chunk and ends STOPPED; the same
                    run command resumes it. Without --agency: the run of all agencies. Returns at once.""".formatted(OperatorOptions.SYNOPSIS);
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
            Optional<RunOperator.Run> selected = OperatorOptions.select(options, runOperator, "stop");
            if (selected.isEmpty()) {
                return ExitCode.FAILED;
            }
            RunOperator.Run run = selected.get();
            JobExecution stopping = runOperator.stop(run);
            System.out.println("Stopping run " + run.instance().getInstanceId() + " (execution " + stopping.getId() + ", started "
                    + stopping.getStartTime().withNano(0) + "): it finishes its current chunk and ends STOPPED. "
                    + "The same run command resumes it.");
            return ExitCode.OK;
        } catch (RunOperator.Refused e) {
            System.err.println(e.getMessage());
            return ExitCode.FAILED;
        }
    }
}
