package org.disclosurereports.cli;

import org.disclosurereports.support.ChildJvm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line is read before the application starts: help, a usage error and {@code --help} of a
 * command and a run without its data directory answer from a JVM of their own without Spring or a database, so the working directory holds no
 * {@code var/} afterwards. (Four launches; what they print is checked in the unit tests of {@link CommandLine}.)
 */
class CommandLineJvmTest {

    @TempDir
    Path workDir;

    private ChildJvm launch(String... args) throws Exception {
        ChildJvm jvm = ChildJvm.start(workDir, List.of(), List.of(args));
        jvm.waitFor();
        return jvm;
    }

    @Test
    void helpUsageErrorsAndCommandHelpTouchNoDatabase() throws Exception {
        ChildJvm help = launch("help");
        assertThat(help.waitFor()).as(help.stderr()).isEqualTo(ExitCode.OK.code());
        assertThat(help.stdout()).contains("Usage: java -jar disclosure-reports.jar COMMAND").contains("run --data DIR")
                .contains("generate --out DIR").contains("Exit codes:");

        ChildJvm bogus = launch("run", "--bogus");
        assertThat(bogus.waitFor()).as(bogus.stderr()).isEqualTo(ExitCode.USAGE.code());
        assertThat(bogus.stderr()).contains("disclosure-reports: unknown option --bogus for run").contains("run --data DIR");
        assertThat(bogus.stdout()).isEmpty();

        ChildJvm generateHelp = launch("generate", "--help");
        assertThat(generateHelp.waitFor()).as(generateHelp.stderr()).isEqualTo(ExitCode.OK.code());
        assertThat(generateHelp.stdout()).contains("generate --out DIR [--scale F] [--seed N]").doesNotContain("run --data DIR");

        ChildJvm noData = launch("run", "--data", "no-such-data", "--year", "2024", "--out", "out");
        assertThat(noData.waitFor()).as(noData.stderr()).isEqualTo(ExitCode.USAGE.code());
        assertThat(noData.stderr()).contains("no-such-data does not exist");

        assertThat(workDir.resolve("var")).as("the embedded database's folder").doesNotExist();
        try (var files = Files.list(workDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> n.startsWith("stdout-") || n.startsWith("stderr-"));
        }
    }
}
