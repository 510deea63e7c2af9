package org.disclosurereports.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OutputPlacementTest {

    @TempDir
    Path dir;

    @Test
    void anOutputDirectoryInsideOrEqualToTheDataDirectoryIsRefusedNamingBoth() throws IOException {
        Path data = Files.createDirectory(dir.toRealPath().resolve("data"));

        assertThat(OutputPlacement.problem(data, data.resolve("out"))).hasValueSatisfying(p ->
                assertThat(p).contains(data.resolve("out").toString()).contains("inside the data directory " + data));
        assertThat(OutputPlacement.problem(data, data)).hasValueSatisfying(p ->
                assertThat(p).contains("--out " + data + " is the data directory " + data));
    }

    @Test
    void aLinkToTheDataDirectoryCannotHideIt() throws IOException {
        Path data = Files.createDirectory(dir.toRealPath().resolve("data"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), data);

        assertThat(OutputPlacement.problem(data, link.resolve("out"))).isPresent();
        assertThat(OutputPlacement.problem(link, data.resolve("out"))).isPresent();
    }

    @Test
    void aDataDirectoryInsideAYearFolderOfTheOutputIsRefused() throws IOException {
        Path out = Files.createDirectory(dir.toRealPath().resolve("out"));

        assertThat(OutputPlacement.problem(out.resolve("2024/data"), out)).hasValueSatisfying(p ->
                assertThat(p).contains(out.resolve("2024/data").toString()).contains("--out " + out));
        assertThat(OutputPlacement.problem(out.resolve("2024"), out)).isPresent();
    }

    @Test
    void directoriesSideBySideOrDataBesideTheYearFoldersAreAccepted() throws IOException {
        Path root = dir.toRealPath();

        assertThat(OutputPlacement.problem(root.resolve("data"), root.resolve("out"))).isEmpty();
        assertThat(OutputPlacement.problem(root.resolve("data-2024"), root.resolve("data"))).isEmpty();
        assertThat(OutputPlacement.problem(root.resolve("out/inputs"), root.resolve("out"))).isEmpty();
    }
}
