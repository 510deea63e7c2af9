package org.disclosurereports.cli;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.core.layout.ReportFormats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile published reports under {@code attacks/audit/}: {@code NAME.json} given to {@code audit}, and
 * {@code NAME.expected}, what the refusal must say. Each is refused naming the cell (exit 3).
 */
class AuditAttackCorpusTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(AuditAttackCorpusTest.class.getResource("/attacks/audit").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReportIsRefusedNamingTheCell(Path attack) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AuditCommand command = new AuditCommand(ReportFormats.shipped(), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String expected = Files.readString(attack.resolveSibling(attack.getFileName().toString().replace(".json", ".expected"))).strip();

        ExitCode exit = command.execute(new Options("audit", Map.of("tables", attack.toString()), Set.of()));

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Refused: " + attack).contains(expected);
        assertThat(exit).isEqualTo(ExitCode.INPUT_REFUSED);
    }
}
