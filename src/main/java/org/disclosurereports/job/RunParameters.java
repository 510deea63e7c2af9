package org.disclosurereports.job;

import org.springframework.batch.core.job.parameters.JobParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of one run of {@code annualReportJob}, as its steps read them back: what it
 * produces and from what (data directory, year, output directory, scope: one agency or all) and the
 * digest of the input files. Which of them identify a run, and the job parameters they become, is
 * {@link RunIdentity}.
 */
public record RunParameters(Path data, int year, Path out, String agency, String inputsDigest, String encodings, long rerun,
                            Path templates, String format) {

    public static final String DATA = "data";
    public static final String YEAR = "year";
    public static final String OUT = "out";
    /** One agency's code, or {@link #ALL_AGENCIES}. */
    public static final String AGENCY = "agency";
    public static final String INPUTS = "inputs";
    /** Not identifying: the encoding found for each file, e.g. {@code applications.csv=GB18030}. */
    public static final String ENCODINGS = "encodings";
    /** Identifying, only when set: forces a new instance over inputs already processed (--force). */
    public static final String RERUN = "rerun";
    /** Identifying, only when set: a directory of report templates replacing the shipped ones (--templates). */
    public static final String TEMPLATES = "templates";
    /**
     * Identifying, only when set: the id of the layout the reports are built in (--format), instead of the
     * layout of the report year.
     */
    public static final String FORMAT = "format";
    public static final String ALL_AGENCIES = "*";

    public RunParameters(Path data, int year, Path out, String agency, String inputsDigest, String encodings, long rerun,
                         Path templates) {
        this(data, year, out, agency, inputsDigest, encodings, rerun, templates, null);
    }

    public RunParameters(Path data, int year, Path out, String agency, String inputsDigest, String encodings, long rerun) {
        this(data, year, out, agency, inputsDigest, encodings, rerun, null, null);
    }

    /**
     * A directory as runs are told apart by their output directory (their scope, one run at a time, and
     * their job): absolute and normalised, with the links among its existing parts resolved, so that a
     * link to a directory and the directory itself are one directory. Parts not created yet are kept as
     * spelled (they cannot be links), so naming the directory creates nothing, and a directory without
     * links is named exactly as before.
     */
    public static Path realDirectory(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the output directory " + absolute + ": " + e.getMessage(), e);
        }
    }

    public RunParameters withRerun(long stamp) {
        return new RunParameters(data, year, out, agency, inputsDigest, encodings, stamp, templates, format);
    }

    public static RunParameters of(JobParameters p) {
        Long rerun = p.getLong(RERUN);
        String templates = p.getString(TEMPLATES);
        return new RunParameters(Path.of(p.getString(DATA)), p.getLong(YEAR).intValue(), Path.of(p.getString(OUT)),
                p.getString(AGENCY), p.getString(INPUTS), p.getString(ENCODINGS), rerun == null ? 0 : rerun,
                templates == null ? null : Path.of(templates), p.getString(FORMAT));
    }

    public boolean allAgencies() {
        return ALL_AGENCIES.equals(agency);
    }

    /** {@code <out>/<year>}: everything a run writes goes under it. */
    public Path yearDir() {
        return out.resolve(String.valueOf(year));
    }

    public Map<String, Charset> charsets() {
        Map<String, Charset> m = new LinkedHashMap<>();
        if (encodings != null && !encodings.isEmpty()) {
            for (String part : encodings.split(";")) {
                int eq = part.indexOf('=');
                m.put(part.substring(0, eq), Charset.forName(part.substring(eq + 1)));
            }
        }
        return m;
    }
}
