package org.disclosurereports.outputs;

import org.disclosurereports.inputs.Rejection;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each file of {@code attacks/formula/} is one cell value that a spreadsheet would run as a formula.
 * Written by any CSV of the program, it must read back as plain text: the value behind a single quote.
 */
class FormulaInjectionCorpusTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(FormulaInjectionCorpusTest.class.getResource("/attacks/formula").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aCellThatWouldStartAFormulaIsWrittenAsText(Path attack) throws IOException {
        String value = Files.readString(attack, StandardCharsets.UTF_8);
        for (String written : List.of(CsvWriter.line("A1", value), CsvWriter.crlf().row("A1", value).toString(),
                CsvWriter.forExcel().row("A1", value).toString().substring(1))) {
            CSVRecord record = CSVFormat.RFC4180.parse(new StringReader(written)).getRecords().get(0);
            assertThat(record.get(1)).isEqualTo("'" + value);
        }
    }

    @Test
    void numbersStayNumbers() {
        assertThat(CsvWriter.line(-3, "-3", "+1.5", "-0.25", 12L, "3-1", "a=b")).isEqualTo("-3,-3,+1.5,-0.25,12,3-1,a=b");
    }

    @Test
    void theRejectsFileGoesThroughTheSameWriter() {
        String line = RejectsFile.line(new Rejection("applications.csv", 3, "applicant_name",
                "=HYPERLINK(\"x\")", "not allowed"), "=HYPERLINK(\"x\"),@a");
        assertThat(line).isEqualTo("applications.csv,3,applicant_name,\"'=HYPERLINK(\"\"x\"\")\",not allowed,\"'=HYPERLINK(\"\"x\"\"),@a\",");
    }
}
