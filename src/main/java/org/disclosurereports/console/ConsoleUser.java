package org.disclosurereports.console;

import org.disclosurereports.store.ConsoleAccounts;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A signed-in account of the console: its name, role and agency, as Spring Security holds it. */
public record ConsoleUser(ConsoleAccounts.Account account) implements UserDetails {

    public ConsoleAccounts.Role role() {
        return account.role();
    }

    public String agencyCode() {
        return account.agencyCode();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return account.lockedUntil() == null || account.lockedUntil().isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return !account.disabled();
    }
}
