package org.disclosurereports.cli;

import org.disclosurereports.core.compliance.WorkingDayCalendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarCoverageTest {

    @TempDir
    Path data;

    @Test
    void aYearTheShippedCalendarCoversNeedsNoWarning() {
        assertThat(CalendarCoverage.warning(WorkingDayCalendar.official(), 2024, data)).isEmpty();
    }

    @Test
    void aYearBeyondTheShippedCalendarIsWarnedNamingTheCoveredYearsAndTheFileToAdd() {
        int beyond = WorkingDayCalendar.official().scheduledYears().stream().max(Integer::compare).orElseThrow() + 1;
        assertThat(CalendarCoverage.warning(WorkingDayCalendar.official(), beyond, data)).get().asString()
                .contains("covers 2019–" + (beyond - 1) + ", not " + beyond)
                .contains("放假安排 for " + beyond + " to holidays.csv")
                .contains(data.resolve("holidays.csv").toString())
                .contains("Reply deadlines");
    }

    @Test
    void theOfficesHolidaysFileNamingADayOfThatYearSilencesTheWarning() throws Exception {
        Path holidays = data.resolve("holidays.csv");
        Files.writeString(holidays, "date,kind\r\n2031-01-01,休息日\r\n");
        assertThat(CalendarCoverage.warning(WorkingDayCalendar.official(), 2031, data)).isEmpty();
        assertThat(CalendarCoverage.warning(WorkingDayCalendar.official(), 2032, data)).isPresent();
        Files.writeString(holidays, "\uFEFFdate,kind\n\"2032/1/1\",holiday\n");
        assertThat(CalendarCoverage.warning(WorkingDayCalendar.official(), 2032, data)).isEmpty();
    }
}
