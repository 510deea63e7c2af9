package org.disclosurereports.cli;

import org.disclosurereports.console.ConsoleUsers;
import org.disclosurereports.store.ConsoleAccounts;

import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code user add|list|disable|password}: the review console's accounts. Passwords are read from standard
 * input (one line; from a terminal without echo), never from the command line, where {@code ps} shows them.
 */
@Component
public class UserCommand implements Command {

    private final ConsoleUsers users;

    public UserCommand(ConsoleUsers users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "user";
    }

    @Override
    public String usage() {
        return """
                user add NAME --role unit|reviewer|auditor|admin [--agency CODE]
                user list | user disable NAME | user password NAME
                    the review console's accounts (see serve). A unit writes and submits its agency's reports; a
                    reviewer returns, approves and publishes those of its agency's subtree; an auditor reads
                    everything. The password is read from standard input (one line, at least 10 characters).""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("role", "agency");
    }

    @Override
    public int maxArguments() {
        return 2;
    }

    @Override
    public ExitCode execute(Options options) {
        List<String> words = options.arguments();
        if (words.isEmpty()) {
            throw new UsageException("say what to do: add, list, disable or password");
        }
        String verb = words.get(0);
        try {
            switch (verb) {
                case "list" -> {
                    System.out.printf("%-20s %-9s %-14s %s%n", "name", "role", "agency", "state");
                    for (ConsoleAccounts.Account a : users.list()) {
                        System.out.printf("%-20s %-9s %-14s %s%n", a.username(), a.role().id(), a.agencyCode() == null ? "-" : a.agencyCode(),
                                a.disabled() ? "disabled" : "active");
                    }
                }
                case "add" -> {
                    String name = name(words, verb);
                    users.add(name, options.required("role"), options.optional("agency"), password("Password for " + name + ": "));
                    System.out.println("Added " + name + ".");
                }
                case "disable" -> {
                    String name = name(words, verb);
                    users.disable(name);
                    System.out.println("Disabled " + name + ": it can no longer sign in.");
                }
                case "password" -> {
                    String name = name(words, verb);
                    users.changePassword(name, password("New password for " + name + ": "));
                    System.out.println("Changed the password of " + name + ".");
                }
                default -> throw new UsageException("unknown action '" + verb + "' (add, list, disable, password)");
            }
            return ExitCode.OK;
        } catch (ConsoleUsers.Refused e) {
            System.err.println("user " + verb + ": " + e.getMessage());
            return ExitCode.INPUT_REFUSED;
        }
    }

    private static String name(List<String> words, String verb) {
        if (words.size() < 2) {
            throw new UsageException("user " + verb + " needs the account's NAME");
        }
        return words.get(1);
    }

    private static String password(String prompt) {
        Console terminal = System.console();
        if (terminal != null) {
            char[] typed = terminal.readPassword(prompt);
            return typed == null ? null : new String(typed);
        }
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
