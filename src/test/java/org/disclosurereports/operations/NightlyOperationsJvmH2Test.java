package org.disclosurereports.operations;

import org.disclosurereports.support.ChildJvm;
import org.disclosurereports.support.SampleData;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real JVMs on the embedded default: each "installation" is a working directory with its H2 file
 * database in {@code var/} (the default URL, AUTO_SERVER so JVMs can share it). Besides the contract,
 * the nightly stories in which the database plays no part of its own (a sealed report over a changed
 * night, schedule mode) run here only: their records and seals go through the same store code the
 * in-process contracts run on both databases.
 */
class NightlyOperationsJvmH2Test extends NightlyOperationsJvmContract {

    @Override
    boolean otherScopesRunSideBySide() {
        return false;
    }

    @Override
    List<String> database(String name) {
        return List.of(); // the default: ./var under the JVM's working directory
    }

    /** The buildReports step's time in the last run's run-summary.json. */
    static double buildSeconds(Path out) {
        for (var step : SampleData.read(out.resolve("2024/run-summary.json")).get("steps")) {
            if (step.get("step").asText().equals("buildReports")) {
                return step.get("seconds").asDouble();
            }
        }
        throw new AssertionError("no buildReports step in run-summary.json");
    }

    @Test
    void aSealedReportSurvivesAChangedNightAndItsDifferencesAreReported() throws Exception {
        Path data = SampleData.copyTo(tmp.resolve("data"));
        Path out = tmp.resolve("out");
        Path work = tmp.resolve("w");
        String[] cmd = {"run", "--data", data.toString(), "--year", "2024", "--out", out.toString()};
        assertThat(run("seal", work, List.of(), cmd).waitFor()).isZero();
        double firstBuild = buildSeconds(out);
        ChildJvm seal = run("seal", work, List.of(), "seal", "--out", out.toString(), "--year", "2024", "--agency", "SL-JD1", "--by", "办公室");
        assertThat(seal.waitFor()).as(seal.toString()).isZero();
        byte[] pdf = Files.readAllBytes(out.resolve("2024/SL-JD1/report.pdf"));
        byte[] tables = Files.readAllBytes(out.resolve("2024/SL-JD1/tables.json"));

        // At the source, SL-JD1 grants an application it had partially granted, and a new one arrives.
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("applications.csv"), StandardCharsets.UTF_8));
        lines.add("LATE-0001,SL-JD1,2024-12-30,natural_person,,,,");
        Files.write(data.resolve("applications.csv"), lines, StandardCharsets.UTF_8);

        ChildJvm night = run("seal", work, List.of(), cmd);
        assertThat(night.waitFor()).as(night.toString()).isZero();
        // Nothing else changed: the other nine are not built again; the sealed one is compared, not rebuilt.
        assertThat(night.stdout()).contains("reports 0 built, " + (UNITS - 1) + " unchanged, 1 sealed (");
        // ... which the timings show: ten reports rendered, against fingerprints compared.
        assertThat(buildSeconds(out)).as("buildReports seconds, first night %s", firstBuild).isLessThan(firstBuild / 2);
        assertThat(Files.readAllBytes(out.resolve("2024/SL-JD1/report.pdf"))).isEqualTo(pdf);
        assertThat(Files.readAllBytes(out.resolve("2024/SL-JD1/tables.json"))).isEqualTo(tables);
        List<String> diff = Files.readAllLines(out.resolve("2024/SL-JD1/sealed-differences.csv"), StandardCharsets.UTF_8);
        assertThat(diff.get(0)).startsWith("agency_code,year,table,row,column,published,now");
        // new_received natural_person and total, carried_forward (still open at year end) natural_person and total
        assertThat(diff).anyMatch(l -> l.startsWith("SL-JD1,2024,table3,rows / new_received,natural_person,"));
        assertThat(diff).anyMatch(l -> l.startsWith("SL-JD1,2024,table3,rows / carried_forward,total,"));
        assertThat(night.stdout()).contains("1 sealed (" + (diff.size() - 1) + " differences)");
        assertThat(night.stderr() + night.stdout()).contains("SL-JD1 2024 is sealed");
        String index = Files.readString(out.resolve("2024/index.html"));
        assertThat(index).contains("已定稿").contains("数据已变化" + (diff.size() - 1) + "处");

        // The office corrects the published report: unsealed, the next night builds it again, and only it.
        ChildJvm unseal = run("seal", work, List.of(), "unseal", "--year", "2024", "--agency", "SL-JD1");
        assertThat(unseal.waitFor()).as(unseal.toString()).isZero();
        ChildJvm rebuilt = run("seal", work, List.of(), "run", "--data", data.toString(), "--year", "2024", "--out", out.toString());
        assertThat(rebuilt.waitFor()).as(rebuilt.toString()).isZero();
        assertThat(rebuilt.stdout()).contains("reports 1 built, " + (UNITS - 1) + " unchanged, 0 sealed (0 differences)");
        assertThat(out.resolve("2024/SL-JD1/sealed-differences.csv")).doesNotExist();
        assertThat(Files.readAllBytes(out.resolve("2024/SL-JD1/tables.json"))).isNotEqualTo(tables);
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
        ChildJvm schedule = ChildJvm.start(tmp.resolve("s"), List.of(), withDatabase("schedule", "schedule", "--jobs", jobs.toString(), "--runs", "1", "--metrics-port", "0"));
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
        ChildJvm refused = ChildJvm.start(tmp.resolve("s"), List.of(), withDatabase("schedule", "schedule", "--jobs", jobs.toString()));
        assertThat(refused.waitFor()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.stderr()).contains("broken.yaml: field 'cron': 'every night' is not a cron expression");
    }

    private List<String> withDatabase(String db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(database(db));
        return all;
    }
}
