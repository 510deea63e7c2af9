package org.disclosurereports.job;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.figures.TablesJson;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.outputs.SealMarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A unit's tables of the year before the run's, as its report step counted them for the cross-year
 * rules, kept beside its report files as {@value #FILE}. The summaries above the unit roll them up
 * for their own cross-year rules instead of counting every unit's records of that year again (at
 * province scale that counting was most of the summary step: 150 s on MySQL, measured).
 * <p>
 * The file is written with the report and listed in its fingerprint, so it is as current as the
 * report: built in this run, or found unchanged by its fingerprint. A sealed unit is neither (its
 * published files stay as they were while its records may have moved on), so its year before is
 * not taken from here.
 */
final class YearBeforeTables {

    /** Hidden, like the fingerprint: not a published file, and not hashed into the manifest. */
    static final String FILE = ".tables-year-before.json";

    private final Path yearDir;
    private final ReportFormat previousFormat;

    /**
     * @param previousFormat the layout of the year before, in which the unit step counted it
     */
    YearBeforeTables(Path yearDir, ReportFormat previousFormat) {
        this.yearDir = yearDir;
        this.previousFormat = previousFormat;
    }

    static byte[] bytes(StatutoryTables yearBefore) {
        return TablesJson.write(yearBefore);
    }

    /** Whether the unit's year before can be taken from its report files. */
    boolean kept(String unitCode) {
        Path dir = yearDir.resolve(unitCode);
        return previousFormat != null && Files.isRegularFile(dir.resolve(FILE)) && !Files.exists(dir.resolve(SealMarks.MARK));
    }

    /** The unit's year before as its report step counted it; only where {@link #kept} says so. */
    StatutoryTables of(String unitCode) {
        try {
            return TablesJson.read(yearDir.resolve(unitCode).resolve(FILE), previousFormat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
