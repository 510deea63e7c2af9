package org.disclosurereports.console;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * When a report of a year is due: departments, towns and other units hand theirs to the
 * government above them by 31 January of the next year; an agency with units under it (主管部门, the
 * government) publishes its own by 31 March.
 */
final class Deadlines {

    static final MonthDay UNITS = MonthDay.of(1, 31);
    static final MonthDay WITH_UNITS = MonthDay.of(3, 31);

    private Deadlines() {}

    static LocalDate due(int year, boolean hasUnits) {
        return (hasUnits ? WITH_UNITS : UNITS).atYear(year + 1);
    }
}
