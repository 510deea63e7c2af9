package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.ReportFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncodingAndHeaderTest {

    @TempDir
    Path dir;

    private final InputSchema schema = new InputSchema(ReportFormat.current());
    private final RecordKind agencies = schema.kind("agencies");

    private static final String CSV = "agency_code,name,parent_code\r\nSL,示例区人民政府,\r\nSL-GOV,示例区人民政府办公室,SL\r\n";

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void utf8WithAndWithoutByteOrderMark() throws Exception {
        Path plain = write("a.csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(EncodingDetector.detect(plain)).isEqualTo(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8);
        Path withBom = write("b.csv", bom);
        assertThat(EncodingDetector.detect(withBom)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(readAll(withBom, StandardCharsets.UTF_8).get(0).values()[0]).isEqualTo("SL");
    }

    @Test
    void gb18030AsChineseExcelSavesIt() throws Exception {
        Path gb = write("a.csv", CSV.getBytes(EncodingDetector.GB18030));
        assertThat(EncodingDetector.detect(gb)).isEqualTo(EncodingDetector.GB18030);
        assertThat(readAll(gb, EncodingDetector.GB18030).get(0).values()[1]).isEqualTo("示例区人民政府");
    }

    @Test
    void aForcedEncodingIsCheckedAsADetectedOneIs() throws Exception {
        Path utf8 = write("u.csv", CSV.getBytes(StandardCharsets.UTF_8));
        Path gb = write("g.csv", CSV.getBytes(EncodingDetector.GB18030));
        // UTF-8 Chinese forced to GB18030: refused, whether it fails to decode or decodes into mojibake
        // (the demo district's agencies.csv decodes without error, as 绀轰緥鍖…).
        assertThatThrownBy(() -> EncodingDetector.checkForced(utf8, EncodingDetector.GB18030))
                .isInstanceOf(InputRefused.class).hasMessageContaining("u.csv").hasMessageContaining("GB18030");
        Path demo = Path.of("sample-data/agencies.csv");
        assertThatThrownBy(() -> EncodingDetector.checkForced(demo, EncodingDetector.GB18030))
                .isInstanceOf(InputRefused.class).hasMessageContaining("agencies.csv").hasMessageContaining("GB18030");
        // Values of two ideographs each: their UTF-8 bytes pair up into valid GB18030 characters.
        Path pairs = write("p.csv", "agency_code,name\r\nSL,示例\r\nSL-GOV,人民\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(EncodingDetector.decodesStrictly(pairs, EncodingDetector.GB18030)).as("decodes, into mojibake").isNull();
        assertThatThrownBy(() -> EncodingDetector.checkForced(pairs, EncodingDetector.GB18030))
                .isInstanceOf(InputRefused.class).hasMessageContaining("p.csv").hasMessageContaining("garbled");
        assertThatThrownBy(() -> EncodingDetector.checkForced(gb, StandardCharsets.UTF_8))
                .isInstanceOf(InputRefused.class).hasMessageContaining("g.csv").hasMessageContaining("not UTF-8");
        assertThat(EncodingDetector.checkForced(gb, EncodingDetector.GB18030)).isEqualTo(EncodingDetector.GB18030);
        assertThat(EncodingDetector.checkForced(utf8, StandardCharsets.UTF_8)).isEqualTo(StandardCharsets.UTF_8);
        Path ascii = write("a.csv", "agency_code,name\r\nSL,Shili\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(EncodingDetector.checkForced(ascii, EncodingDetector.GB18030)).isEqualTo(EncodingDetector.GB18030);
        // The inspector applies the check to every file of the directory.
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("agencies.csv"), "agency_code,name,parent_code,level\r\nSL,示例区人民政府,,区政府\r\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new InputInspector(schema).inspect(data, EncodingDetector.GB18030))
                .isInstanceOf(InputInspector.Refused.class)
                .satisfies(e -> assertThat(((InputInspector.Refused) e).problems()).anySatisfy(p -> assertThat(p).contains("agencies.csv")));
    }

    @Test
    void textThatIsNeitherIsRefusedNotGuessed() throws Exception {
        // Cyrillic in windows-1251: not UTF-8, and as GB18030 it would be mojibake, not Chinese.
        byte[] cyrillic = "agency_code,name\r\nRU,Министерство Министерство\r\n".getBytes("windows-1251");
        assertThatThrownBy(() -> EncodingDetector.detect(write("a.csv", cyrillic)))
                .isInstanceOf(InputRefused.class).hasMessageContaining("a.csv").hasMessageContaining("encoding");
        byte[] utf16 = CSV.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        assertThatThrownBy(() -> EncodingDetector.detect(write("b.csv", withBom))).hasMessageContaining("UTF-16");
    }

    @Test
    void columnsInAnyOrderUnknownOnesIgnored() throws Exception {
        Path p = write("agencies.csv", "remark,parent_code,name,agency_code\nx,SL,办公室,SL-GOV\n".getBytes(StandardCharsets.UTF_8));
        RawRow row = readAll(p, StandardCharsets.UTF_8).get(0);
        assertThat(row.values()[0]).isEqualTo("SL-GOV");
        assertThat(row.values()[1]).isEqualTo("办公室");
        assertThat(row.values()[2]).isEqualTo("SL");
    }

    @Test
    void aMissingRequiredColumnRefusesTheFileNamingIt() throws Exception {
        Path p = write("agencies.csv", "agency_code,parent_code\nSL,\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CsvInput.checkHeader(p, StandardCharsets.UTF_8, agencies))
                .isInstanceOf(InputRefused.class).hasMessageContaining("agencies.csv").hasMessageContaining("required column name");
    }

    @Test
    void lineNumbersFollowTheFileAcrossQuotedLineBreaksAndBlankLines() throws Exception {
        String csv = "agency_code,name\n"          // line 1
                + "A,\"甲\n乙\"\n"                  // lines 2-3
                + "\n"                              // line 4, blank
                + "B,\"丙,丁\"\n"                   // line 5
                + ",\n"                             // line 6, empty fields
                + "C,戊,extra\n";                   // line 7, one field too many
        List<RawRow> rows = readAll(write("agencies.csv", csv.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        assertThat(rows).extracting(RawRow::line).containsExactly(2L, 5L, 7L);
        assertThat(rows.get(0).values()[1]).isEqualTo("甲\n乙");
        assertThat(rows.get(1).values()[1]).isEqualTo("丙,丁");
        assertThat(rows.get(2).structureProblem()).contains("3 fields");
    }

    @Test
    void anUnclosedQuoteOnTheLastLineBreaksOnlyThatRow() throws Exception {
        Path p = write("agencies.csv", "agency_code,name\nA,甲\nB,\"乙\n".getBytes(StandardCharsets.UTF_8));
        try (CsvInput in = new CsvInput(p, StandardCharsets.UTF_8, agencies)) {
            assertThat(in.next().line()).isEqualTo(2);
            RawRow broken = in.next();
            assertThat(broken.line()).isEqualTo(3);
            assertThat(broken.structureProblem()).contains("never closed");
            assertThat(in.next()).isNull();
        }
    }

    @Test
    void inspectionCollectsEveryRefusedFileAndRequiresAgencies() throws Exception {
        write("applications.csv", "application_id,agency_code\n1,SL\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new InputInspector(schema).inspect(dir, null))
                .isInstanceOfSatisfying(InputInspector.Refused.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0)).contains("agencies.csv is missing");
                    assertThat(e.problems().get(1)).contains("applications.csv").contains("received_date");
                });
    }

    private List<RawRow> readAll(Path p, Charset cs) {
        List<RawRow> rows = new ArrayList<>();
        try (CsvInput in = new CsvInput(p, cs, agencies)) {
            for (RawRow r = in.next(); r != null; r = in.next()) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** The digest a run's first step compares, without the checks: the inspection's own, for every demo set. */
    @Test
    void theDigestWithoutChecksIsTheInspectionsDigest() throws Exception {
        InputInspector inspector = new InputInspector(schema);
        for (String set : List.of("sample-data", "sample-data/encodings", "sample-data/excel")) {
            Path data = Path.of(set).toAbsolutePath();
            assertThat(inspector.digestOf(data)).as(set).isEqualTo(inspector.inspect(data, null).digest());
        }
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.write(copy.resolve("agencies.csv"), CSV.getBytes(StandardCharsets.UTF_8));
        String before = inspector.digestOf(copy);
        Files.write(copy.resolve("agencies.csv"), (CSV + "SL-NEW,新单位,SL\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(inspector.digestOf(copy)).isNotEqualTo(before).isEqualTo(inspector.inspect(copy, null).digest());
    }
}
