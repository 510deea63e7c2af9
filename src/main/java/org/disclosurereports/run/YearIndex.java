package org.disclosurereports.run;

import org.disclosurereports.format.ReportFormat;
import org.disclosurereports.render.IndexPage;
import org.disclosurereports.render.ReportNarrative;
import org.disclosurereports.tables.StatutoryTables;
import org.disclosurereports.tables.TablesJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code <out>/<year>/index.html}: every report of the year found in the output directory (a run for
 * one agency leaves the others listed), read back from their tables.json, and this run's input files.
 */
public final class YearIndex {

    private final ReportFormat format;
    private final IndexPage page;

    public YearIndex(ReportFormat format, Path templates) {
        this.format = format;
        this.page = new IndexPage(templates);
    }

    public void write(Path yearDir, RunSummary summary) throws IOException {
        List<IndexPage.IndexEntry> entries = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(yearDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path json = dir.resolve("tables.json");
                if (!Files.isRegularFile(json)) {
                    continue;
                }
                StatutoryTables t = TablesJson.read(TablesJson.JSON.readTree(json.toFile()), format);
                entries.add(IndexPage.IndexEntry.of(format, t, ReportNarrative.of(format, t).isDraft()));
            }
        }
        List<IndexPage.InputFileLine> inputs = summary.files().stream()
                .map(f -> new IndexPage.InputFileLine(f.file(), f.read(), f.loaded(), f.rejected(), f.rejectsFile()))
                .toList();
        int year = summary.parameters().year();
        ReportFilesWriter.writeAtomically(yearDir.resolve("index.html"),
                page.html(year, entries, inputs, org.disclosurereports.seal.SealMarks.read(yearDir)).getBytes(StandardCharsets.UTF_8));
    }
}
