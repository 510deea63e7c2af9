package org.disclosurereports.console;

import org.disclosurereports.job.RunParameters;
import org.disclosurereports.operations.JobDefinition;
import org.disclosurereports.operations.JobDefinitions;
import org.disclosurereports.operations.ReportDeadlines;
import org.disclosurereports.render.Templates;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What {@code serve} was started with: the data directory (office texts are written into its
 * {@code narrative/}), the output directory the nightly run writes (read, and written on submission),
 * and the templates, one FreeMarker configuration for the console's pages and the reports it rebuilds.
 */
@Component
@ConditionalOnProperty(name = "disclosure.console.enabled", havingValue = "true")
public class ConsoleSettings {

    /** Deadlines and dates are those of the offices, whatever the server's time zone. */
    static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    private final Path data;
    private final Path out;
    private final Templates templates;
    private final Clock clock;
    private final ReportDeadlines deadlines;

    /**
     * @param jobs a directory of job definitions, or blank: the deadlines of the definition that writes
     *             {@code out} apply (earlier local dates), the statutory ones otherwise
     */
    public ConsoleSettings(@Value("${disclosure.console.data}") String data, @Value("${disclosure.console.out}") String out,
                           @Value("${disclosure.console.templates:}") String templates, @Value("${disclosure.console.jobs:}") String jobs)
            throws JobDefinitions.Invalid {
        this.data = Path.of(data).toAbsolutePath().normalize();
        this.out = RunParameters.realDirectory(Path.of(out));
        this.templates = new Templates(templates.isBlank() ? null : Path.of(templates));
        this.clock = Clock.system(OFFICE_ZONE);
        this.deadlines = jobs.isBlank() ? ReportDeadlines.STATUTORY : JobDefinitions.load(Path.of(jobs)).stream()
                .filter(j -> RunParameters.realDirectory(j.out()).equals(this.out)).map(JobDefinition::deadlines)
                .findFirst().orElse(ReportDeadlines.STATUTORY);
    }

    public ReportDeadlines deadlines() {
        return deadlines;
    }

    public Path data() {
        return data;
    }

    public Path out() {
        return out;
    }

    public Templates templates() {
        return templates;
    }

    public Clock clock() {
        return clock;
    }
}
