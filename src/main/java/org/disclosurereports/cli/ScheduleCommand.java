package org.disclosurereports.cli;

import org.disclosurereports.operations.JobDefinition;
import org.disclosurereports.operations.JobDefinitions;
import org.disclosurereports.operations.Scheduler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code schedule --jobs DIR [--runs N]}: the long-running mode. Reads the job definitions of DIR
 * (see {@link JobDefinitions}), refuses them all at start if any is wrong, then runs each when its
 * cron fires, exactly as {@code run} would (same leases, same restarts, same exit codes, logged).
 */
@Component
public class ScheduleCommand implements Command {

    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);

    static final String PORT = "metrics-port";
    static final String BIND = "metrics-bind";
    static final String DEFAULT_PORT = "9469";
    static final String DEFAULT_BIND = "127.0.0.1";
    static final String OFF = "off";

    private final RunCommand run;
    private final ObjectProvider<ApplicationContext> context;
    private final Clock clock;

    public ScheduleCommand(RunCommand run, ObjectProvider<ApplicationContext> context) {
        this.run = run;
        this.context = context;
        this.clock = Clock.systemDefaultZone();
    }

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public String usage() {
        return """
                schedule --jobs DIR [--runs N] [--metrics-port PORT] [--metrics-bind ADDRESS]
                    run the job definitions of DIR (*.yaml: cron, data, out, years, agencies; see README) whenever
                    their cron expression fires, until stopped; a wrong definition is refused at start
                    --runs          stop after N firings (to try a definition)
                    --metrics-port  serve /actuator/prometheus and /actuator/health on PORT (default 9469;
                                    0: any free port, logged; off: no server)
                    --metrics-bind  the address to serve them on (default 127.0.0.1: this machine only)""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("jobs", "runs", PORT, BIND);
    }

    @Override
    public void check(Options options) {
        String port = options.optional(PORT);
        if (port != null && !port.equals(OFF) && !ServeCommand.port(port)) {
            throw new UsageException("--" + PORT + " must be a port number (0: any free port) or 'off', not '" + port + "'");
        }
    }

    /** The metrics endpoint needs a web server, unless it is turned off. */
    @Override
    public Needs needs(Options options) {
        return OFF.equals(options.optional(PORT)) ? Needs.DATABASE : Needs.WEB;
    }

    @Override
    public Map<String, String> settings(Options options) {
        if (needs(options) != Needs.WEB) {
            return Map.of();
        }
        return Map.of("server.port", options.optional(PORT) == null ? DEFAULT_PORT : options.optional(PORT),
                "server.address", options.optional(BIND) == null ? DEFAULT_BIND : options.optional(BIND));
    }

    @Override
    public ExitCode execute(Options options) {
        Path dir = options.path("jobs").toAbsolutePath().normalize();
        int runs = 0;
        if (options.optional("runs") != null) {
            try {
                runs = Integer.parseInt(options.optional("runs"));
            } catch (NumberFormatException e) {
                throw new UsageException("--runs must be a number, not '" + options.optional("runs") + "'");
            }
        }
        if (context.getObject() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info("schedule: metrics at http://{}:{}/actuator/prometheus (health: /actuator/health)",
                    web.getEnvironment().getProperty("server.address", DEFAULT_BIND), web.getWebServer().getPort());
        }
        List<JobDefinition> jobs;
        try {
            jobs = JobDefinitions.load(dir);
        } catch (JobDefinitions.Invalid e) {
            System.err.println("The job definitions in " + dir + " were refused; nothing was scheduled:");
            e.problems().forEach(p -> System.err.println("  - " + p));
            return ExitCode.USAGE;
        }
        Scheduler scheduler = new Scheduler(jobs, clock, ScheduleCommand::sleepUntil, this::fire);
        scheduler.nextAfter(clock.instant()).forEach((job, at) ->
                log.info("schedule: {} ({}) next at {}", job.file(), job.cronText(), at.toOffsetDateTime()));
        try {
            List<Integer> codes = scheduler.run(runs);
            return codes.stream().allMatch(c -> c == 0) ? ExitCode.OK : ExitCode.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.OK;
        }
    }

    /** One firing: a run per year and (if listed) per agency. The worst exit code counts. */
    int fire(JobDefinition job, ZonedDateTime at) {
        int worst = 0;
        for (int year : job.yearsOn(at.toLocalDate())) {
            List<String> agencies = job.agencies().isEmpty() ? Collections.singletonList(null) : job.agencies();
            for (String agency : agencies) {
                Map<String, String> values = new HashMap<>();
                values.put("data", job.data().toString());
                values.put("out", job.out().toString());
                values.put("year", String.valueOf(year));
                if (agency != null) {
                    values.put("agency", agency);
                }
                if (job.encoding() != null) {
                    values.put("encoding", job.encoding());
                }
                if (job.templates() != null) {
                    values.put("templates", job.templates().toString());
                }
                Set<String> flags = new HashSet<>();
                if (job.force()) {
                    flags.add("force");
                }
                log.info("schedule: {} fired ({}): run --year {}{}", job.file(), at.toOffsetDateTime(), year, agency == null ? "" : " --agency " + agency);
                ExitCode code;
                try {
                    code = run.execute(new Options("run", values, flags));
                } catch (RuntimeException e) {
                    log.error("schedule: {} year {}: {}", job.file(), year, e.getMessage());
                    code = ExitCode.FAILED;
                }
                log.info("schedule: {} year {}{}: exit code {} ({})", job.file(), year, agency == null ? "" : " " + agency, code.code(), code);
                worst = Math.max(worst, code.code());
            }
        }
        return worst;
    }

    static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

}
