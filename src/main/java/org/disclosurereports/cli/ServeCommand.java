package org.disclosurereports.cli;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code serve --data DIR --out DIR [--port 8080] [--bind 127.0.0.1]}: the review console, on the same
 * database as {@code run}. The server is chosen before the application starts ({@link #settings}, with
 * the console's session settings); this command checks the directories, says where the console is and
 * keeps it open until the process is stopped.
 */
@Component
public class ServeCommand implements Command {

    static final String DEFAULT_PORT = "8080";
    static final String DEFAULT_BIND = "127.0.0.1";
    /** How long a signed-in session lasts without a request. */
    static final String SESSION_TIMEOUT = "30m";

    private final ObjectProvider<ApplicationContext> context;
    private final UntilStopped stopped;

    public ServeCommand(ObjectProvider<ApplicationContext> context, UntilStopped stopped) {
        this.context = context;
        this.stopped = stopped;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String usage() {
        return """
                serve --data DIR --out DIR [--port 8080] [--bind 127.0.0.1] [--templates DIR] [--jobs DIR]
                    the review console in a browser: units write their passages and submit, reviewers return or
                    approve and publish (see docs/console.md); accounts are made with user add
                    --port  the port to listen on (default 8080)
                    --bind  the address to listen on (default 127.0.0.1: this machine only)
                    --jobs  job definitions: the deadlines of the one writing --out (default 31 January for
                            units, 31 March for the top agency)""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("data", "out", "port", "bind", "templates", "jobs");
    }

    @Override
    public Needs needs(Options options) {
        return Needs.WEB;
    }

    @Override
    public void check(Options options) {
        String port = options.optional("port");
        if (port != null && !port(port)) {
            throw new UsageException("--port must be a port number, not '" + port + "'");
        }
    }

    static boolean port(String port) {
        return port.matches("\\d{1,5}") && Integer.parseInt(port) <= 65535;
    }

    /**
     * The console's server on {@code --bind} (this machine only by default) and {@code --port}; the
     * console's own beans switch on with {@code disclosure.console.enabled}, and the directories reach
     * them as properties.
     */
    @Override
    public Map<String, String> settings(Options options) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", options.optional("port") == null ? DEFAULT_PORT : options.optional("port"));
        settings.put("server.address", bind(options));
        settings.put("server.servlet.session.timeout", SESSION_TIMEOUT);
        settings.put("server.servlet.session.cookie.http-only", "true");
        settings.put("server.servlet.session.cookie.same-site", "strict");
        settings.put("server.servlet.session.tracking-modes", "cookie");
        // The console's port serves the console alone: metrics belong to schedule mode.
        settings.put("management.endpoints.web.exposure.exclude", "*");
        settings.put("disclosure.console.enabled", "true");
        settings.put("disclosure.console.data", valueOf(options, "data"));
        settings.put("disclosure.console.out", valueOf(options, "out"));
        settings.put("disclosure.console.templates", valueOf(options, "templates"));
        settings.put("disclosure.console.jobs", valueOf(options, "jobs"));
        return settings;
    }

    private static String bind(Options options) {
        return options.optional("bind") == null ? DEFAULT_BIND : options.optional("bind");
    }

    private static String valueOf(Options options, String name) {
        return options.optional(name) == null ? "" : options.optional(name);
    }

    @Override
    public ExitCode execute(Options options) {
        Path data = options.path("data");
        Path out = options.path("out");
        if (!Files.isDirectory(data)) {
            System.err.println("serve: the data directory " + data.toAbsolutePath() + " does not exist.");
            return ExitCode.INPUT_REFUSED;
        }
        if (!Files.isDirectory(out)) {
            System.err.println("serve: the output directory " + out.toAbsolutePath() + " does not exist (run a year first).");
            return ExitCode.INPUT_REFUSED;
        }
        if (!(context.getObject() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            System.err.println("serve: the web server did not start.");
            return ExitCode.FAILED;
        }
        String address = web.getEnvironment().getProperty("server.address", DEFAULT_BIND);
        System.out.println("Review console at http://" + address + ":" + web.getWebServer().getPort() + "/ (stop with Ctrl-C)");
        return stopped.await();
    }
}
