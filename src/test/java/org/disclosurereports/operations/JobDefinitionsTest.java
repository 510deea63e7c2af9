package org.disclosurereports.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.support.CronExpression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobDefinitionsTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void readsADefinitionWithRelativeYearsAndACrontabStyleExpression() throws Exception {
        write("nightly.yaml", """
                cron: "30 1 * * *"
                zone: Asia/Shanghai
                data: %s
                out: %s/out
                years: [current, previous]
                agencies: [SL-JD1]
                """.formatted(dir, dir));
        List<JobDefinition> jobs = JobDefinitions.load(dir);
        assertThat(jobs).hasSize(1);
        JobDefinition job = jobs.get(0);
        assertThat(job.file()).isEqualTo("nightly.yaml");
        assertThat(job.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        // 5 fields read as crontab: second 0 added
        assertThat(job.cron().next(LocalDate.of(2025, 1, 10).atStartOfDay())).isEqualTo(LocalDate.of(2025, 1, 10).atTime(1, 30));
        // In January the drafts are for the year just ended and, already, the new one.
        assertThat(job.yearsOn(LocalDate.of(2025, 1, 10))).containsExactly(2025, 2024);
        assertThat(job.agencies()).containsExactly("SL-JD1");
        assertThat(job.force()).isFalse();
    }

    @Test
    void localDeadlinesMayBeEarlierThanTheStatutoryOnesNeverLater() throws Exception {
        write("early.yaml", """
                cron: "30 1 * * *"
                data: %s
                out: %s/out
                years: [2024]
                deadlines: {units: "01-20"}
                """.formatted(dir, dir));
        JobDefinition job = JobDefinitions.load(dir).get(0);
        assertThat(job.deadlines().due(2024, false)).isEqualTo(LocalDate.of(2025, 1, 20));
        assertThat(job.deadlines().due(2024, true)).as("not given: statutory").isEqualTo(LocalDate.of(2025, 3, 31));

        write("early.yaml", """
                cron: "30 1 * * *"
                data: %s
                out: %s/out
                years: [2024]
                deadlines: {units: "02-10", top: "3/1", until: "04-01"}
                """.formatted(dir, dir));
        assertThatThrownBy(() -> JobDefinitions.load(dir))
                .hasMessageContaining("early.yaml: field 'deadlines.until': unknown (units, top)")
                .hasMessageContaining("early.yaml: field 'deadlines.units': 02-10 is later than the statutory 01-31");
    }

    @Test
    void withoutDeadlinesTheStatutoryDatesApply() throws Exception {
        write("plain.yaml", """
                cron: "30 1 * * *"
                data: %s
                out: %s/out
                years: [2024]
                """.formatted(dir, dir));
        assertThat(JobDefinitions.load(dir).get(0).deadlines()).isEqualTo(ReportDeadlines.STATUTORY);
        assertThat(ReportDeadlines.STATUTORY.due(2024, false)).isEqualTo(LocalDate.of(2025, 1, 31));
    }

    @Test
    void everyProblemOfEveryFileIsNamedByFileAndField() throws Exception {
        write("a.yaml", """
                cron: "61 * * * * *"
                data: %s/missing
                out: %s
                years: [2024, last]
                colour: blue
                """.formatted(dir, dir));
        write("b.yml", """
                data: %s
                out: %s
                years: 2018
                force: sometimes
                """.formatted(dir, dir));
        write("notes.txt", "not a definition");
        assertThatThrownBy(() -> JobDefinitions.load(dir))
                .isInstanceOfSatisfying(JobDefinitions.Invalid.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "a.yaml: field 'colour': unknown (fields: cron, zone, data, out, years, agencies, force, encoding, templates, deadlines)",
                        "a.yaml: field 'cron': '61 * * * * *' is not a cron expression (" + cronMessage("61 * * * * *") + ")",
                        "a.yaml: field 'data': directory " + dir.resolve("missing") + " does not exist",
                        "a.yaml: field 'years': 'last' is not a year from 2019 on, 'current' or 'previous'",
                        "b.yml: field 'cron': missing",
                        "b.yml: field 'years': '2018' is not a year from 2019 on, 'current' or 'previous'",
                        "b.yml: field 'force': 'sometimes' is not true or false"));
    }

    @Test
    void anEmptyDirectoryOrBrokenYamlIsRefused() throws Exception {
        assertThatThrownBy(() -> JobDefinitions.load(dir)).hasMessageContaining("no job definitions");
        write("x.yaml", "cron: [unclosed");
        assertThatThrownBy(() -> JobDefinitions.load(dir)).hasMessageStartingWith("x.yaml: not valid YAML");
    }

    private static String cronMessage(String expression) {
        try {
            CronExpression.parse(expression);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void theShippedDemoDefinitionIsValid() throws Exception {
        List<JobDefinition> jobs = JobDefinitions.load(Path.of("jobs"));
        assertThat(jobs).extracting(JobDefinition::file).contains("demo.yaml");
        assertThat(jobs.get(0).data()).isEqualTo(Path.of("sample-data").toAbsolutePath());
    }
}
