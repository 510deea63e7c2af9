package org.disclosurereports.cli;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import java.util.Collection;
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

    /** The usage text, built from the commands; printed before the application starts ({@link CommandLine}). */
    public static final String USAGE_HEADER = """
            Usage: java -jar disclosure-reports.jar COMMAND [OPTIONS]
            """;

    /** The exit codes, one line each, built from {@link ExitCode} so that the help can never leave one out. */
    public static String exitCodes() {
        StringBuilder sb = new StringBuilder("Exit codes:\n");
        for (ExitCode c : ExitCode.values()) {
            sb.append("  ").append(c.code()).append("  ").append(c.summary()).append('\n');
        }
        return sb.toString();
    }

    public static final String USAGE_FOOTER = """
            Operators: runs lists a year's runs; stop stops one gracefully (it stays restartable); abandon gives one up.
            Database: H2 under ./var by default; set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and
            SPRING_DATASOURCE_PASSWORD to use MySQL. See README.md.""";

    public String usage() {
        return usage(commands.values());
    }

    /** The usage text of all commands, in the order given. */
    public static String usage(Collection<Command> commands) {
        StringBuilder sb = new StringBuilder(USAGE_HEADER);
        commands.forEach(c -> sb.append('\n').append(c.usage().stripTrailing()).append('\n'));
        return sb.append('\n').append(exitCodes()).append(USAGE_FOOTER).toString();
    }

    /** One command's usage, for {@code COMMAND --help} and {@code help COMMAND}. */
    public static String usage(Command command) {
        return USAGE_HEADER + "\n" + command.usage().stripTrailing() + "\n\n" + exitCodes().stripTrailing();
    }

    @Override
    public void run(String... args) {
        if (args.length == 0) {
            return; // started without a command (tests, or embedding): main() handles the usage message
        }
        if (isHelp(args)) {
            Command asked = args.length > 1 ? commands.get(args[1]) : null;
            System.out.println(asked == null ? usage() : usage(asked));
            return;
        }
        Command command = commands.get(args[0]);
        if (command != null && Options.asksForHelp(args)) {
            System.out.println(usage(command));
            return;
        }
        try {
            if (command == null) {
                throw new UsageException("unknown command '" + args[0] + "' (commands: " + String.join(", ", commands.keySet()) + ")");
            }
            Options options = Options.parse(args, command);
            command.check(options);
            exitCode = command.execute(options);
        } catch (UsageException e) {
            System.err.println("disclosure-reports: " + e.getMessage());
            System.err.println();
            System.err.println(command == null ? usage() : usage(command));
            exitCode = ExitCode.USAGE;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }
}
