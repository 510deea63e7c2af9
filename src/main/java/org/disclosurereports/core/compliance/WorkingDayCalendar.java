package org.disclosurereports.core.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * China's official working-day calendar: Monday to Friday are working days, Saturday and Sunday are
 * not, except where the State Council's yearly 放假安排 declares a weekday a rest day (休息日) or a
 * weekend day a working day (调休上班, 工作日).
 * <p>
 * The schedules for 2019 onward ship as {@code calendar/cn-holidays.csv} (date, kind, holiday,
 * schedule_year); an office can correct or extend them with its own {@code holidays.csv}, whose
 * entries take precedence date by date ({@link #withOverrides}).
 * <p>
 * Counting rule used for reply deadlines (条例 第三十三条 "自收到申请之日起20个工作日内"): the day of
 * receipt is not counted; {@code plusWorkingDays(received, 20)} is the 20th working day after it, and
 * a reply on that day is in time. {@link #workingDaysBetween} counts the working days in
 * {@code (from, to]}, so a reply on the deadline took exactly 20 working days.
 */
public final class WorkingDayCalendar {

    public enum DayKind { REST, WORK }

    public static final String SHIPPED = "calendar/cn-holidays.csv";

    private final Map<LocalDate, DayKind> declared;
    private final Set<Integer> scheduledYears;

    private WorkingDayCalendar(Map<LocalDate, DayKind> declared, Set<Integer> scheduledYears) {
        this.declared = Collections.unmodifiableMap(new HashMap<>(declared));
        this.scheduledYears = Collections.unmodifiableSet(new TreeSet<>(scheduledYears));
    }

    /** The calendar shipped with the project. */
    public static WorkingDayCalendar official() {
        try (InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SHIPPED, e);
        }
    }

    /** Only weekends: for tests and as the base of a calendar built from overrides alone. */
    public static WorkingDayCalendar weekendsOnly() {
        return new WorkingDayCalendar(Map.of(), Set.of());
    }

    static WorkingDayCalendar parse(InputStream in) throws IOException {
        Map<LocalDate, DayKind> days = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null || !header.startsWith("date,kind")) {
            throw new IllegalStateException(SHIPPED + ": unexpected header " + header);
        }
        int lineNo = 1;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            LocalDate date = LocalDate.parse(f[0]);
            days.put(date, kindOf(f[1], SHIPPED + " line " + lineNo));
            years.add(f.length > 3 ? Integer.parseInt(f[3]) : date.getYear());
        }
        return new WorkingDayCalendar(days, years);
    }

    /** 休息日/holiday → REST, 工作日/workday → WORK. */
    public static DayKind kindOf(String value, String where) {
        return switch (value) {
            case "休息日", "holiday" -> DayKind.REST;
            case "工作日", "workday" -> DayKind.WORK;
            default -> throw new IllegalArgumentException(where + ": kind '" + value + "' is not 休息日 holiday or 工作日 workday");
        };
    }

    /** This calendar with {@code overrides} (an office's holidays.csv) taking precedence. */
    public WorkingDayCalendar withOverrides(Map<LocalDate, DayKind> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<LocalDate, DayKind> days = new HashMap<>(declared);
        days.putAll(overrides);
        Set<Integer> years = new TreeSet<>(scheduledYears);
        return new WorkingDayCalendar(days, years);
    }

    /** True when the official schedule of {@code year} is known; otherwise only weekends are rest days. */
    public boolean hasSchedule(int year) {
        return scheduledYears.contains(year);
    }

    public Set<Integer> scheduledYears() {
        return scheduledYears;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayKind k = declared.get(date);
        if (k != null) {
            return k == DayKind.WORK;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code date} ({@code date} itself never counts); n ≥ 0. */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be ≥ 0: " + n);
        }
        LocalDate d = date;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days in {@code (from, to]}: 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
