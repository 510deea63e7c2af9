package org.disclosurereports.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NightlyReportBuilderTest {

    @TempDir
    Path dir;

    private void written(String fingerprint, long run) throws IOException {
        Files.writeString(dir.resolve("report.html"), "<html/>");
        Files.writeString(dir.resolve(NightlyReportBuilder.FINGERPRINT_FILE),
                fingerprint + "\n" + NightlyReportBuilder.BUILT_BY + run + "\nreport.html\n", StandardCharsets.UTF_8);
    }

    @Test
    void aReportOfAnEarlierRunWithTheSameFingerprintIsUnchanged() throws IOException {
        written("abc", 7);
        assertThat(NightlyReportBuilder.unchanged(dir, "abc", 8)).isTrue();
        assertThat(NightlyReportBuilder.unchanged(dir, "abd", 8)).isFalse();
    }

    @Test
    void aReportThisRunWroteInAChunkThatWasNeverCommittedIsBuiltAgain() throws IOException {
        written("abc", 7);
        assertThat(NightlyReportBuilder.unchanged(dir, "abc", 7)).isFalse();
    }

    @Test
    void aMissingFileMakesTheReportChanged() throws IOException {
        written("abc", 7);
        Files.delete(dir.resolve("report.html"));
        assertThat(NightlyReportBuilder.unchanged(dir, "abc", 8)).isFalse();
    }
}
