package org.disclosurereports.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken page template given with --templates is the template's fault, named by file and line. */
class TemplateBrokenTest {

    @Test
    void aTemplateThatDoesNotParseIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("scorecard.ftlh"), "<p>\n<#if>\n</p>\n");
        assertThatThrownBy(() -> new ScorecardPage(new Templates(dir)).district(2024, List.of()))
                .isInstanceOf(TemplateBroken.class)
                .hasMessageStartingWith("template " + dir.resolve("scorecard.ftlh") + ", line 2, column ");
    }

    @Test
    void aTemplateThatFailsWhileRenderingIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("scorecard.ftlh"), "<p>${year?c}</p>\n<p>${noSuchValue}</p>\n");
        assertThatThrownBy(() -> new ScorecardPage(new Templates(dir)).district(2024, List.of()))
                .isInstanceOf(TemplateBroken.class)
                .hasMessageStartingWith("template " + dir.resolve("scorecard.ftlh") + ", line 2, column ")
                .hasMessageNotContaining("\n");
    }
}
