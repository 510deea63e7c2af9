package org.disclosurereports.job;

import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.outputs.ReportFilesWriter;
import org.disclosurereports.store.RecordLoads;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code <out>/<year>/manifest.json} (schema {@code disclosure-manifest/v1}): the provenance of a run:
 * SHA-256 and size of every input file the run read and of every file under the year's output
 * directory, the software version, the job parameters and the times, and per record kind every load
 * whose records are behind the figures (this run's input, or records kept from an earlier load with
 * that load's data directory, input and a digest of the rows). An auditor recomputes the hashes to show
 * that a published file is the one that was generated, and reproduces the figures from what it names.
 * An output file unchanged since the last manifest keeps its digest ({@link FileDigests}).
 */
public final class RunManifest {

    public static final String SCHEMA = "disclosure-manifest/v1";
    public static final String FILE = "manifest.json";

    private RunManifest() {}

    /** Where every run keeps its own manifest and run summary, under the year's directory. */
    public static final String RUNS_DIR = "runs";

    public record Run(long instanceId, long executionId, String status, Instant started, Instant finished) {

        /** The year's manifest and run summary describe the outputs of the last run that built every report. */
        boolean replacesYearProvenance(RunParameters p) {
            return "COMPLETED".equals(status) && p.allAgencies();
        }

        /** This run's own directory of provenance: {@code runs/<instance>-<execution>/}. */
        Path directory(RunParameters p) {
            return p.yearDir().resolve(RUNS_DIR).resolve(instanceId + "-" + executionId);
        }
    }

    /**
     * @param records per record kind, the loads whose records are behind the figures: this run's input,
     *                or records kept from an earlier load (with its run, data directory, input and digest)
     */
    static Map<String, Object> of(RunParameters p, Run run, Map<String, List<RecordLoads.Source>> records, FileDigests digests)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        Map<String, Object> software = new LinkedHashMap<>();
        software.put("name", "disclosure-reports");
        software.put("version", version());
        software.put("java", System.getProperty("java.version"));
        root.put("software", software);
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("name", "annualReportJob");
        job.put("instance_id", run.instanceId());
        job.put("execution_id", run.executionId());
        job.put("status", run.status());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("data", p.data().toString());
        params.put("year", p.year());
        params.put("out", p.out().toString());
        params.put("agency", p.agency());
        params.put("inputs_digest", p.inputsDigest());
        params.put("encodings", p.encodings());
        if (p.rerun() != 0) {
            params.put("rerun", p.rerun());
        }
        if (p.templates() != null) {
            params.put("templates", p.templates().toString());
        }
        job.put("parameters", params);
        root.put("job", job);
        root.put("started", run.started() == null ? null : run.started().toString());
        root.put("finished", run.finished() == null ? null : run.finished().toString());
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (String name : p.charsets().keySet().stream().sorted().toList()) {
            inputs.add(entry(name, p.data().resolve(name), null));
        }
        for (String sub : InputInspector.TEXT_INPUT_DIRS) {
            Path dir = p.data().resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path f : tree.filter(Files::isRegularFile).sorted().toList()) {
                        inputs.add(entry(p.data().relativize(f).toString().replace('\\', '/'), f, null));
                    }
                }
            }
        }
        root.put("inputs", inputs);
        root.put("records", records(records, run.instanceId()));
        Path ownSummary = run.directory(p).resolve(RunSummary.FILE);
        if (Files.isRegularFile(ownSummary)) {
            root.put("run_summary", entry(yearRelative(p, ownSummary), ownSummary, digests));
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        Path yearDir = p.yearDir();
        if (Files.isDirectory(yearDir)) {
            try (Stream<Path> files = Files.walk(yearDir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = yearRelative(p, f);
                    if (rel.equals(FILE) || rel.startsWith(RUNS_DIR + "/") || f.getFileName().toString().startsWith(".")) {
                        continue; // the manifest itself, the runs' provenance, and half-written temporary files
                    }
                    outputs.add(entry(rel, f, digests));
                }
            }
        }
        root.put("outputs", outputs);
        return root;
    }

    /**
     * Writes the run's own manifest under {@code runs/}, and the year's {@code manifest.json} only for a
     * run that built every report: a failed run or a run for one agency never replaces the provenance
     * of the outputs the index links to.
     */
    public static void write(RunParameters p, Run run, Map<String, List<RecordLoads.Source>> records) throws IOException {
        FileDigests digests = FileDigests.in(p.yearDir().resolve(RUNS_DIR));
        byte[] json;
        try {
            json = (TablesJson.JSON.writeValueAsString(of(p, run, records, digests)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + FILE, e);
        }
        Files.createDirectories(run.directory(p));
        ReportFilesWriter.writeAtomically(run.directory(p).resolve(FILE), json);
        if (run.replacesYearProvenance(p)) {
            ReportFilesWriter.writeAtomically(p.yearDir().resolve(FILE), json);
        }
        digests.remember();
    }

    private static List<Map<String, Object>> records(Map<String, List<RecordLoads.Source>> records, long thisLoad) {
        List<Map<String, Object>> kinds = new ArrayList<>();
        records.forEach((kind, sources) -> {
            for (RecordLoads.Source s : sources) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", kind);
                m.put("from", s.loadId() == thisLoad ? "this run"
                        : s.unchangedIn() != null ? "kept from an earlier load, unchanged in this run's input" : "kept from an earlier load");
                m.put("load", s.loadId());
                m.put("data_directory", s.dataDirectory());
                m.put("input", s.input());
                m.put("rows", s.rows());
                if (s.sha256() != null) {
                    m.put("records_sha256", s.sha256());
                }
                if (s.unchangedIn() != null) {
                    m.put("unchanged_in", s.unchangedIn());
                }
                kinds.add(m);
            }
        });
        return kinds;
    }

    private static String yearRelative(RunParameters p, Path file) {
        return p.yearDir().relativize(file).toString().replace('\\', '/');
    }

    /**
     * @param digests the remembered digests, for the run's own outputs (written by rename, so a rewritten
     *                one is a new file); null for an input, which is read every time: a data directory may
     *                be updated in place with its times kept (rsync --inplace -t)
     */
    private static Map<String, Object> entry(String name, Path file, FileDigests digests) throws IOException {
        FileDigests.Digest digest = digests != null ? digests.of(file) : new FileDigests.Digest(sha256(file), Files.size(file));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", name);
        m.put("sha256", digest.sha256());
        m.put("bytes", digest.bytes());
        return m;
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) >= 0) {
                // reading feeds the digest
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version of the packaged jar; a build from source (tests, IDE) says so. */
    static String version() {
        String v = SoftwareVersion.ofJar();
        return v != null ? v : "development build (not from the packaged jar)";
    }
}
