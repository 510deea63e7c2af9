package org.disclosurereports.core.compliance;

import org.disclosurereports.core.records.Application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reply deadlines of 条例 第三十三条 for one agency and year, fed one application at a time from the
 * same streaming read as table 三 (applications received by 31 December and not closed before 1 January).
 * <p>
 * deadline = received + 20 working days ({@link WorkingDayCalendar#plusWorkingDays}: the day of receipt
 * is not counted), + another 20 when {@code extended} = Y (a blank extended counts as N). An
 * application closed in the year is in time when closed on or before its deadline, late otherwise; one
 * still open on 31 December (closed later, or not yet) is overdue when its deadline is before 31 December.
 * Reply time is the working days in (received, closed]. Median and longest are computed from the
 * replies of the year, never from other summaries.
 */
public final class ReplyDeadlines {

    public static final int BASE_DAYS = 20;
    public static final int EXTENSION_DAYS = 20;

    public enum Status {
        ON_TIME("按期答复"), LATE("逾期答复"), OPEN_OVERDUE("超期未办结"), OPEN_WITHIN("未到期");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One application measured against its deadline; {@code workingDays} is the reply time, or the time elapsed by 31 December while open. */
    public record Reply(String applicationId, LocalDate received, boolean extended, LocalDate deadline, LocalDate closed,
                        int workingDays, Status status) {}

    /** The year's figures. {@code medianDays} is null when nothing was closed; {@code replyDays} sorted, one per reply. */
    public record Summary(int closed, int onTime, int late, int openOverdue, int openWithin, BigDecimal medianDays,
                          Integer longestDays, List<Reply> overdue, Set<Integer> yearsWithoutSchedule,
                          List<Integer> replyDays) {
        /** Late replies and open applications past their deadline: the office's list. */
        public int overdueTotal() {
            return late + openOverdue;
        }
    }

    private final WorkingDayCalendar calendar;
    private final LocalDate yearStart;
    private final LocalDate yearEnd;
    private final List<Integer> replyDays = new ArrayList<>();
    private final List<Reply> overdue = new ArrayList<>();
    private final Set<Integer> unscheduled = new TreeSet<>();
    private int onTime;
    private int late;
    private int openOverdue;
    private int openWithin;

    public ReplyDeadlines(WorkingDayCalendar calendar, int year) {
        this.calendar = calendar;
        this.yearStart = LocalDate.of(year, 1, 1);
        this.yearEnd = LocalDate.of(year, 12, 31);
    }

    public void accept(Application a) {
        if (a.receivedDate().isAfter(yearEnd) || (a.closedDate() != null && a.closedDate().isBefore(yearStart))) {
            return; // not in this year's table 三 either
        }
        boolean extended = Boolean.TRUE.equals(a.extended());
        LocalDate deadline = calendar.plusWorkingDays(a.receivedDate(), BASE_DAYS + (extended ? EXTENSION_DAYS : 0));
        noteSchedule(a.receivedDate());
        noteSchedule(deadline);
        boolean closedInYear = a.closedDate() != null && !a.closedDate().isAfter(yearEnd);
        if (closedInYear) {
            int days = calendar.workingDaysBetween(a.receivedDate(), a.closedDate());
            replyDays.add(days);
            if (a.closedDate().isAfter(deadline)) {
                late++;
                overdue.add(new Reply(a.applicationId(), a.receivedDate(), extended, deadline, a.closedDate(), days, Status.LATE));
            } else {
                onTime++;
            }
        } else if (deadline.isBefore(yearEnd)) {
            openOverdue++;
            overdue.add(new Reply(a.applicationId(), a.receivedDate(), extended, deadline, null,
                    calendar.workingDaysBetween(a.receivedDate(), yearEnd), Status.OPEN_OVERDUE));
        } else {
            openWithin++;
        }
    }

    private void noteSchedule(LocalDate d) {
        if (!calendar.hasSchedule(d.getYear())) {
            unscheduled.add(d.getYear());
        }
    }

    public Summary summary() {
        List<Integer> sorted = replyDays.stream().sorted().toList();
        BigDecimal median = null;
        Integer longest = null;
        if (!sorted.isEmpty()) {
            int n = sorted.size();
            median = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
                    : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY)
                    .stripTrailingZeros();
            if (median.scale() < 0) {
                median = median.setScale(0);
            }
            longest = sorted.get(n - 1);
        }
        List<Reply> list = overdue.stream().sorted(Comparator.comparing(Reply::received).thenComparing(Reply::applicationId)).toList();
        return new Summary(sorted.size(), onTime, late, openOverdue, openWithin, median, longest, list, Set.copyOf(unscheduled), sorted);
    }
}
