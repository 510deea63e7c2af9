package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.ReportFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A data file or an office text that links to a file outside the data directory is refused, and never read. */
class InputLinksTest {

    @TempDir
    Path temp;

    @Test
    void linksOutOfTheDataDirectoryAreRefusedWithoutShowingTheirTarget() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "root:x:0:0:secret line\n", StandardCharsets.UTF_8);
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("agencies.csv"), "agency_code,name,parent_code\nSL,示例区人民政府,\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(data.resolve("applications.csv"), secret);
        Path narrative = Files.createDirectories(OfficeTexts.directory(data, "SL", 2024));
        Files.createSymbolicLink(narrative.resolve("problems.md"), secret);
        // A link that stays inside the data directory is an ordinary input.
        Files.writeString(data.resolve("own-copy.md"), "一是……\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(narrative.resolve("other.md"), data.resolve("own-copy.md"));

        InputInspector.Refused refused = catchThrowableOfType(InputInspector.Refused.class,
                () -> new InputInspector(new InputSchema(ReportFormat.current())).inspect(data, null));

        assertThat(refused.problems()).containsExactly(
                "applications.csv is a link to a file outside the data directory: copy the file itself into the data directory",
                "narrative/SL/2024/problems.md is a link to a file outside the data directory: copy the file itself into the data directory");
        assertThat(refused.getMessage()).doesNotContain("secret");
    }
}
