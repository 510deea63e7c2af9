package org.disclosurereports.schedule;

import org.disclosurereports.support.ChildJvm;
import org.disclosurereports.support.SampleData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real JVMs on the embedded default: each "installation" is a working directory with its H2 file
 * database in {@code var/} (the default URL, AUTO_SERVER so JVMs can share it).
 */
class NightlyOperationsJvmH2Test extends NightlyOperationsJvmContract {

    @Override
    List<String> database(String name) {
        return List.of(); // the default: ./var under the JVM's working directory
    }

    @Test
    void scheduleModeRunsTheJobDefinitionsWhenTheirCronFires() throws Exception {
        Path jobs = tmp.resolve("jobs");
        Files.createDirectories(jobs);
        Path out = tmp.resolve("out");
        Files.writeString(jobs.resolve("nightly.yaml"), """
                # every second: the test waits for one firing
                cron: "* * * * * *"
                data: %s
                out: %s
                years: [2024]
                agencies: [SL-JD1, SL-JD2]
                """.formatted(SampleData.DIR, out));
        ChildJvm schedule = ChildJvm.start(tmp.resolve("s"), List.of(), List.of("schedule", "--jobs", jobs.toString(), "--runs", "1"));
        assertThat(schedule.waitFor()).as(schedule.toString()).isZero();
        assertThat(schedule.stdout()).contains("RUN 2024 SL-JD1: COMPLETED").contains("RUN 2024 SL-JD2: COMPLETED");
        assertThat(out.resolve("2024/SL-JD1/report.pdf")).exists();
        assertThat(out.resolve("2024/SL-JD2/report.pdf")).exists();

        Files.writeString(jobs.resolve("broken.yaml"), """
                cron: "every night"
                data: %s
                out: %s
                years: [2024]
                """.formatted(SampleData.DIR, out));
        ChildJvm refused = ChildJvm.start(tmp.resolve("s"), List.of(), List.of("schedule", "--jobs", jobs.toString()));
        assertThat(refused.waitFor()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.stderr()).contains("broken.yaml: field 'cron': 'every night' is not a cron expression");
    }
}
