package org.disclosurereports.cli;

import java.util.Map;
import java.util.Set;

/**
 * A subcommand of the command line. Each is a Spring bean; {@link Cli} finds it by {@link #name()},
 * so a feature adds its command as a class of its own.
 * <p>
 * The command line is read before the application starts ({@link CommandLine}): {@link #name()},
 * {@link #usage()}, the options, {@link #check} and {@link #needs} are asked of an instance described from
 * the class without running its constructor, so they read none of its fields.
 */
public interface Command {

    /** What one invocation of a command needs of the application. */
    enum Needs {
        /**
         * Nothing but the command line: the command runs before, and without, the application (no Spring,
         * no database, no {@code ./var}). Such a command has a public constructor without arguments.
         */
        NOTHING,
        /** The application and its database. */
        DATABASE,
        /**
         * The application and its database, with beans made only as the command asks for them: a command
         * that reads or marks runs and seals needs none of the job's steps, readers and renderers, and
         * starts in a fraction of a run's start.
         */
        DATABASE_ONLY,
        /** The application, its database and its web server. */
        WEB
    }

    String name();

    /** The usage lines of this command, starting with its synopsis. */
    String usage();

    /** Options that take a value ({@code --name value} or {@code --name=value}). */
    Set<String> valueOptions();

    /** Options that take no value. */
    default Set<String> flagOptions() {
        return Set.of();
    }

    /**
     * What this invocation needs, from its options: the database unless the command says otherwise.
     * Asked before the application starts, so it reads no field.
     */
    default Needs needs(Options options) {
        return Needs.DATABASE;
    }

    /**
     * Spring settings this invocation starts the application with, from its options (the role of a
     * process in remote partitioning); none by default. Asked before the application starts, so it reads
     * no field.
     */
    default Map<String, String> settings(Options options) {
        return Map.of();
    }

    /**
     * Checks the options that need nothing but themselves (a year, paths, the scope), before the application
     * or the database starts; throws {@link UsageException}. Reads no field.
     */
    default void check(Options options) {}

    /** How many words may follow the command before its options ({@code user add NAME}: two); none by default. */
    default int maxArguments() {
        return 0;
    }

    ExitCode execute(Options options);
}
