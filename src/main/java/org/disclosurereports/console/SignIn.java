package org.disclosurereports.console;

import org.disclosurereports.store.ConsoleAccounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Signing in to the console: accounts come from the database, and guessing is slowed down. After
 * {@link #FAILURES_BEFORE_LOCK} wrong passwords in a row an account is locked for {@link #LOCK}: a
 * correct password is refused until then (the login page says only that signing in failed).
 */
@Component
public class SignIn implements UserDetailsService {

    static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    private final ConsoleAccounts accounts;

    public SignIn(ConsoleAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(username).map(ConsoleUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no console account " + username));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String name = String.valueOf(event.getAuthentication().getPrincipal());
        accounts.failedLogin(name, FAILURES_BEFORE_LOCK, Instant.now().plus(LOCK));
        log.warn("console: failed sign-in as {}", name);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.succeededLogin(event.getAuthentication().getName());
    }
}
