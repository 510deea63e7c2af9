package org.disclosurereports.job;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.RowDigests;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What one unit's report is made from, as a SHA-256: the stored content of the agency's records (every
 * contract column of every record kind of the input schema, not the load bookkeeping), taken from the
 * digests kept with them ({@link RowDigests}: per kind, the number of rows and the sum of their
 * digests) rather than by reading the rows; the year, the statutory format, the templates and the
 * application version. Two equal fingerprints mean the report would come out the same, so a nightly
 * run need not build it again.
 * <p>
 * Besides the agency's records of every kind (its submitted returns, trainings and hearings too) it
 * covers what else a report is made from: record kinds without an agency (holidays.csv, which moves
 * reply deadlines), the data directory's work plans and the agency's office-written narrative, and
 * the shipped rule catalogue, holiday calendar and work plans.
 * <p>
 * Deliberately a superset (all years' records of the agency, not only those counted in the year):
 * a change it does not need costs one rebuild; a change it missed would leave a stale report. It
 * follows {@code TablesFromRecords}, which counts an agency's own records only: a report that came
 * to include other agencies' records (a consolidated one) must add them here. Rows stored before
 * digests were kept make the fingerprint name how many there are: such a row changes only by being
 * written again (with its digest) or removed, and either changes the fingerprint.
 */
public final class UnitFingerprint {

    /** Bumped when the way reports are made changes in a way the inputs below do not show. */
    static final String VERSION = "unit-fingerprint/2";

    private final RowDigests digests;
    private final InputSchema schema;
    private final String fixedPart;
    private final String firstUnit;
    private final String lastUnit;
    private final Map<String, Map<String, RowDigests.Slice>> slices = new HashMap<>();
    private final Map<String, RowDigests.Slice> wholeTables = new ConcurrentHashMap<>();

    /** Shipped resources that shape every report besides the format and the templates. */
    private static final List<String> SHIPPED = List.of("audit/rules.yaml", "calendar/cn-holidays.csv");

    private final Path data;

    /**
     * @param units the codes of the units whose fingerprints will be asked for (the records' digests of
     *              the range from the first to the last are read at once); empty when none will be
     */
    public UnitFingerprint(RecordStore store, InputSchema schema, ReportFormat format, Path templates, Path data, Collection<String> units) {
        this.digests = new RowDigests(store);
        this.schema = schema;
        this.data = data;
        this.firstUnit = units.stream().min(Comparator.naturalOrder()).orElse(null);
        this.lastUnit = units.stream().max(Comparator.naturalOrder()).orElse(null);
        StringBuilder shipped = new StringBuilder();
        for (String r : SHIPPED) {
            shipped.append('|').append(r).append(' ').append(sha256(resource(r)));
        }
        this.fixedPart = VERSION + "|" + appVersion() + "|format " + format.id() + " " + sha256(resource("format/" + format.id() + ".yaml"))
                + "|templates " + templatesDigest(templates) + shipped + "|shipped work plans " + shippedWorkPlans()
                + "|work plans " + treeDigest(data == null ? null : data.resolve("workplans"));
    }

    private static String shippedWorkPlans() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            MessageDigest md = digest();
            var resources = resolver.getResources("classpath*:workplans/**/*.yaml");
            Arrays.sort(resources, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (var r : resources) {
                update(md, String.valueOf(r.getFilename()));
                try (InputStream in = r.getInputStream()) {
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped work plans", e);
        }
    }

    /** Every file below {@code dir}, names and contents; "none" when there is no such directory. */
    private static String treeDigest(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return "none";
        }
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest md = digest();
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                update(md, dir.relativize(f).toString().replace('\\', '/'));
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /**
     * What every report of the run is made from besides the unit's own inputs: the application version,
     * the format, the templates, the shipped resources and the data directory's work plans.
     */
    public String common() {
        return fixedPart;
    }

    public String of(String agencyCode, int year) {
        MessageDigest md = digest();
        update(md, fixedPart);
        update(md, "|year " + year);
        update(md, "|narrative " + treeDigest(data == null ? null : data.resolve("narrative").resolve(agencyCode)));
        for (RecordKind kind : schema.kinds()) {
            // A kind without an agency (holidays.csv) is the same for every unit: all of it counts.
            RowDigests.Slice slice = kind.dbColumns().contains("agency_code")
                    ? slices(kind.table()).getOrDefault(agencyCode, RowDigests.Slice.EMPTY)
                    : wholeTables.computeIfAbsent(kind.table(), digests::whole);
            update(md, "|" + kind.table() + " " + slice);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The slices of the units' agencies, read once per table for the whole range of codes of the units. */
    private synchronized Map<String, RowDigests.Slice> slices(String table) {
        return slices.computeIfAbsent(table, t -> digests.byAgency(t, firstUnit, lastUnit));
    }

    private static String appVersion() {
        String v = SoftwareVersion.ofJar();
        return v == null ? "dev" : v;
    }

    private static String templatesDigest(Path dir) {
        if (dir == null) {
            return "shipped " + sha256(resource("templates/report.ftlh"));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest md = digest();
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                update(md, dir.relativize(f).toString());
                md.update(Files.readAllBytes(f));
            }
            return dir + " " + HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates in " + dir, e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = UnitFingerprint.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
    }
}
