package org.disclosurereports.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** The demo data set in sample-data/ and its independently computed expectations (sample-data/expected). */
public final class SampleData {

    public static final Path DIR = Path.of("sample-data").toAbsolutePath();
    public static final Path EXPECTED = DIR.resolve("expected");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleData() {}

    public static JsonNode expectedTables(int year, String agencyCode) {
        return read(EXPECTED.resolve(String.valueOf(year)).resolve(agencyCode + ".json"));
    }

    /** The level column of an agency in sample-data/agencies.csv. */
    public static String agencyLevel(String code) {
        try (var parser = CSVParser.parse(DIR.resolve("agencies.csv"), StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (var r : parser) {
                if (r.get("agency_code").equals(code)) {
                    return r.get("level");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no agency " + code + " in sample-data/agencies.csv");
    }

    public static JsonNode loadCounts() {
        return read(EXPECTED.resolve("load-counts.json"));
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writable copy of the sample data, for tests that change files. */
    /**
     * The demo data plus 3,000 more applications of SL-GOV, so that loadApplications has several chunks
     * (of 1,000): room for a crash, a pause or a stop in the middle of a load.
     */
    public static Path copyWithManyApplications(Path target) throws IOException {
        Path data = copyTo(target);
        StringBuilder more = new StringBuilder();
        for (int i = 1; i <= 3000; i++) {
            int month = 1 + i % 11;
            more.append(String.format("GEN%05d,SL-GOV,2024-%02d-03,%s,2024-%02d-20,%s,N,%n", i, month,
                    i % 3 == 0 ? "commercial" : "natural_person", month, i % 4 == 0 ? "partially_granted" : "granted"));
        }
        Files.writeString(data.resolve("applications.csv"), more.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return data;
    }

    public static Path copyTo(Path target) {
        try (Stream<Path> files = Files.list(DIR)) {
            Files.createDirectories(target);
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected summary of an agency with children (scope summary), from expected/<year>/summary/. */
    public static JsonNode expectedSummary(int year, String agencyCode) {
        return read(EXPECTED.resolve(String.valueOf(year)).resolve("summary").resolve(agencyCode + ".json"));
    }

    public static Stream<Path> summaryCodes(int year) {
        try {
            return Files.list(EXPECTED.resolve(String.valueOf(year)).resolve("summary")).sorted(Comparator.naturalOrder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Stream<Path> agencyCodes(int year) {
        try {
            // Regular files only: expected/<year>/summary/ holds the summaries' expectations.
            return Files.list(EXPECTED.resolve(String.valueOf(year))).filter(Files::isRegularFile).sorted(Comparator.naturalOrder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
