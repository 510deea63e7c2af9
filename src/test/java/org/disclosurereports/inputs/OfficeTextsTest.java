package org.disclosurereports.inputs;

import org.disclosurereports.core.narrative.OfficeText;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Office text is read with the data files' encoding detection: GB18030 as Chinese editors save it, or refused naming the file. */
class OfficeTextsTest {

    static final Path ATTACKS = Path.of("src/test/resources/attacks/office-text");

    @TempDir
    Path data;

    private void place(String attack) throws IOException {
        Path dir = Files.createDirectories(OfficeTexts.directory(data, "SL", 2024));
        Files.copy(ATTACKS.resolve(attack), dir.resolve(OfficeText.Slot.PROBLEMS.fileName()));
    }

    @Test
    void textSavedAsGb18030IsRead() throws IOException {
        place("saved-as-gb18030.md");
        assertThat(OfficeTexts.read(data, "SL", 2024).text(OfficeText.Slot.PROBLEMS))
                .isEqualTo("一是主动公开的深度和广度有待加强。二是依申请公开答复的规范性有待提高。");
    }

    @Test
    void textInNeitherEncodingIsRefusedNamingTheFile() throws IOException {
        place("neither-utf8-nor-gb18030.md");
        assertThatThrownBy(() -> OfficeTexts.read(data, "SL", 2024)).isInstanceOf(InputRefused.class)
                .hasMessageStartingWith(Path.of("narrative", "SL", "2024", "problems.md") + ": problems.md is neither UTF-8 nor GB18030");
    }
}
