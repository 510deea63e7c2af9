package org.disclosurereports.core.layout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every layout the program knows ({@code format/formats.yaml} lists their files), and which one a report
 * is laid out in: the format with the latest {@code firstYear} not after the report year, unless a run or a
 * tables.json names one. Records are kept in one vocabulary for all years; the input vocabularies are the
 * union of what the layouts count, so that 2020 and 2024 load from the same files.
 */
public final class ReportFormats {

    static final String INDEX = "format/formats.yaml";

    private record Index(List<String> formats) {}

    private final List<ReportFormat> formats;

    public ReportFormats(List<ReportFormat> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no report format");
        }
        this.formats = formats.stream().sorted(Comparator.comparingInt(ReportFormat::firstYear)).toList();
        List<String> problems = FormatCheck.checkTogether(this);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The report formats " + ids() + " do not fit together: " + String.join("; ", problems));
        }
    }

    private static volatile ReportFormats shipped;

    /** The formats listed in {@code format/formats.yaml}, read once; the current one is {@link ReportFormat#current()}. */
    public static ReportFormats shipped() {
        ReportFormats f = shipped;
        if (f == null) {
            try (InputStream in = ReportFormats.class.getClassLoader().getResourceAsStream(INDEX)) {
                if (in == null) {
                    throw new IllegalStateException("the list of report formats " + INDEX + " is missing from the classpath");
                }
                Index index = new ObjectMapper(new YAMLFactory()).readValue(in, Index.class);
                f = new ReportFormats(index.formats().stream()
                        .map(id -> ReportFormat.CURRENT.equals(id) ? ReportFormat.current() : ReportFormat.load(id)).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + INDEX, e);
            }
            shipped = f;
        }
        return f;
    }

    /** Oldest first. */
    public List<ReportFormat> all() {
        return formats;
    }

    public List<String> ids() {
        return formats.stream().map(ReportFormat::id).toList();
    }

    /** The format a report of {@code year} is laid out in; a year before every format is refused. */
    public ReportFormat forYear(int year) {
        ReportFormat chosen = null;
        for (ReportFormat f : formats) {
            if (f.firstYear() <= year) {
                chosen = f;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException("no report format for the year " + year + ": the earliest, "
                    + formats.get(0).id() + ", is for reports of " + formats.get(0).firstYear() + " on");
        }
        return chosen;
    }

    /** The format named {@code id}; an unknown name is refused, naming the known ones. */
    public ReportFormat byId(String id) {
        return formats.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report format '" + id + "' (known: "
                        + String.join(", ", ids()) + ")"));
    }

    /** The format named, or the year's when {@code id} is null or blank. */
    public ReportFormat choose(String id, int year) {
        return id == null || id.isBlank() ? forYear(year) : byId(id.strip());
    }

    /** The newest format: its labels name the input vocabularies where layouts differ. */
    public ReportFormat newest() {
        return formats.get(formats.size() - 1);
    }

    // ---- the input vocabularies, one for all layouts ----

    /** Outcomes applications.csv accepts: the result rows that are outcomes themselves, newest layout first. */
    public Map<String, String> outcomes() {
        Map<String, String> terms = new LinkedHashMap<>();
        for (ReportFormat f : newestFirst()) {
            f.table3Shape().ownOutcomeRows().forEach(r -> terms.putIfAbsent(r.key(), r.label()));
        }
        return terms;
    }

    /** Document categories filings.csv accepts, by key, labelled as the newest layout that counts them. */
    public List<ReportFormat.Term> documentCategories() {
        return union(newestFirst().stream().map(ReportFormat::documentCategories).toList());
    }

    /** Enforcement items enforcement.csv accepts; an item is an amount when some layout counts its value as one. */
    public List<ReportFormat.Term> enforcementItems() {
        return union(newestFirst().stream().map(ReportFormat::enforcementItems).toList());
    }

    /**
     * The labels older layouts give the same keys (规范性文件 for normative, as the 2019 layout prints it), label to
     * key: accepted in the inputs besides the newest labels.
     */
    public Map<String, String> olderLabels() {
        Map<String, String> newest = new LinkedHashMap<>();
        documentCategories().forEach(t -> newest.put(t.key(), t.label()));
        enforcementItems().forEach(t -> newest.put(t.key(), t.label()));
        Map<String, String> older = new LinkedHashMap<>();
        for (ReportFormat f : formats) {
            for (List<ReportFormat.Term> vocabulary : List.of(f.documentCategories(), f.enforcementItems())) {
                vocabulary.stream().filter(t -> !t.label().equals(newest.get(t.key())))
                        .forEach(t -> older.putIfAbsent(t.label(), t.key()));
            }
        }
        return older;
    }

    private List<ReportFormat> newestFirst() {
        List<ReportFormat> list = new ArrayList<>(formats);
        Collections.reverse(list);
        return list;
    }

    private static List<ReportFormat.Term> union(List<List<ReportFormat.Term>> vocabularies) {
        Map<String, ReportFormat.Term> terms = new LinkedHashMap<>();
        for (List<ReportFormat.Term> vocabulary : vocabularies) {
            for (ReportFormat.Term t : vocabulary) {
                terms.merge(t.key(), t, (a, b) -> new ReportFormat.Term(a.key(), a.label(), a.amount() || b.amount()));
            }
        }
        return List.copyOf(terms.values());
    }

    @Override
    public String toString() {
        return formats.stream().map(f -> f.id() + " (" + f.firstYear() + "–)").collect(Collectors.joining(", "));
    }
}
