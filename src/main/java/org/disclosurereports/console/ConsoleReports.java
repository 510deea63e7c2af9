package org.disclosurereports.console;

import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormats;
import org.disclosurereports.core.narrative.OfficeText;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.inputs.OfficeTexts;
import org.disclosurereports.job.NightlyReportBuilder;
import org.disclosurereports.job.ReportBuilder;
import org.disclosurereports.outputs.BuiltReport;
import org.disclosurereports.outputs.ReportFilesWriter;
import org.disclosurereports.outputs.SealMarks;
import org.disclosurereports.store.OfficeTextVersions;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.RecordWindow;
import org.disclosurereports.store.ReturnStore;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reports as the console shows them: the files the nightly run wrote under {@code out/YEAR/CODE}
 * (the draft as it prints, validation findings, passages still to write, sealed differences), a report
 * rebuilt in memory from the texts saved now (the preview, and what a submission checks and stores),
 * and the office's passages.
 * <p>
 * <b>Which text wins.</b> The report prints the passage files {@code <data>/narrative/CODE/YEAR/*.md},
 * as every run does. Saving a passage in the console keeps a new version in the database and writes that
 * file, so the two agree. A file changed outside the console after its last save wins (it is what
 * prints); the passage's page says so, shows the file's text, and the next save in the console replaces it.
 */
@Component
@ConditionalOnProperty(name = "disclosure.console.enabled", havingValue = "true")
public class ConsoleReports {

    /** The marker a passage left to write prints as ({@code ReportNarrative}). */
    static final String TO_WRITE_MARK = "【待填写";

    public record Finding(String rule, boolean blocking, String where, String message) {}

    public record Difference(String table, String row, String column, String published, String now) {}

    /** Where a passage's printed text comes from. */
    public enum Source {
        /** nothing written yet */
        NONE,
        /** saved in the console; the file holds the same text */
        CONSOLE,
        /** a file written outside the console, never saved in it */
        FILE,
        /** saved in the console, then the file was changed outside it: the file prints */
        FILE_CHANGED
    }

    public record Passage(OfficeText.Slot slot, String id, String label, String printed, Source source,
                          Optional<OfficeTextVersions.Version> latest) {}

    /** A report built from today's records and texts: its files, what blocks a submission. */
    public record Built(BuiltReport report, List<Finding> findings, List<String> toWrite, int marks) {
        public String html() {
            return new String(report.files().get("report.html"), StandardCharsets.UTF_8);
        }

        public List<String> blockers() {
            List<String> b = new ArrayList<>();
            findings.stream().filter(Finding::blocking).forEach(f -> b.add("阻断性问题：" + f.message()));
            toWrite.forEach(t -> b.add("尚待填写：" + t));
            if (b.isEmpty() && marks > 0) {
                b.add("报告中仍有" + marks + "处【待填写】");
            }
            return b;
        }
    }

    private final ConsoleSettings settings;
    private final ReportFormats formats;
    private final RecordStore store;
    private final ReturnStore returns;
    private final OfficeTextVersions versions;

    public ConsoleReports(ConsoleSettings settings, ReportFormats formats, RecordStore store, ReturnStore returns, OfficeTextVersions versions) {
        this.settings = settings;
        this.formats = formats;
        this.store = store;
        this.returns = returns;
        this.versions = versions;
    }

    public AgencyScope scope() {
        return new AgencyScope(store.allAgencies());
    }

    /** The years the output directory holds reports of, newest first. */
    public List<Integer> years() {
        if (!Files.isDirectory(settings.out())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(settings.out())) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}")).map(Integer::parseInt)
                    .sorted((a, b) -> b - a).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path reportDir(int year, String code) {
        return settings.out().resolve(String.valueOf(year)).resolve(code);
    }

    public Optional<byte[]> file(int year, String code, String name) {
        Path f = reportDir(year, code).resolve(name);
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Finding> findings(int year, String code) {
        return file(year, code, "validation.json").map(ConsoleReports::findings).orElse(List.of());
    }

    public List<String> toWrite(int year, String code) {
        return file(year, code, "narrative-check.json").map(ConsoleReports::toWrite).orElse(List.of());
    }

    public List<Difference> sealedDifferences(int year, String code) {
        Path f = reportDir(year, code).resolve(SealMarks.DIFFERENCES);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        List<Difference> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new Difference(row.get("table"), row.get("row_label"), row.get("column_label"), row.get("published"), row.get("now")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Builds the report of the agency from today's records and passage files, in memory. */
    public Built build(Agency agency, int year) {
        BuiltReport report = ReportBuilder.forRun(formats, null, store, RecordWindow.eachAlone(store, year), returns, settings.templates(),
                settings.data(), year).process(agency);
        Map<String, byte[]> files = report.files();
        String html = new String(files.get("report.html"), StandardCharsets.UTF_8);
        int marks = html.split(TO_WRITE_MARK, -1).length - 1;
        return new Built(report, files.containsKey("validation.json") ? findings(files.get("validation.json")) : List.of(),
                files.containsKey("narrative-check.json") ? toWrite(files.get("narrative-check.json")) : List.of(), marks);
    }

    /** Puts a built report's files where the nightly run puts them; the next unsealed run builds it again. */
    public void store(Built built, int year) throws IOException {
        new ReportFilesWriter(settings.out().resolve(String.valueOf(year))).write(new Chunk<>(built.report()));
        Files.deleteIfExists(reportDir(year, built.report().tables().agencyCode()).resolve(NightlyReportBuilder.FINGERPRINT_FILE));
    }

    public List<Passage> passages(String code, int year) {
        List<Passage> out = new ArrayList<>();
        for (OfficeText.Slot slot : OfficeText.Slot.values()) {
            out.add(passage(code, year, slot));
        }
        return out;
    }

    public Passage passage(String code, int year, OfficeText.Slot slot) {
        Path file = OfficeTexts.directory(settings.data(), code, year).resolve(slot.fileName());
        String printed = null;
        if (Files.isRegularFile(file)) {
            printed = OfficeTexts.read(settings.data(), code, year).get(slot).map(ps -> String.join("\n\n", ps)).orElse("");
        }
        Optional<OfficeTextVersions.Version> latest = versions.latest(code, year, slot.name());
        Source source;
        if (latest.isEmpty()) {
            source = printed == null || printed.isEmpty() ? Source.NONE : Source.FILE;
        } else {
            String saved = OfficeText.of(Map.of(slot, latest.get().body())).get(slot).map(ps -> String.join("\n\n", ps)).orElse("");
            source = saved.equals(printed == null ? "" : printed) ? Source.CONSOLE : Source.FILE_CHANGED;
        }
        return new Passage(slot, slotId(slot), PassageLabels.label(slot), printed, source, latest);
    }

    /** Saves a new version of the passage and writes its file, which the report prints. */
    public int save(String code, int year, OfficeText.Slot slot, String text, String by) throws IOException {
        String body = text.replace("\r\n", "\n").strip() + "\n";
        int version = versions.save(code, year, slot.name(), body, by);
        ReportFilesWriter.writeAtomically(OfficeTexts.directory(settings.data(), code, year).resolve(slot.fileName()),
                body.getBytes(StandardCharsets.UTF_8));
        return version;
    }

    public List<OfficeTextVersions.Version> history(String code, int year, OfficeText.Slot slot) {
        return versions.history(code, year, slot.name());
    }

    public static String slotId(OfficeText.Slot slot) {
        return slot.fileName().replace(".md", "");
    }

    public static Optional<OfficeText.Slot> slot(String id) {
        for (OfficeText.Slot s : OfficeText.Slot.values()) {
            if (slotId(s).equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static List<Finding> findings(byte[] json) {
        List<Finding> out = new ArrayList<>();
        for (JsonNode f : tree(json).path("findings")) {
            if (!"failed".equals(f.path("status").asText())) {
                continue;
            }
            out.add(new Finding(f.path("rule").asText(), "blocking".equals(f.path("severity").asText()), f.path("where").asText(""),
                    f.path("message_zh").asText()));
        }
        return out;
    }

    private static List<String> toWrite(byte[] json) {
        List<String> out = new ArrayList<>();
        tree(json).path("to_write").forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode tree(byte[] json) {
        try {
            return TablesJson.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
