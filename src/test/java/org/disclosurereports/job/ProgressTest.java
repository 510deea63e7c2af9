package org.disclosurereports.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    long nanos;

    @Test
    void theLinesOfAFileAreCountedInItsBytesWhateverItsEncoding(@TempDir Path dir) throws Exception {
        String text = "agency_code,name\nSL,示例区人民政府\r\nSL-JD1,示例街道办事处\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            Path file = Files.writeString(dir.resolve(charset.name() + ".csv"), text, charset);
            assertThat(ProgressListener.lines(file)).as(charset.name()).isEqualTo(3);
            Path unterminated = Files.writeString(dir.resolve(charset.name() + "-last.csv"), text + "SL-GOV,示例区政府办", charset);
            assertThat(ProgressListener.lines(unterminated)).as(charset.name()).isEqualTo(4);
        }
        assertThat(ProgressListener.lines(Files.createFile(dir.resolve("empty.csv")))).isZero();
    }

    @Test
    void underCronALogLineEveryIntervalWithRateAndShare() {
        List<String> lines = new ArrayList<>();
        Progress p = new Progress("loadApplications", 4000, false, Duration.ofSeconds(10), () -> nanos, System.out, lines::add);
        nanos = Duration.ofSeconds(4).toNanos();
        p.update(1000); // too soon
        nanos = Duration.ofSeconds(10).toNanos();
        p.update(2000);
        nanos = Duration.ofSeconds(15).toNanos();
        p.update(3000); // too soon again
        nanos = Duration.ofSeconds(20).toNanos();
        p.update(4000);
        assertThat(lines).containsExactly("loadApplications: 2000 items of ~4000 (50%), 200/s",
                "loadApplications: 4000 items of ~4000 (100%), 200/s");
    }

    @Test
    void onATerminalABarRedrawnInPlaceAndClearedAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        Progress p = new Progress("buildReports", 10, true, Duration.ofSeconds(10), () -> nanos, new PrintStream(bytes, true, StandardCharsets.UTF_8), lines::add);
        nanos = Duration.ofSeconds(1).toNanos();
        p.update(5);
        p.finish(5);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).startsWith("\rbuildReports     [###############               ] 5/10  5.0/s").endsWith("\r");
        assertThat(lines).isEmpty();
    }

    @Test
    void slowItemsShowSecondsAnItemAndTheLastLineReachesTheEnd() {
        // Reports take seconds each: six of them, the last chunk ending before the next interval.
        List<String> lines = new ArrayList<>();
        Progress p = new Progress("buildReports", 6, false, Duration.ofSeconds(10), () -> nanos, System.out, lines::add);
        nanos = Duration.ofSeconds(25).toNanos();
        p.update(5);
        nanos = Duration.ofSeconds(30).toNanos();
        p.update(6); // too soon for a line of its own
        p.finish(6);
        assertThat(lines).containsExactly("buildReports: 5 items of ~6 (83%), 5.0 s/item",
                "buildReports: 6 items of ~6 (100%), 5.0 s/item");
    }

    @Test
    void aStepThatLoggedNothingLogsNothingAtTheEnd() {
        List<String> lines = new ArrayList<>();
        Progress p = new Progress("loadAgencies", 12, false, Duration.ofSeconds(10), () -> nanos, System.out, lines::add);
        nanos = Duration.ofSeconds(1).toNanos();
        p.update(12);
        p.finish(12);
        assertThat(lines).isEmpty();
    }
}
