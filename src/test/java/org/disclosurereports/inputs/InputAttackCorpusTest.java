package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.ReportFormat;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input files, one folder each under {@code attacks/inputs/}: a file of the data contract and
 * {@code expected.txt}, whose lines say what reading it must give. {@code reject: TEXT} is a rejection
 * whose description contains TEXT; {@code refused: TEXT} a refusal of the whole file whose message
 * contains TEXT; {@code loaded: N} the number of rows that load. The agencies SL and SL-GOV exist.
 * <p>
 * A hostile workbook is a folder named like the workbook ({@code applications.xlsx/}) holding, at their
 * paths in the package, the parts that differ from a minimal workbook ({@code xl/worksheets/sheet1.xml}…):
 * text to read and review, zipped by the test ({@link RawWorkbook}).
 */
class InputAttackCorpusTest {

    private static final InputSchema SCHEMA = new InputSchema(ReportFormat.current());

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(InputAttackCorpusTest.class.getResource("/attacks/inputs").toURI());
        try (Stream<Path> folders = Files.list(dir)) {
            return folders.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @TempDir
    Path workbooks;

    /** The rows of a data file: a CSV file or a workbook. */
    private interface Rows extends AutoCloseable {
        RawRow next();

        @Override
        void close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readingTheFileGivesWhatTheCaseExpects(Path attack) throws IOException {
        Path input;
        try (Stream<Path> files = Files.list(attack)) {
            input = files.filter(f -> !f.getFileName().toString().equals("expected.txt")).findFirst().orElseThrow();
        }
        String fileName = input.getFileName().toString();
        boolean workbook = Files.isDirectory(input);
        RecordKind kind = workbook ? Workbooks.kindOf(SCHEMA, fileName).orElseThrow() : SCHEMA.byFileName(fileName).orElseThrow();
        if (workbook) {
            input = RawWorkbook.fromFolder(input, workbooks.resolve(fileName));
        }
        List<String> rejections = new ArrayList<>();
        String refusal = null;
        int loaded = 0;
        RowChecker checker = new RowChecker(kind, fileName, Set.of("SL", "SL-GOV")::contains);
        try (Rows csv = open(input, kind, workbook)) {
            for (RawRow raw = csv.next(); raw != null; raw = csv.next()) {
                ParsedRow row = checker.check(raw);
                row.problems().forEach(p -> rejections.add(p.describe()));
                loaded += row.rejected() ? 0 : 1;
            }
        } catch (InputRefused e) {
            refusal = e.getMessage();
        }
        for (String expected : Files.readAllLines(attack.resolve("expected.txt"), StandardCharsets.UTF_8)) {
            String[] parts = expected.split(": ", 2);
            switch (parts[0]) {
                case "reject" -> assertThat(rejections).as("rejections; refused: %s", refusal).anySatisfy(r -> assertThat(r).contains(parts[1]));
                case "refused" -> assertThat(refusal).as("refusal; rejections: %s", rejections).isNotNull().contains(parts[1]);
                case "loaded" -> assertThat(loaded).as("rows loaded; rejections: %s", rejections).isEqualTo(Integer.parseInt(parts[1]));
                default -> throw new IllegalArgumentException(attack + "/expected.txt: no such expectation: " + expected);
            }
        }
    }

    private static Rows open(Path input, RecordKind kind, boolean workbook) {
        if (workbook) {
            XlsxInput xlsx = new XlsxInput(input, kind);
            return new Rows() {
                public RawRow next() {
                    return xlsx.next();
                }

                public void close() {
                    xlsx.close();
                }
            };
        }
        CsvInput csv = new CsvInput(input, StandardCharsets.UTF_8, kind);
        return new Rows() {
            public RawRow next() {
                return csv.next();
            }

            public void close() {
                csv.close();
            }
        };
    }
}
