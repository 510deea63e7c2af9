package org.disclosurereports.operations;

import org.springframework.scheduling.support.CronExpression;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One file of {@code jobs/}: what the {@code schedule} mode runs and when.
 *
 * @param file     the definition's file name, for messages
 * @param cron     when (Spring cron: second minute hour day month weekday; a 5-field crontab line gets second 0)
 * @param zone     the time zone the cron expression is read in
 * @param years    each a year, or {@code current} / {@code previous} relative to the day it fires
 * @param agencies agency codes to run one by one; empty for one run over all agencies
 * @param deadlines when the reports of its output directory are due (the review console shows them)
 */
public record JobDefinition(String file, String cronText, CronExpression cron, ZoneId zone, Path data, Path out, List<String> years,
                            List<String> agencies, boolean force, String encoding, Path templates, ReportDeadlines deadlines) {

    public JobDefinition(String file, String cronText, CronExpression cron, ZoneId zone, Path data, Path out, List<String> years,
                         List<String> agencies, boolean force, String encoding, Path templates) {
        this(file, cronText, cron, zone, data, out, years, agencies, force, encoding, templates, ReportDeadlines.STATUTORY);
    }

    /** The years to run on {@code day}: {@code current} is day's year (drafts for the year so far), {@code previous} the one before. */
    public List<Integer> yearsOn(LocalDate day) {
        List<Integer> out = new ArrayList<>();
        for (String y : years) {
            int year = switch (y) {
                case "current" -> day.getYear();
                case "previous" -> day.getYear() - 1;
                default -> Integer.parseInt(y);
            };
            if (!out.contains(year)) {
                out.add(year);
            }
        }
        return out;
    }
}
