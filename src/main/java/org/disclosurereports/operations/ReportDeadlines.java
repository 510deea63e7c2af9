package org.disclosurereports.operations;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;

/**
 * When a report of a year is due. By default the statutory dates: departments, towns and other units
 * hand theirs to the government above them by 31 January of the next year; the government at the top of
 * the tree publishes its own by 31 March. A job definition may set earlier local dates
 * ({@code deadlines: {units: "01-20", top: "03-15"}}), never later ones.
 *
 * @param units the day of the next year every unit's report is due
 * @param top   the day of the next year the top agency's own report is due
 */
public record ReportDeadlines(MonthDay units, MonthDay top) {

    public static final ReportDeadlines STATUTORY = new ReportDeadlines(MonthDay.of(1, 31), MonthDay.of(3, 31));

    public LocalDate due(int year, boolean topAgency) {
        return (topAgency ? top : units).atYear(year + 1);
    }

    /** A local date ({@code MM-DD}) for {@code field}; null when not given. */
    static MonthDay local(String text, MonthDay statutory, String field) {
        if (text == null) {
            return null;
        }
        MonthDay day;
        try {
            day = MonthDay.parse("--" + text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 'deadlines." + field + "': '" + text + "' is not a date MM-DD");
        }
        if (day.isAfter(statutory)) {
            throw new IllegalArgumentException("field 'deadlines." + field + "': " + text + " is later than the statutory "
                    + String.format("%02d-%02d", statutory.getMonthValue(), statutory.getDayOfMonth()));
        }
        return day;
    }
}
