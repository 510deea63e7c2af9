package org.disclosurereports.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The night line counts the summaries the index lists, so its reports and the index's agree. */
class RunLineTest {

    @Test
    void summariesAreThoseInTheOutputDirectoryForTheScope(@TempDir Path year) throws Exception {
        for (String code : List.of("SL", "SL-SAMR", "OTHER")) {
            Files.createDirectories(year.resolve(code).resolve("summary"));
            Files.writeString(year.resolve(code).resolve("summary").resolve("tables.json"), "{}");
        }
        Files.createDirectories(year.resolve("SL-JD1"));
        Files.createDirectories(year.resolve("SL-GOV").resolve("summary")); // removed as failed: no tables.json
        assertThat(RunLine.summariesListed(year, List.of("SL", "SL-SAMR", "SL-JD1", "SL-GOV"))).isEqualTo(2);
    }
}
