package org.disclosurereports.job;

import org.disclosurereports.core.counting.Evidence;
import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesDiff;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.CellNames;
import org.disclosurereports.core.records.Agency;
import org.disclosurereports.outputs.BuiltReport;
import org.disclosurereports.outputs.CsvWriter;
import org.disclosurereports.outputs.ReportFilesWriter;
import org.disclosurereports.outputs.SealMarks;
import org.disclosurereports.store.SealedReports;
import org.disclosurereports.store.TablesFromRecords;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report step's processor on a nightly run, in front of {@link ReportBuilder}:
 * <ol>
 *   <li>a <b>sealed</b> (published) report is never built again in the output directory it was sealed in: today's figures are compared with the
 *       published ones and the differences written to {@code sealed-differences.csv} beside it;</li>
 *   <li>a unit whose {@link UnitFingerprint} equals the one stored with its files ({@code .fingerprint})
 *       is <b>unchanged</b> and not built again, unless the run is forced;</li>
 *   <li>otherwise the report is built, and its fingerprint written last, after its files.</li>
 * </ol>
 * Units not built are filtered (the step's filter count); built ones go on to the writer.
 */
public class NightlyReportBuilder implements ItemProcessor<Agency, BuiltReport> {

    private static final Logger log = LoggerFactory.getLogger(NightlyReportBuilder.class);
    public static final String FINGERPRINT_FILE = ".fingerprint";
    /** The line of the fingerprint file naming the run (job instance) that built the report. */
    static final String BUILT_BY = "built-by-run ";
    public static final String DIFFERENCES_FILE = SealMarks.DIFFERENCES;

    private final ReportBuilder delegate;
    private final TablesFromRecords tables;
    private final SealedReports sealed;
    private final UnitFingerprint fingerprint;
    private final Path yearDir;
    private final int year;
    private final boolean force;
    private final CellNames labels;
    private final long run;

    public NightlyReportBuilder(ReportBuilder delegate, TablesFromRecords tables, SealedReports sealed, UnitFingerprint fingerprint,
                                Path yearDir, int year, boolean force, CellNames labels, long run) {
        this.labels = labels;
        this.delegate = delegate;
        this.tables = tables;
        this.sealed = sealed;
        this.fingerprint = fingerprint;
        this.yearDir = yearDir;
        this.year = year;
        this.force = force;
        this.run = run;
    }

    @Override
    public BuiltReport process(Agency agency) throws Exception {
        try {
            Optional<SealedReports.Sealed> published = sealed.find(agency.code(), year, yearDir.getParent());
            if (published.isPresent()) {
                compareWithPublished(agency, published.get());
                return null;
            }
            Path dir = yearDir.resolve(agency.code());
            SealMarks.clear(dir); // unsealed since (or never sealed)
            String fp = fingerprint.of(agency.code(), year);
            if (!force && unchanged(dir, fp, run)) {
                return null;
            }
            BuiltReport built = delegate.process(agency);
            Map<String, byte[]> files = new LinkedHashMap<>(built.files());
            // Written last: a crash before it leaves the unit to be built again.
            files.put(FINGERPRINT_FILE, fingerprintFile(fp, run, built.files().keySet()));
            return new BuiltReport(built.tables(), files);
        } catch (Exception e) {
            log.error("Report of {} ({}) for {}: {}", agency.code(), agency.name(), year, e.getMessage());
            throw e;
        }
    }

    /** The run (job instance) that wrote a report directory's files, from its fingerprint file; empty when it has none. */
    public static Optional<Long> builtBy(Path dir) {
        try {
            Path file = dir.resolve(FINGERPRINT_FILE);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(BUILT_BY))
                    .map(l -> Long.parseLong(l.substring(BUILT_BY.length()).trim())).findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The fingerprint file: the fingerprint, the run that wrote the files, and the files it was written with. */
    static byte[] fingerprintFile(String fingerprint, long run, Collection<String> files) {
        return (fingerprint + "\n" + BUILT_BY + run + "\n" + String.join("\n", files) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Unchanged: the stored fingerprint matches, every file it was written with is there, and an earlier
     * run wrote them. A report this same run wrote belongs to a chunk that was never committed (the run
     * was killed before the commit, and the restart reads that chunk again): it is built again, so the
     * run counts every report it built.
     */
    static boolean unchanged(Path dir, String fingerprint, long run) throws IOException {
        Path stored = dir.resolve(FINGERPRINT_FILE);
        if (!Files.isRegularFile(stored)) {
            return false;
        }
        List<String> lines = Files.readAllLines(stored, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(fingerprint) || lines.contains(BUILT_BY + run)) {
            return false;
        }
        return lines.stream().skip(1).filter(l -> !l.isBlank() && !l.startsWith(BUILT_BY))
                .allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    private void compareWithPublished(Agency agency, SealedReports.Sealed published) throws IOException {
        StatutoryTables today = tables.agency(agency, year, Evidence.NONE);
        JsonNode now = TablesJson.JSON.readTree(TablesJson.write(today));
        List<TablesDiff.Change> changes = TablesDiff.between(TablesJson.JSON.readTree(published.tablesJson()), now);
        SealMarks.write(yearDir.resolve(agency.code()), published);
        Path file = yearDir.resolve(agency.code()).resolve(DIFFERENCES_FILE);
        if (changes.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        CsvWriter csv = CsvWriter.lf()
                .row("agency_code", "year", "table", "row", "column", "published", "now", "row_label", "column_label", "sealed_at", "sealed_by");
        for (TablesDiff.Change c : changes) {
            csv.row(agency.code(), year, c.table(), c.row(), c.column(), c.sealed(), c.now(), labels.label(c.table(), c.rowKey()),
                    labels.label(c.table(), c.column()), published.sealedAt().withNano(0), published.sealedBy());
        }
        try {
            ReportFilesWriter.writeAtomically(file, csv.toUtf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.warn("{} {} is sealed (published {}), but {} figure{} differ now; the published report must be corrected by hand: {}",
                agency.code(), year, published.sealedAt().toLocalDate(), changes.size(), changes.size() == 1 ? "" : "s", file);
    }
}
