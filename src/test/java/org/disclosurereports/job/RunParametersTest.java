package org.disclosurereports.job;

import org.disclosurereports.operations.RunGuard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunParametersTest {

    @TempDir
    Path dir;

    static RunParameters run(Path out) {
        return new RunParameters(Path.of("/data"), 2024, RunParameters.realDirectory(out), RunParameters.ALL_AGENCIES, "digest", "", 0);
    }

    /** Otherwise two runs into one directory, named once through a link, would run at once and overwrite each other. */
    @Test
    void aDirectoryAndALinkToItAreOneScope() throws IOException {
        Path real = Files.createDirectory(dir.resolve("out"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);

        assertThat(RunGuard.scopeOf(run(link))).isEqualTo(RunGuard.scopeOf(run(real)));
        assertThat(RunGuard.scopeOf(run(link.resolve("reports")))).isEqualTo(RunGuard.scopeOf(run(real.resolve("reports"))));
    }

    @Test
    void aDirectoryWithoutLinksIsNamedAsBefore() throws IOException {
        Path real = dir.toRealPath();

        assertThat(RunParameters.realDirectory(real.resolve("out"))).isEqualTo(real.resolve("out"));
        assertThat(RunParameters.realDirectory(real.resolve("a/../out/./b"))).isEqualTo(real.resolve("out/b"));
        assertThat(Files.exists(real.resolve("out"))).as("naming the directory creates nothing").isFalse();
    }
}
