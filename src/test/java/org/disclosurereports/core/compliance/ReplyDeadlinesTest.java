package org.disclosurereports.core.compliance;

import org.disclosurereports.core.records.Application;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-counted cases around 春节 and 国庆 2024 (see WorkingDayCalendarTest for the day counts). */
class ReplyDeadlinesTest {

    private static Application app(String id, String received, String closed, Boolean extended) {
        return new Application("X", id, LocalDate.parse(received), "natural_person",
                closed == null ? null : LocalDate.parse(closed), closed == null ? null : "granted", extended, null);
    }

    @Test
    void countsInTimeLateAndOpenAcrossHolidays() {
        ReplyDeadlines d = new ReplyDeadlines(WorkingDayCalendar.official(), 2024);
        d.accept(app("a", "2024-02-01", "2024-03-05", false));  // deadline 3/5: in time, 20 days
        d.accept(app("b", "2024-02-01", "2024-03-06", null));   // one day late, 21 days
        d.accept(app("c", "2024-09-23", "2024-11-21", true));   // extended: deadline 11/21, in time, 40 days
        d.accept(app("d", "2024-11-04", null, false));          // deadline 12/2: open past it on 12/31
        d.accept(app("e", "2024-12-20", null, false));          // deadline in 2025: open, within
        d.accept(app("f", "2023-12-01", "2023-12-20", false));  // closed in 2023: not this year's
        ReplyDeadlines.Summary s = d.summary();
        assertThat(s.closed()).isEqualTo(3);
        assertThat(s.onTime()).isEqualTo(2);
        assertThat(s.late()).isEqualTo(1);
        assertThat(s.openOverdue()).isEqualTo(1);
        assertThat(s.openWithin()).isEqualTo(1);
        assertThat(s.medianDays()).isEqualByComparingTo(BigDecimal.valueOf(21));
        assertThat(s.longestDays()).isEqualTo(40);
        assertThat(s.overdue()).extracting(ReplyDeadlines.Reply::applicationId).containsExactly("b", "d");
        assertThat(s.overdue().get(0).deadline()).isEqualTo(LocalDate.parse("2024-03-05"));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        ReplyDeadlines d = new ReplyDeadlines(WorkingDayCalendar.weekendsOnly(), 2024);
        d.accept(app("a", "2024-03-04", "2024-03-05", false)); // 1 day
        d.accept(app("b", "2024-03-04", "2024-03-07", false)); // 3 days
        assertThat(d.summary().medianDays().toPlainString()).isEqualTo("2");
        d.accept(app("c", "2024-03-04", "2024-03-08", false)); // 4 days
        d.accept(app("e", "2024-03-04", "2024-03-11", false)); // 5 days
        assertThat(d.summary().medianDays().toPlainString()).isEqualTo("3.5");
    }
}
