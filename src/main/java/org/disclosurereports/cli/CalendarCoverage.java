package org.disclosurereports.cli;

import org.disclosurereports.core.compliance.WorkingDayCalendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the working-day calendar knows the report year's 放假安排. Without it only weekends are rest
 * days, so reply deadlines around 春节 and 国庆 come out wrong. This is a warning, not a refusal: the
 * statutory tables do not depend on the calendar, and refusing would hold up a report that is due by
 * 31 January over the deadline figures of section 六 alone.
 */
final class CalendarCoverage {

    static final String OFFICE_FILE = "holidays.csv";

    private CalendarCoverage() {
    }

    /** The warning for {@code year}, or empty when the shipped calendar or the office's holidays.csv covers it. */
    static Optional<String> warning(WorkingDayCalendar shipped, int year, Path dataDirectory) {
        if (shipped.hasSchedule(year) || officeFileCovers(dataDirectory.resolve(OFFICE_FILE), year)) {
            return Optional.empty();
        }
        Set<Integer> years = shipped.scheduledYears();
        String covered = years.isEmpty() ? "no year"
                : years.stream().min(Integer::compare).get() + "–" + years.stream().max(Integer::compare).get();
        return Optional.of("Warning: the shipped working-day calendar (" + WorkingDayCalendar.SHIPPED + ") covers " + covered
                + ", not " + year + ", and " + dataDirectory.resolve(OFFICE_FILE) + " has no day of " + year
                + ". Reply deadlines (条例 第三十三条, 20 working days) in " + year
                + " are counted with weekends as the only rest days, so late and overdue replies may be wrong."
                + " Add the State Council's 放假安排 for " + year + " to " + OFFICE_FILE
                + " in the data directory (columns date,kind: every declared 休息日 and 调休 工作日) and run again.");
    }

    /** True when the office's file names at least one day of {@code year}, in any of the contract's date forms. */
    private static boolean officeFileCovers(Path file, int year) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.stream().map(l -> l.strip().replace("\uFEFF", "").replace("\"", ""))
                    .anyMatch(l -> l.startsWith(year + "-") || l.startsWith(year + "/") || l.startsWith(year + "年"));
        } catch (IOException | UncheckedIOException e) {
            // An unreadable file is refused, with its reason, by the inspection that follows: warn meanwhile.
            return false;
        }
    }
}
