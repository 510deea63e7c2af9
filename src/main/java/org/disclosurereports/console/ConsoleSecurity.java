package org.disclosurereports.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The web security of the application's two servers. {@code serve}: form login at {@code /login} with
 * CSRF protection (fields {@code username}, {@code password}, {@code _csrf}), every other page for
 * signed-in accounts only (which agency's pages each may open is checked per request by the console
 * itself, {@link AgencyScope}), sessions that expire (the settings of {@code serve}), and headers that keep
 * pages out of frames and scripts out of pages. {@code schedule}: the metrics endpoints as the actuator
 * exposes them, without sign-in, as before the console existed.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleSecurity {

    /** No scripts at all; the reports' own stylesheets are inline. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @ConditionalOnProperty(name = "disclosure.console.enabled", havingValue = "true")
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/login", "/error").permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/reports", true).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    @ConditionalOnProperty(name = "disclosure.console.enabled", havingValue = "false", matchIfMissing = true)
    SecurityFilterChain metricsOnly(HttpSecurity http) throws Exception {
        // What is served is what the actuator exposes (health and prometheus, read-only): the rest answers 404 as without security.
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable()) // read-only endpoints, no session, no form
                .sessionManagement(s -> s.disable());
        return http.build();
    }
}
