package org.disclosurereports.operations.metrics;

import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.job.PipelineStep;
import org.disclosurereports.job.RunManifest;
import org.disclosurereports.support.ChildJvm;
import org.disclosurereports.support.SampleData;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways out of the metrics, in JVMs of their own on the embedded database: metrics.prom after a
 * run (cron), the endpoint of schedule mode. Their figures are checked against run-summary.json.
 */
class MetricsJvmH2Test {

    @TempDir
    Path tmp;

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);

    /** The samples of a Prometheus text exposition: {@code name{labels}} → value. */
    static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new HashMap<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    /** The figures of metrics.prom (or the endpoint) are run-summary.json's and the run line's. */
    static void assertAgree(Map<String, Double> samples, JsonNode summary, String agency, String runLine) {
        String scope = "agency=\"" + agency + "\"";
        int kinds = 0;
        for (JsonNode input : summary.path("inputs")) {
            String kind = kindOf(input.path("file").asText());
            for (String outcome : List.of("read", "loaded", "rejected")) {
                String key = "disclosure_run_rows{" + scope + ",kind=\"" + kind + "\",outcome=\"" + outcome + "\",year=\"2024\"}";
                assertThat(samples).as(key).containsEntry(key, input.path(outcome).asDouble());
            }
            kinds++;
        }
        assertThat(kinds).isGreaterThanOrEqualTo(10);
        assertThat(samples).containsEntry("disclosure_run_reports{" + scope + ",status=\"built\",year=\"2024\"}", summary.path("reports_built").asDouble());
        assertThat(samples).containsEntry("disclosure_run_reports{" + scope + ",status=\"failed\",year=\"2024\"}", (double) summary.path("failed_reports").size());
        Matcher findings = Pattern.compile("validation (\\d+) blocking, (\\d+) warnings").matcher(runLine);
        assertThat(findings.find()).as(runLine).isTrue();
        assertThat(samples).containsEntry("disclosure_run_validation_findings{" + scope + ",severity=\"blocking\",year=\"2024\"}", Double.parseDouble(findings.group(1)));
        assertThat(samples).containsEntry("disclosure_run_validation_findings{" + scope + ",severity=\"warning\",year=\"2024\"}", Double.parseDouble(findings.group(2)));
        for (JsonNode step : summary.path("steps")) {
            String key = "disclosure_run_step_duration_seconds{" + scope + ",step=\"" + step.path("step").asText() + "\",year=\"2024\"}";
            assertThat(samples).as(key).containsEntry(key, step.path("seconds").asDouble());
        }
        assertThat(samples).containsEntry("disclosure_run_completed{" + scope + ",year=\"2024\"}", summary.path("status").asText().equals("COMPLETED") ? 1.0 : 0.0);
    }

    /** applications.csv → applications, returns_table2.csv → returnsTable2 (the record kind's name). */
    private static String kindOf(String file) {
        String base = file.replaceFirst("\\.[a-z]+$", "");
        StringBuilder kind = new StringBuilder();
        for (String part : base.split("_")) {
            kind.append(kind.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return kind.toString();
    }

    @Test
    void aRunWritesMetricsPromThatAgreesWithRunSummaryJson() throws Exception {
        Path out = tmp.resolve("out");
        ChildJvm run = ChildJvm.start(tmp.resolve("w"), List.of(),
                List.of("run", "--data", SampleData.DIR.toString(), "--year", "2024", "--out", out.toString()));
        assertThat(run.waitFor()).as(run.toString()).isZero();
        String runLine = run.stdout().lines().filter(l -> l.startsWith("RUN 2024")).findFirst().orElseThrow();
        Path prom = out.resolve("2024/metrics.prom");
        String text = Files.readString(prom);
        Map<String, Double> samples = samples(text);
        JsonNode summary = TablesJson.JSON.readTree(out.resolve("2024/run-summary.json").toFile());

        assertAgree(samples, summary, "all", runLine);
        assertThat(samples).containsEntry("disclosure_run_rows{agency=\"all\",kind=\"applications\",outcome=\"rejected\",year=\"2024\"}", 3.0);
        assertThat(samples).containsEntry("disclosure_runs_total{status=\"COMPLETED\"}", 1.0);
        assertThat(samples).containsEntry("disclosure_lease_takeovers_total{lease=\"run\"}", 0.0);
        assertThat(samples).containsKey("disclosure_load_turn_wait_seconds_count");
        // Spring Batch's own observation of each step, from the same run.
        assertThat(text).contains("spring_batch_step_seconds_count{");
        for (PipelineStep step : PipelineStep.values()) {
            if (step != PipelineStep.BUILD_REPORTS_PARTITION) { // observed as its partitions, buildReportsPartition:units-N
                assertThat(text).as("Spring Batch's observation of %s", step.stepName())
                        .contains("spring_batch_step_name=\"" + step.stepName() + "\"");
            }
        }
        // Written like every output of the run: complete or not at all, and hashed by the manifest.
        assertThat(Files.readString(out.resolve("2024/manifest.json"))).contains("\"metrics.prom\"");
        try (var files = Files.list(out.resolve("2024"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void scheduleModeServesThePrometheusAndHealthEndpointsOnLocalhost() throws Exception {
        Path jobs = tmp.resolve("jobs");
        Files.createDirectories(jobs);
        Path out = tmp.resolve("out");
        Files.writeString(jobs.resolve("nightly.yaml"), """
                cron: "* * * * * *"
                data: %s
                out: %s
                years: [2024]
                agencies: [SL-JD1, SL-JD2]
                """.formatted(SampleData.DIR, out));
        Path resume = tmp.resolve("resume");
        ChildJvm schedule = ChildJvm.start(tmp.resolve("s"), PauseBeforeSecondRun.until(resume),
                List.of("schedule", "--jobs", jobs.toString(), "--runs", "1", "--metrics-port", "0"));
        try {
            assertThat(schedule.awaitOutput("TEST HOOK: second run paused", 240)).as(schedule.toString()).isTrue();
            Matcher at = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/actuator/prometheus").matcher(schedule.stdout());
            assertThat(at.find()).as(schedule.stdout()).isTrue();
            String base = "http://127.0.0.1:" + at.group(1);

            HttpResponse<String> health = get(base + "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(TablesJson.JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
            HttpResponse<String> scrape = get(base + "/actuator/prometheus");
            assertThat(scrape.statusCode()).isEqualTo(200);
            String runLine = schedule.stdout().lines().filter(l -> l.startsWith("RUN 2024 SL-JD1")).findFirst().orElseThrow();
            // A run for one agency keeps its run summary with its own provenance, under runs/: the only run so far.
            List<Path> runDirs;
            try (var runs = Files.list(out.resolve("2024").resolve(RunManifest.RUNS_DIR))) {
                runDirs = runs.filter(Files::isDirectory).toList();
            }
            assertThat(runDirs).hasSize(1);
            Path runDir = runDirs.get(0);
            JsonNode summary = TablesJson.JSON.readTree(runDir.resolve("run-summary.json").toFile());
            Map<String, Double> samples = samples(scrape.body());
            assertAgree(samples, summary, "SL-JD1", runLine);
            assertThat(samples).containsEntry("disclosure_run_reports{agency=\"SL-JD1\",status=\"built\",year=\"2024\"}", 1.0);
            assertThat(samples).containsEntry("disclosure_runs_total{status=\"COMPLETED\"}", 1.0);
            // Spring Batch's job observation of the first run has ended; the endpoint serves nothing else.
            assertThat(scrape.body()).contains("spring_batch_job_seconds_count{");
            assertThat(get(base + "/actuator/env").statusCode()).isEqualTo(404);
        } finally {
            Files.createFile(resume);
        }
        assertThat(schedule.waitFor()).as(schedule.toString()).isZero();
        assertThat(schedule.stdout()).contains("RUN 2024 SL-JD2: COMPLETED");
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
