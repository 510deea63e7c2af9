package org.disclosurereports.operations;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule loop driven by a clock the test moves: no sleeping. */
class SchedulerTest {

    static final ZoneId ZONE = ZoneOffset.ofHours(8);

    /** A clock that stands still until the waiter (or a firing) moves it. */
    static final class TestClock extends Clock {
        Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static JobDefinition job(String file, String cron) {
        return new JobDefinition(file, cron, CronExpression.parse(cron), ZONE, Path.of("/data"), Path.of("/out"),
                List.of("current"), List.of(), false, null, null);
    }

    @Test
    void firesEachJobAtItsCronTimesInOrder() throws Exception {
        TestClock clock = new TestClock(ZonedDateTime.of(2025, 1, 10, 23, 0, 0, 0, ZONE).toInstant());
        List<String> fired = new ArrayList<>();
        List<Instant> waits = new ArrayList<>();
        Scheduler s = new Scheduler(List.of(job("nightly.yaml", "0 30 1 * * *"), job("hourly.yaml", "0 0 * * * *")), clock,
                when -> {
                    waits.add(when);
                    clock.now = when;
                },
                (job, at) -> {
                    fired.add(job.file() + "@" + at.toLocalDateTime());
                    return 0;
                });
        assertThat(s.run(4)).containsExactly(0, 0, 0, 0);
        assertThat(fired).containsExactly("hourly.yaml@2025-01-11T00:00", "hourly.yaml@2025-01-11T01:00",
                "nightly.yaml@2025-01-11T01:30", "hourly.yaml@2025-01-11T02:00");
        assertThat(waits).hasSize(4);
    }

    @Test
    void firingsMissedWhileALongRunRanAreRunOnceNotOncePerMiss() throws Exception {
        TestClock clock = new TestClock(ZonedDateTime.of(2025, 1, 10, 0, 0, 30, 0, ZONE).toInstant());
        List<String> fired = new ArrayList<>();
        Scheduler s = new Scheduler(List.of(job("minutely.yaml", "0 * * * * *")), clock, when -> clock.now = when,
                (job, at) -> {
                    fired.add(at.toLocalTime().toString());
                    clock.now = clock.now.plus(Duration.ofMinutes(5).plusSeconds(10)); // a run of 5 minutes
                    return fired.size() == 2 ? 4 : 0;
                });
        assertThat(s.run(3)).containsExactly(0, 4, 0);
        // 00:01 runs until 00:06:10; the next firing is 00:07, not 00:02..00:06 one after another.
        assertThat(fired).containsExactly("00:01", "00:07", "00:13");
    }
}
