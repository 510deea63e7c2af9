package org.disclosurereports.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one command: {@code --name value}, {@code --name=value}, {@code --flag}, and the words
 * before them for a command that takes some ({@link Command#maxArguments()}: {@code user add NAME}).
 */
public record Options(String command, Map<String, String> values, Set<String> flags, List<String> arguments) {

    public Options(String command, Map<String, String> values, Set<String> flags) {
        this(command, values, flags, List.of());
    }

    /** True when a command's arguments ask for its usage ({@code run --help}): that is no error. */
    static boolean asksForHelp(String[] args) {
        return List.of(args).subList(1, args.length).stream().anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    static Options parse(String[] args, Command command) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> rest = List.of(args).subList(1, args.length);
        List<String> arguments = new ArrayList<>();
        while (arguments.size() < command.maxArguments() && arguments.size() < rest.size() && !rest.get(arguments.size()).startsWith("--")) {
            arguments.add(rest.get(arguments.size()));
        }
        for (int i = arguments.size(); i < rest.size(); i++) {
            String a = rest.get(i);
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.contains(".")) {
                continue; // a setting of the application (spring.…, server.…, disclosure.…): no option has a dot
            }
            if (command.flagOptions().contains(name)) {
                flags.add(name);
                continue;
            }
            if (!command.valueOptions().contains(name)) {
                throw new UsageException("unknown option --" + name + " for " + command.name());
            }
            if (value == null) {
                if (i + 1 >= rest.size() || rest.get(i + 1).startsWith("--")) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = rest.get(++i);
            }
            values.put(name, value);
        }
        return new Options(args[0], values, flags, List.copyOf(arguments));
    }

    public String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return v;
    }

    public String optional(String name) {
        return values.get(name);
    }

    public Path path(String name) {
        return Path.of(required(name));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public int year() {
        String y = required("year");
        if (!y.matches("\\d{4}") || Integer.parseInt(y) < 2019) {
            throw new UsageException("--year must be a year from 2019 on, not '" + y + "'");
        }
        return Integer.parseInt(y);
    }
}
