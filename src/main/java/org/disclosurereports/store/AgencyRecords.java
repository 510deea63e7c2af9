package org.disclosurereports.store;

import org.disclosurereports.core.figures.ReportYear;
import org.disclosurereports.core.records.AppealCase;
import org.disclosurereports.core.records.Application;
import org.disclosurereports.core.records.Document;
import org.disclosurereports.core.records.EnforcementFigure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One agency's records that can count in any year of a span, as {@link RecordStore#records} read them:
 * each kind in its key order. A year's records are handed on in that order, filtered by the same
 * conditions a query for that year alone would have put in its WHERE clause, so the counters, the
 * evidence and the {@link RecordSources} see exactly what they would have seen from it.
 */
public final class AgencyRecords {

    /** A record and the load that last wrote it. */
    record Row<T extends Record>(T record, long loadId) {}

    private final String agencyCode;
    private final int firstYear;
    private final int lastYear;
    final List<Row<Document>> documents = new ArrayList<>();
    final List<Row<EnforcementFigure>> enforcementFigures = new ArrayList<>();
    final List<Row<Application>> applications = new ArrayList<>();
    final List<Row<AppealCase>> appeals = new ArrayList<>();

    AgencyRecords(String agencyCode, int firstYear, int lastYear) {
        this.agencyCode = agencyCode;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    public String agencyCode() {
        return agencyCode;
    }

    /** Whether the records of {@code year} are all here. */
    public boolean covers(int year) {
        return year >= firstYear && year <= lastYear;
    }

    /** Documents issued by the end of {@code year} (later ones cannot count), by id. */
    public void documents(int year, Consumer<Document> sink, RecordSources sources) {
        LocalDate end = within(year).last();
        replay("document", documents, d -> !d.issuedDate().isAfter(end), sink, sources);
    }

    public void documents(int year, Consumer<Document> sink) {
        documents(year, sink, RecordSources.NONE);
    }

    /** Figures of enforcement.csv for report year {@code year} (also the year before the span's first), by item. */
    public void enforcementFigures(int year, Consumer<EnforcementFigure> sink, RecordSources sources) {
        if (year < firstYear - 1 || year > lastYear) {
            throw new IllegalArgumentException("enforcement figures of " + year + " are not among " + agencyCode + "'s records read for "
                    + firstYear + "–" + lastYear);
        }
        replay("enforcement_figure", enforcementFigures, f -> f.year() == year, sink, sources);
    }

    /** Applications that can count in year {@code year}: received by its end, not closed before its start; by id. */
    public void applications(int year, Consumer<Application> sink, RecordSources sources) {
        ReportYear y = within(year);
        replay("application", applications,
                a -> !a.receivedDate().isAfter(y.last()) && (a.closedDate() == null || !a.closedDate().isBefore(y.first())), sink, sources);
    }

    public void applications(int year, Consumer<Application> sink) {
        applications(year, sink, RecordSources.NONE);
    }

    /** Appeal cases that can count in year {@code year}: filed by its end, not closed before its start; by id. */
    public void appeals(int year, Consumer<AppealCase> sink, RecordSources sources) {
        ReportYear y = within(year);
        replay("appeal_case", appeals,
                c -> !c.filedDate().isAfter(y.last()) && (c.closedDate() == null || !c.closedDate().isBefore(y.first())), sink, sources);
    }

    private ReportYear within(int year) {
        if (!covers(year)) {
            throw new IllegalArgumentException("the records of " + year + " are not among " + agencyCode + "'s records read for "
                    + firstYear + "–" + lastYear);
        }
        return new ReportYear(year);
    }

    private static <T extends Record> void replay(String table, List<Row<T>> rows, Predicate<T> counts, Consumer<T> sink,
                                                  RecordSources sources) {
        sources.read(table);
        for (Row<T> row : rows) {
            if (counts.test(row.record())) {
                sink.accept(row.record());
                sources.row(table, row.record(), row.loadId());
            }
        }
    }
}
