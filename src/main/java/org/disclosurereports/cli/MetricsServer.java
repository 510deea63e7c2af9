package org.disclosurereports.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics endpoint of {@code schedule} mode: {@code /actuator/prometheus} and {@code /actuator/health}
 * on {@code --metrics-bind} (127.0.0.1 by default) and {@code --metrics-port} (0: any free port, off: none).
 * Every other command runs without a web server ({@code spring.main.web-application-type=none}); the
 * server has to be chosen before the application context exists, hence a run listener that reads the
 * command line rather than the command itself.
 */
public class MetricsServer implements SpringApplicationRunListener {

    public static final String PORT = "metrics-port";
    public static final String BIND = "metrics-bind";
    static final String DEFAULT_PORT = "9469";
    static final String DEFAULT_BIND = "127.0.0.1";
    static final String OFF = "off";

    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);

    private final String[] args;

    public MetricsServer(SpringApplication application, String[] args) {
        this.args = args;
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrap, ConfigurableEnvironment environment) {
        Map<String, Object> settings = settings(args);
        if (!settings.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("schedule mode metrics server", settings));
        }
    }

    @Override
    public void started(ConfigurableApplicationContext context, Duration timeTaken) {
        if (args.length > 0 && args[0].equals("schedule") && context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String address = context.getEnvironment().getProperty("server.address", DEFAULT_BIND);
            log.info("schedule: metrics at http://{}:{}/actuator/prometheus (health: /actuator/health)", address, web.getWebServer().getPort());
        }
    }

    /** The Spring settings for {@code args}: an embedded server for schedule mode, none otherwise. */
    static Map<String, Object> settings(String[] args) {
        if (args.length == 0 || !args[0].equals("schedule")) {
            return Map.of();
        }
        String port = value(args, PORT, DEFAULT_PORT);
        if (port.equals(OFF) || !validPort(port)) {
            return Map.of(); // a wrong port is the schedule command's usage error, with its usage text
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.main.web-application-type", "servlet");
        settings.put("server.port", port);
        settings.put("server.address", value(args, BIND, DEFAULT_BIND));
        return settings;
    }

    static boolean validPort(String port) {
        return port.equals(OFF) || port.matches("\\d{1,5}") && Integer.parseInt(port) <= 65535;
    }

    /** The value of {@code --name value} or {@code --name=value} (what {@link Options} accepts). */
    static String value(String[] args, String name, String otherwise) {
        List<String> all = List.of(args);
        for (int i = 1; i < all.size(); i++) {
            String a = all.get(i);
            if (a.equals("--" + name) && i + 1 < all.size()) {
                return all.get(i + 1);
            }
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return otherwise;
    }
}
