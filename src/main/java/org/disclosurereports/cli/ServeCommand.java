package org.disclosurereports.cli;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code serve --data DIR --out DIR [--port 8080] [--bind 127.0.0.1]}: the review console, on the same
 * database as {@code run}. The server itself is started with the application ({@link ConsoleServer});
 * this command checks the directories, says where the console is and keeps it open until the process is stopped.
 */
@Component
public class ServeCommand implements Command {

    private final ObjectProvider<ApplicationContext> context;
    private final UntilStopped stopped;

    public ServeCommand(ObjectProvider<ApplicationContext> context, UntilStopped stopped) {
        this.context = context;
        this.stopped = stopped;
    }

    @Override
    public String name() {
        return ConsoleServer.COMMAND;
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
    public ExitCode execute(Options options) {
        Path data = options.path("data");
        Path out = options.path("out");
        String port = options.optional("port");
        if (port != null && (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535)) {
            throw new UsageException("--port must be a port number, not '" + port + "'");
        }
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
        String address = web.getEnvironment().getProperty("server.address", ConsoleServer.DEFAULT_BIND);
        System.out.println("Review console at http://" + address + ":" + web.getWebServer().getPort() + "/ (stop with Ctrl-C)");
        return stopped.await();
    }
}
