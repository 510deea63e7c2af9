package org.disclosurereports.cli;

import java.util.Set;

/**
 * A subcommand of the command line. Each is a Spring bean; {@link Cli} finds it by {@link #name()},
 * so a feature adds its command as a class of its own.
 */
public interface Command {

    String name();

    /** The usage lines of this command, starting with its synopsis. */
    String usage();

    /** Options that take a value ({@code --name value} or {@code --name=value}). */
    Set<String> valueOptions();

    /** Options that take no value. */
    default Set<String> flagOptions() {
        return Set.of();
    }

    /** How many words may follow the command before its options ({@code user add NAME}: two); none by default. */
    default int maxArguments() {
        return 0;
    }

    ExitCode execute(Options options);
}
