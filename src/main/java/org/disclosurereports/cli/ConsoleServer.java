package org.disclosurereports.cli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web server of {@code serve}: the review console on {@code --bind} (127.0.0.1 by default: this
 * machine only) and {@code --port} (8080 by default). As with {@link MetricsServer}, the server has to
 * be chosen before the application context exists, so this run listener reads the command line; every
 * other command keeps {@code spring.main.web-application-type=none}. The console's own beans switch on
 * with {@code disclosure.console.enabled}; the data and output directories reach them as properties.
 */
public class ConsoleServer implements SpringApplicationRunListener {

    public static final String COMMAND = "serve";
    static final String DEFAULT_PORT = "8080";
    static final String DEFAULT_BIND = "127.0.0.1";
    /** How long a signed-in session lasts without a request. */
    static final String SESSION_TIMEOUT = "30m";

    private final String[] args;

    public ConsoleServer(SpringApplication application, String[] args) {
        this.args = args;
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrap, ConfigurableEnvironment environment) {
        Map<String, Object> settings = settings(args);
        if (!settings.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("serve mode console server", settings));
        }
    }

    /** The Spring settings for {@code args}: the console's server for serve, nothing otherwise. */
    static Map<String, Object> settings(String[] args) {
        if (args.length == 0 || !args[0].equals(COMMAND) || Options.asksForHelp(args)) {
            return Map.of();
        }
        String port = value(args, "port", DEFAULT_PORT);
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            return Map.of(); // the serve command's usage error, with its usage text
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.main.web-application-type", "servlet");
        settings.put("server.port", port);
        settings.put("server.address", value(args, "bind", DEFAULT_BIND));
        settings.put("server.servlet.session.timeout", SESSION_TIMEOUT);
        settings.put("server.servlet.session.cookie.http-only", "true");
        settings.put("server.servlet.session.cookie.same-site", "strict");
        settings.put("server.servlet.session.tracking-modes", "cookie");
        // The console's port serves the console alone: metrics belong to schedule mode.
        settings.put("management.endpoints.web.exposure.exclude", "*");
        settings.put("disclosure.console.enabled", "true");
        settings.put("disclosure.console.data", value(args, "data", ""));
        settings.put("disclosure.console.out", value(args, "out", ""));
        settings.put("disclosure.console.templates", value(args, "templates", ""));
        settings.put("disclosure.console.jobs", value(args, "jobs", ""));
        return settings;
    }

    private static String value(String[] args, String name, String otherwise) {
        return MetricsServer.value(args, name, otherwise);
    }
}
