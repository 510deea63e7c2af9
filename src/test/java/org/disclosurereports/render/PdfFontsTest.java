package org.disclosurereports.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The file copy Flying Saucer reads a bundled face from: one per face and version, whatever the number of runs. */
class PdfFontsTest {

    @TempDir
    Path dir;

    private long files() throws Exception {
        try (Stream<Path> all = Files.list(dir)) {
            return all.count();
        }
    }

    @Test
    void everyRunSharesOneCopyOfAFace() throws Exception {
        byte[] face = "a face".getBytes(StandardCharsets.UTF_8);
        Path first = PdfFonts.fileCopy(dir, "Face-Regular.ttf", face);
        Path again = PdfFonts.fileCopy(dir, "Face-Regular.ttf", face);
        assertThat(again).isEqualTo(first).hasBinaryContent(face);
        assertThat(first.getParent()).isEqualTo(dir);
        assertThat(first.getFileName().toString()).endsWith("-Face-Regular.ttf");

        byte[] newer = "a newer face".getBytes(StandardCharsets.UTF_8);
        assertThat(PdfFonts.fileCopy(dir, "Face-Regular.ttf", newer)).isNotEqualTo(first).hasBinaryContent(newer);
        assertThat(files()).isEqualTo(2);
    }

    @Test
    void aCopyThatIsNotTheFaceIsReplaced() throws Exception {
        byte[] face = "a face".getBytes(StandardCharsets.UTF_8);
        Path copy = PdfFonts.fileCopy(dir, "Face-Bold.ttf", face);
        Files.writeString(copy, "torn");
        assertThat(PdfFonts.fileCopy(dir, "Face-Bold.ttf", face)).isEqualTo(copy).hasBinaryContent(face);
        assertThat(files()).isEqualTo(1);
    }
}
