package org.disclosurereports.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CliHelpTest {

    /** A command that records whether it ran: help must never run it. */
    static final class Recording implements Command {
        boolean executed;

        @Override
        public String name() {
            return "run";
        }

        @Override
        public String usage() {
            return "run --data DIR --year YYYY\n    build the reports";
        }

        @Override
        public Set<String> valueOptions() {
            return Set.of("data", "year");
        }

        @Override
        public ExitCode execute(Options options) {
            executed = true;
            return ExitCode.OK;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void helpListsEveryExitCode() {
        Cli cli = new Cli(List.of(new Recording()));
        cli.run("help");
        String text = out.toString(StandardCharsets.UTF_8);
        for (ExitCode c : ExitCode.values()) {
            assertThat(text).contains("  " + c.code() + "  " + c.summary());
        }
        assertThat(text).contains("run --data DIR --year YYYY");
        assertThat(cli.getExitCode()).isZero();
    }

    @Test
    void commandHelpPrintsThatCommandsUsageAndExitsZero() {
        for (String flag : List.of("--help", "-h")) {
            Recording run = new Recording();
            Cli cli = new Cli(List.of(run));
            cli.run("run", "--data", "sample-data", flag);
            assertThat(run.executed).isFalse();
            assertThat(cli.getExitCode()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("run --data DIR --year YYYY", "build the reports", "  6  ");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void helpWithACommandNamePrintsThatCommandsUsage() {
        Cli cli = new Cli(List.of(new Recording()));
        cli.run("help", "run");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("build the reports").doesNotContain("Operators:");
        assertThat(cli.getExitCode()).isZero();
    }

    @Test
    void anUnknownOptionIsStillAUsageError() {
        Recording run = new Recording();
        Cli cli = new Cli(List.of(run));
        cli.run("run", "--colour");
        assertThat(run.executed).isFalse();
        assertThat(cli.getExitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour for run");
    }
}
