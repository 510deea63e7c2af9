package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.ReportFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A quoted field that is never closed: the broken last row is rejected; a quote that would swallow following lines refuses the file. */
class UnclosedQuoteTest {

    @TempDir
    Path dir;

    private final InputSchema schema = new InputSchema(ReportFormat.current());
    private final RecordKind agencies = schema.kind("agencies");

    private Path write(String text) throws Exception {
        Path p = dir.resolve("agencies.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void onTheLastLineOnlyThatRowIsRejected() throws Exception {
        Path file = write("agency_code,name,parent_code\nSL,示例区人民政府,\nSL-GOV,示例区人民政府办公室,SL\nSL-B,\"示例区乙局,SL\n");
        CsvInput.checkQuotes(file, StandardCharsets.UTF_8);
        List<RawRow> rows = new ArrayList<>();
        try (CsvInput in = new CsvInput(file, StandardCharsets.UTF_8, agencies)) {
            for (RawRow r = in.next(); r != null; r = in.next()) {
                rows.add(r);
            }
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).structureProblem()).isNull();
        assertThat(rows.get(1).structureProblem()).isNull();
        RawRow broken = rows.get(2);
        assertThat(broken.line()).isEqualTo(4);
        assertThat(broken.structureProblem()).contains("never closed");
        assertThat(broken.original()).isEqualTo("SL-B,\"示例区乙局,SL");
        // Checked like every row: rejected with its file and line, the others load.
        ParsedRow parsed = new RowChecker(agencies, "agencies.csv", code -> true).check(broken);
        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("agencies.csv");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void beforeOtherLinesTheFileIsRefusedNamingTheLineWhereTheQuoteOpens() throws Exception {
        Path file = write("agency_code,name,parent_code\nSL,\"示例区人民政府,\nSL-GOV,示例区人民政府办公室,SL\nSL-B,示例区乙局,SL\n");
        assertThatThrownBy(() -> CsvInput.checkQuotes(file, StandardCharsets.UTF_8))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("agencies.csv, line 2").hasMessageContaining("never closed").hasMessageContaining("lines 3–4");
        assertThatThrownBy(() -> new InputInspector(schema).inspect(dir, null))
                .isInstanceOf(InputInspector.Refused.class).hasMessageContaining("line 2");
    }

    @Test
    void doubledQuotesInsideAValueAreNotAnOpenQuote() throws Exception {
        Path file = write("agency_code,name,parent_code\nSL,\"示例区\"\"人民\"\"政府\",\nSL-GOV,示例区人民政府办公室,SL\n");
        CsvInput.checkQuotes(file, StandardCharsets.UTF_8);
    }
}
