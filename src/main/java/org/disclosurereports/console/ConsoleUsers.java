package org.disclosurereports.console;

import org.disclosurereports.store.ConsoleAccounts;
import org.disclosurereports.store.ConsoleAccounts.Role;
import org.disclosurereports.store.RecordStore;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's accounts as the command line manages them: names, roles, agencies and passwords, each
 * checked before it is stored. Passwords are kept as a slow adaptive hash (bcrypt, with its
 * {@code {bcrypt}} prefix so that a later algorithm can take over without invalidating old hashes).
 */
@Component
public class ConsoleUsers {

    /** A refused request, with the sentence that says why. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ConsoleAccounts accounts;
    private final RecordStore records;
    private final PasswordEncoder encoder;

    public ConsoleUsers(ConsoleAccounts accounts, RecordStore records) {
        this.accounts = accounts;
        this.records = records;
        this.encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    public PasswordEncoder encoder() {
        return encoder;
    }

    public void add(String username, String roleId, String agencyCode, String password) {
        if (!NAME.matcher(username).matches()) {
            throw new Refused("the account name '" + username + "' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        Role role = Role.of(roleId).orElseThrow(() -> new Refused("--role must be unit, reviewer, auditor or admin, not '" + roleId + "'"));
        boolean needsAgency = role == Role.UNIT || role == Role.REVIEWER;
        if (needsAgency && agencyCode == null) {
            throw new Refused("a " + role.id() + " account belongs to an agency: give --agency CODE");
        }
        if (!needsAgency && agencyCode != null) {
            throw new Refused("an " + role.id() + " account sees every agency: leave out --agency");
        }
        if (agencyCode != null && records.agency(agencyCode).isEmpty()) {
            throw new Refused("there is no agency " + agencyCode + " in the database (run the year first, or check the code in agencies.csv)");
        }
        checkPassword(password);
        if (!accounts.add(username, encoder.encode(password), role, agencyCode)) {
            throw new Refused("an account named " + username + " exists already (change its password with: user password " + username + ")");
        }
    }

    public List<ConsoleAccounts.Account> list() {
        return accounts.all();
    }

    public void disable(String username) {
        if (!accounts.disable(username)) {
            throw new Refused("there is no account named " + username);
        }
    }

    public void changePassword(String username, String password) {
        checkPassword(password);
        if (!accounts.changePassword(username, encoder.encode(password))) {
            throw new Refused("there is no account named " + username);
        }
    }

    public Optional<ConsoleAccounts.Account> find(String username) {
        return accounts.find(username);
    }

    private static void checkPassword(String password) {
        if (password == null || password.strip().length() < MIN_PASSWORD_LENGTH) {
            throw new Refused("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }
}
