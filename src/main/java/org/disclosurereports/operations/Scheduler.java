package org.disclosurereports.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code schedule} loop, plain Java: waits for the next time a job definition's cron fires and
 * runs it, one firing after another (a night's runs never overlap within one scheduler; a firing
 * missed while another ran is run at once, once). Time comes from a {@link Clock} and waiting from a
 * {@link Waiter}, so tests drive it without sleeping.
 */
public final class Scheduler {

    /** Waits until an instant (the real one sleeps; a test's moves its clock). */
    public interface Waiter {
        void waitUntil(Instant when) throws InterruptedException;
    }

    /** Runs one firing of a definition; returns its exit code. */
    public interface Firing {
        int fire(JobDefinition job, ZonedDateTime at);
    }

    private final List<JobDefinition> jobs;
    private final Clock clock;
    private final Waiter waiter;
    private final Firing firing;

    public Scheduler(List<JobDefinition> jobs, Clock clock, Waiter waiter, Firing firing) {
        this.jobs = List.copyOf(jobs);
        this.clock = clock;
        this.waiter = waiter;
        this.firing = firing;
    }

    /** When each job fires next after {@code after}. */
    public Map<JobDefinition, ZonedDateTime> nextAfter(Instant after) {
        Map<JobDefinition, ZonedDateTime> next = new LinkedHashMap<>();
        for (JobDefinition job : jobs) {
            ZonedDateTime t = job.cron().next(after.atZone(job.zone()));
            if (t != null) {
                next.put(job, t);
            }
        }
        return next;
    }

    /**
     * Runs firings until {@code maxFirings} (0: forever). Returns the exit codes of the firings, in order.
     */
    public List<Integer> run(int maxFirings) throws InterruptedException {
        List<Integer> codes = new ArrayList<>();
        Map<JobDefinition, ZonedDateTime> due = nextAfter(clock.instant());
        while (!due.isEmpty() && (maxFirings == 0 || codes.size() < maxFirings)) {
            JobDefinition job = null;
            ZonedDateTime at = null;
            for (Map.Entry<JobDefinition, ZonedDateTime> e : due.entrySet()) {
                if (at == null || e.getValue().toInstant().isBefore(at.toInstant())) {
                    job = e.getKey();
                    at = e.getValue();
                }
            }
            if (clock.instant().isBefore(at.toInstant())) {
                waiter.waitUntil(at.toInstant());
                if (clock.instant().isBefore(at.toInstant())) {
                    continue; // woken early
                }
            }
            codes.add(firing.fire(job, at));
            // Next time after now: firings missed while this one ran collapse into the next due one.
            Instant now = clock.instant();
            ZonedDateTime next = job.cron().next((now.isAfter(at.toInstant()) ? now : at.toInstant()).atZone(job.zone()));
            if (next == null) {
                due.remove(job);
            } else {
                due.put(job, next);
            }
        }
        return codes;
    }
}
