package org.disclosurereports.core.figures;

import java.time.LocalDate;

/** The statistical period of a report: 1 January to 31 December of {@code year}, cut-off at 31 December. */
public record ReportYear(int year) {

    public LocalDate first() {
        return LocalDate.of(year, 1, 1);
    }

    public LocalDate last() {
        return LocalDate.of(year, 12, 31);
    }

    public boolean contains(LocalDate date) {
        return date != null && date.getYear() == year;
    }

    public boolean before(LocalDate date) {
        return date != null && date.isBefore(first());
    }

    /** On or before 31 December of the year. */
    public boolean byEnd(LocalDate date) {
        return date != null && !date.isAfter(last());
    }

    /** Still open at the cut-off: never closed, or closed after 31 December. */
    public boolean openAtEnd(LocalDate closed) {
        return closed == null || closed.isAfter(last());
    }
}
