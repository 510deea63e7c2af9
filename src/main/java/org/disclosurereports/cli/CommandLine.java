package org.disclosurereports.cli;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.objenesis.SpringObjenesis;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line as read before the application starts: help, a usage error and a command that needs
 * nothing ({@link Command.Needs#NOTHING}: {@code generate}, {@code audit} of a file) are settled here,
 * without Spring, the database or {@code ./var}; only a command that needs the database starts the
 * application, whose {@link Cli} then runs it.
 */
public final class CommandLine {

    /** The package the application's components are found in (the root application's). */
    private static final String COMPONENTS = "org.disclosurereports";

    /** How reading the command line ends: an exit code when it is settled, or what the application must start with. */
    public record Reading(ExitCode exitCode, Command.Needs needs, Map<String, String> settings) {
        public static Reading settled(ExitCode exitCode) {
            return new Reading(exitCode, null, Map.of());
        }


        public boolean settled() {
            return exitCode != null;
        }
    }

    private final Map<String, Command> commands = new TreeMap<>();

    public CommandLine(Collection<Command> descriptions) {
        descriptions.forEach(c -> commands.putIfAbsent(c.name(), c));
    }

    /**
     * The application's commands, described from their classes (every {@code @Component} that is a
     * {@link Command}, as the application would find them), without running their constructors: their
     * dependencies are the application's, which is not started yet.
     */
    public static List<Command> describedCommands() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        AssignableTypeFilter isCommand = new AssignableTypeFilter(Command.class);
        scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata().hasAnnotation(Component.class.getName())
                && isCommand.match(reader, factory));
        SpringObjenesis objenesis = new SpringObjenesis();
        List<Command> described = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(COMPONENTS)) {
            Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), CommandLine.class.getClassLoader());
            described.add((Command) objenesis.newInstance(type));
        }
        return described;
    }

    public Reading read(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            out.println(Cli.usage(commands.values()));
            return Reading.settled(ExitCode.USAGE);
        }
        if (Cli.isHelp(args)) {
            Command asked = args.length > 1 ? commands.get(args[1]) : null;
            out.println(asked == null ? Cli.usage(commands.values()) : Cli.usage(asked));
            return Reading.settled(ExitCode.OK);
        }
        Command command = commands.get(args[0]);
        if (command != null && Options.asksForHelp(args)) {
            out.println(Cli.usage(command));
            return Reading.settled(ExitCode.OK);
        }
        try {
            if (command == null) {
                throw new UsageException("unknown command '" + args[0] + "' (commands: " + String.join(", ", commands.keySet()) + ")");
            }
            Options options = Options.parse(args, command);
            command.check(options);
            Command.Needs needs = command.needs(options);
            if (needs != Command.Needs.NOTHING) {
                return new Reading(null, needs, command.settings(options));
            }
            return Reading.settled(standalone(command).execute(options));
        } catch (UsageException e) {
            err.println("disclosure-reports: " + e.getMessage());
            err.println();
            err.println(command == null ? Cli.usage(commands.values()) : Cli.usage(command));
            return Reading.settled(ExitCode.USAGE);
        }
    }

    /** A command that needs nothing, made with its constructor without arguments. */
    private static Command standalone(Command described) {
        try {
            return described.getClass().getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(described.getClass().getSimpleName()
                    + " needs nothing but has no public constructor without arguments", e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
