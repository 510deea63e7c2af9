package org.disclosurereports.cli;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The command line: {@code java -jar disclosure-reports.jar COMMAND [OPTIONS]}. Dispatches to the
 * {@link Command} beans and turns their outcome into the process exit code ({@link ExitCode}).
 */
@Component
public class Cli implements CommandLineRunner, ExitCodeGenerator {

    private final Map<String, Command> commands;
    private ExitCode exitCode = ExitCode.OK;

    public Cli(List<Command> commands) {
        this.commands = commands.stream().collect(Collectors.toMap(Command::name, c -> c, (a, b) -> a, TreeMap::new));
    }

    public static boolean isHelp(String[] args) {
        return args.length == 0 || List.of("help", "--help", "-h").contains(args[0]);
    }

    /** The usage text, built from the commands; printed by main() without starting Spring. */
    public static final String USAGE_HEADER = """
            Usage: java -jar disclosure-reports.jar COMMAND [OPTIONS]
            """;

    public static final String USAGE_FOOTER = """

            Exit codes: 0 done, 1 failed (run the same command again to resume), 2 usage, 3 input refused, 4 already running,
            5 a blocking rule failed (audit, or run: the reports were built), 6 some reports could not be built,
            7 stopped by an operator (run again to resume).
            Operators: runs lists a year's runs; stop stops one gracefully (it stays restartable); abandon gives one up.
            Database: H2 under ./var by default; set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and
            SPRING_DATASOURCE_PASSWORD to use MySQL. See README.md.""";

    public String usage() {
        StringBuilder sb = new StringBuilder(USAGE_HEADER);
        commands.values().forEach(c -> sb.append('\n').append(c.usage().stripTrailing()).append('\n'));
        return sb.append(USAGE_FOOTER).toString();
    }

    @Override
    public void run(String... args) {
        if (args.length == 0) {
            return; // started without a command (tests, or embedding): main() handles the usage message
        }
        if (isHelp(args)) {
            System.out.println(usage());
            return;
        }
        Command command = commands.get(args[0]);
        try {
            if (command == null) {
                throw new UsageException("unknown command '" + args[0] + "' (commands: " + String.join(", ", commands.keySet()) + ")");
            }
            exitCode = command.execute(Options.parse(args, command));
        } catch (UsageException e) {
            System.err.println("disclosure-reports: " + e.getMessage());
            System.err.println();
            System.err.println(command == null ? usage() : USAGE_HEADER + "\n" + command.usage());
            exitCode = ExitCode.USAGE;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }
}
