package org.disclosurereports.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line read before the application starts, on the application's own commands described from their classes. */
class CommandLineTest {

    private static final CommandLine LINE = new CommandLine(CommandLine.describedCommands());

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CommandLine.Reading read(String... args) {
        return LINE.read(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandOfTheApplicationIsDescribedWithoutStartingIt() {
        assertThat(CommandLine.describedCommands()).extracting(Command::name)
                .contains("run", "runs", "stop", "abandon", "seal", "unseal", "schedule", "audit", "generate", "benchmark");
    }

    @Test
    void helpAndCommandHelpAreSettledHere() {
        assertThat(read("help")).isEqualTo(CommandLine.Reading.settled(ExitCode.OK));
        assertThat(out()).contains("run --data DIR").contains("audit --tables FILE").contains("6  some reports could not be built");
        out.reset();
        assertThat(read("run", "--help").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(out()).contains("run --data DIR").doesNotContain("generate --out");
        out.reset();
        assertThat(read().exitCode()).as("no command").isEqualTo(ExitCode.USAGE);
        assertThat(out()).contains("Usage:");
    }

    @Test
    void usageErrorsAreSettledHereNamingTheMistake() {
        assertThat(read("run", "--bogus").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(err()).startsWith("disclosure-reports: unknown option --bogus for run").contains("run --data DIR");
        err.reset();
        assertThat(read("frobnicate").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("unknown command 'frobnicate'");
        err.reset();
        assertThat(read("run", "--data", dir.toString(), "--year", "1999", "--out", dir.resolve("out").toString()).exitCode())
                .isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--year must be a year from 2019 on");
        err.reset();
        assertThat(read("run", "--data", dir.toString(), "--year", "2024", "--out", dir.toString()).exitCode())
                .as("--out is the data directory").isEqualTo(ExitCode.USAGE);
        err.reset();
        assertThat(read("run", "--data", dir.toString(), "--year", "2024", "--out", dir.resolve("../o").toString(), "--encoding", "KOI9")
                .exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("unknown encoding 'KOI9'");
    }

    @Test
    void aRunWithoutADataDirectoryIsAUsageErrorSettledHere() throws Exception {
        String out = dir.resolve("out").toString();
        assertThat(read("run", "--year", "2024", "--out", out).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(err()).startsWith("disclosure-reports: --data is required").contains("run --data DIR");
        err.reset();
        Path missing = dir.resolve("no-such-data");
        assertThat(read("run", "--data", missing.toString(), "--year", "2024", "--out", out).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(err()).startsWith("disclosure-reports: --data " + missing.toAbsolutePath().normalize() + " does not exist");
        err.reset();
        Path file = Files.writeString(dir.resolve("agencies.csv"), "code,name\n");
        assertThat(read("run", "--data", file.toString(), "--year", "2024", "--out", out).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(err()).startsWith("disclosure-reports: --data " + file.toAbsolutePath().normalize() + " is not a directory");
    }

    @Test
    void aCommandThatNeedsTheDatabaseIsLeftToTheApplication() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        CommandLine.Reading run = read("run", "--data", data.toString(), "--year", "2024", "--out", dir.resolve("out").toString());
        assertThat(run).isEqualTo(new CommandLine.Reading(null, Command.Needs.DATABASE, Map.of()));
        assertThat(read("runs", "--year", "2024").needs()).isEqualTo(Command.Needs.DATABASE_ONLY);
        assertThat(read("audit", "--tables", "t.json", "--agency", "SL", "--year", "2024").needs())
                .as("audit against the records").isEqualTo(Command.Needs.DATABASE);
        assertThat(out()).isEmpty();
        assertThat(err()).isEmpty();
    }

    @Test
    void theWebServerOfServeAndScheduleIsChosenFromTheCommandLine() {
        CommandLine.Reading serve = read("serve", "--data", "d", "--out", "o", "--port", "9000");
        assertThat(serve.needs()).isEqualTo(Command.Needs.WEB);
        assertThat(serve.settings()).containsEntry("server.port", "9000").containsEntry("server.address", "127.0.0.1")
                .containsEntry("disclosure.console.enabled", "true").containsEntry("disclosure.console.data", "d")
                .containsEntry("management.endpoints.web.exposure.exclude", "*");
        CommandLine.Reading schedule = read("schedule", "--jobs", "j");
        assertThat(schedule.needs()).isEqualTo(Command.Needs.WEB);
        assertThat(schedule.settings()).isEqualTo(Map.of("server.port", "9469", "server.address", "127.0.0.1"));
        CommandLine.Reading quiet = read("schedule", "--jobs", "j", "--metrics-port", "off");
        assertThat(quiet.needs()).isEqualTo(Command.Needs.DATABASE);
        assertThat(quiet.settings()).isEmpty();
        assertThat(out()).isEmpty();
        assertThat(read("serve", "--data", "d", "--out", "o", "--port", "99999").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--port must be a port number, not '99999'");
    }

    @Test
    void workersAreARoleTheApplicationStartsIn() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        String[] run = {"run", "--data", data.toString(), "--year", "2024", "--out", dir.resolve("out").toString()};
        assertThat(read(with(run, "--workers", "3")).settings())
                .isEqualTo(Map.of("disclosure.workers.role", "manager", "disclosure.workers.count", "3"));
        assertThat(read("worker").settings()).isEqualTo(Map.of("disclosure.workers.role", "worker"));
        assertThat(read("worker").needs()).isEqualTo(Command.Needs.DATABASE);
        assertThat(out()).isEmpty();
        assertThat(read(with(run, "--workers", "0")).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--workers must be a number of worker processes from 1 to 9999, not '0'");
    }

    @Test
    void aCommandThatNeedsNothingRunsHere() throws Exception {
        Path generated = dir.resolve("generated");
        CommandLine.Reading generate = read("generate", "--out", generated.toString(), "--scale", "0.0002", "--seed", "3");
        assertThat(generate).isEqualTo(CommandLine.Reading.settled(ExitCode.OK));
        assertThat(generated.resolve("agencies.csv")).isRegularFile();

        Path missing = dir.resolve("no-such-tables.json");
        CommandLine.Reading audit = read("audit", "--tables", missing.toString());
        assertThat(audit.settled()).isTrue();
        assertThat(audit.exitCode()).as("audit of a file that is not there, settled without the database").isNotEqualTo(ExitCode.OK);
        assertThat(Files.exists(dir.resolve("var"))).isFalse();
        assertThat(List.of(read("audit", "--rules").exitCode())).containsExactly(ExitCode.OK);
    }

    private static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
