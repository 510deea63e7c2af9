package org.disclosurereports.core.compliance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Known dates from the State Council notices; each expectation counted by hand on a calendar. */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CAL = WorkingDayCalendar.official();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void springFestival2024RestDaysAndMakeUpSundays() {
        assertThat(CAL.isWorkingDay(d("2024-02-04"))).as("Sunday 2月4日 上班").isTrue();
        assertThat(CAL.isWorkingDay(d("2024-02-18"))).as("Sunday 2月18日 上班").isTrue();
        for (LocalDate x = d("2024-02-10"); !x.isAfter(d("2024-02-17")); x = x.plusDays(1)) {
            assertThat(CAL.isWorkingDay(x)).as(x.toString()).isFalse();
        }
        assertThat(CAL.isWorkingDay(d("2024-02-19"))).isTrue();
    }

    @Test
    void twentyWorkingDaysAcrossSpringFestival2024() {
        // Received Thu 2024-02-01. Working days after it: 2/2(1), 2/4 Sun 调休(2), 2/5-2/9(3-7),
        // 2/10-2/17 off, 2/18 Sun 调休(8), 2/19-2/23(9-13), 2/26-3/1(14-18), 3/4(19), 3/5(20).
        assertThat(CAL.plusWorkingDays(d("2024-02-01"), 20)).isEqualTo(d("2024-03-05"));
        assertThat(CAL.workingDaysBetween(d("2024-02-01"), d("2024-03-05"))).isEqualTo(20);
        // With weekends only it would have been 2/29.
        assertThat(WorkingDayCalendar.weekendsOnly().plusWorkingDays(d("2024-02-01"), 20)).isEqualTo(d("2024-02-29"));
    }

    @Test
    void twentyWorkingDaysAcrossNationalDay2024() {
        // Received Mon 2024-09-23: 9/24-9/27(1-4), 9/29 Sun 调休(5), 9/30(6), 10/1-10/7 off,
        // 10/8-10/11(7-10), 10/12 Sat 调休(11), 10/14-10/18(12-16), 10/21-10/24(17-20).
        assertThat(CAL.plusWorkingDays(d("2024-09-23"), 20)).isEqualTo(d("2024-10-24"));
        // Extended by another 20: 10/25(1), 10/28-11/1(2-6), 11/4-8(7-11), 11/11-15(12-16), 11/18-21(17-20).
        assertThat(CAL.plusWorkingDays(d("2024-09-23"), 40)).isEqualTo(d("2024-11-21"));
    }

    @Test
    void nationalDay2023AndSpringFestival2023() {
        // 中秋国庆 2023: 9/29-10/6 off, 10/7 Sat and 10/8 Sun work.
        assertThat(CAL.isWorkingDay(d("2023-09-29"))).isFalse();
        assertThat(CAL.isWorkingDay(d("2023-10-07"))).isTrue();
        assertThat(CAL.isWorkingDay(d("2023-10-08"))).isTrue();
        // Received Fri 2023-01-13: 1/16-1/20(1-5), 1/21-1/27 off, 1/28 Sat(6), 1/29 Sun(7),
        // 1/30-2/3(8-12), 2/6-2/10(13-17), 2/13-2/15(18-20).
        assertThat(CAL.plusWorkingDays(d("2023-01-13"), 20)).isEqualTo(d("2023-02-15"));
    }

    @Test
    void receiptOnARestDayStartsCountingOnTheNextWorkingDay() {
        // Received on 2024-10-03 (National Day): 10/8-10/11(1-4), 10/12(5).
        assertThat(CAL.plusWorkingDays(d("2024-10-03"), 5)).isEqualTo(d("2024-10-12"));
        assertThat(CAL.plusWorkingDays(d("2024-10-03"), 0)).isEqualTo(d("2024-10-03"));
        assertThat(CAL.workingDaysBetween(d("2024-10-03"), d("2024-10-03"))).isZero();
    }

    @Test
    void everyYearFrom2019To2026IsScheduledAndTheWorkdaysAreWeekendDays() {
        for (int y = 2019; y <= 2026; y++) {
            assertThat(CAL.hasSchedule(y)).as("schedule " + y).isTrue();
        }
        assertThat(CAL.hasSchedule(2027)).isFalse();
        // 2025: 春节 1/28-2/4 (8 days), 1/26 Sun and 2/8 Sat work; 2026: 春节 2/15-2/23, 2/14 and 2/28 work.
        assertThat(CAL.isWorkingDay(d("2025-01-26"))).isTrue();
        assertThat(CAL.isWorkingDay(d("2025-02-04"))).isFalse();
        assertThat(CAL.isWorkingDay(d("2026-02-23"))).isFalse();
        assertThat(CAL.isWorkingDay(d("2026-02-28"))).isTrue();
        // 2020 春节 extended to 2月2日: Saturday 2/1 was no longer a working day.
        assertThat(CAL.isWorkingDay(d("2020-02-01"))).isFalse();
        assertThat(CAL.isWorkingDay(d("2020-02-03"))).isTrue();
    }

    @Test
    void officeOverridesWin() {
        WorkingDayCalendar local = CAL.withOverrides(Map.of(d("2024-03-05"), WorkingDayCalendar.DayKind.REST));
        assertThat(local.plusWorkingDays(d("2024-02-01"), 20)).isEqualTo(d("2024-03-06"));
        assertThat(CAL.plusWorkingDays(d("2024-02-01"), 20)).isEqualTo(d("2024-03-05"));
    }
}
