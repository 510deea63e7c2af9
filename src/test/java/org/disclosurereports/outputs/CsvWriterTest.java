package org.disclosurereports.outputs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 quoting in one place; line ends and the byte-order mark per file. */
class CsvWriterTest {

    @Test
    void aFieldIsQuotedOnlyWhenItMustBe() {
        assertThat(CsvWriter.line("A1", "行政许可", 12, null, "")).isEqualTo("A1,行政许可,12,,");
        assertThat(CsvWriter.line("a,b", "say \"hi\"", "two\nlines")).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"");
        assertThat(CsvWriter.line("x", " leading space")).isEqualTo("x,\" leading space\"");
    }

    @Test
    void linesEndAsEachFileHasThem() {
        assertThat(CsvWriter.lf().row("a", "b").row("c", "d").toString()).isEqualTo("a,b\nc,d\n");
        assertThat(CsvWriter.crlf().row("a").toString()).isEqualTo("a\r\n");
        byte[] excel = CsvWriter.forExcel().row("编号").toUtf8();
        assertThat(new String(excel, StandardCharsets.UTF_8)).isEqualTo("\uFEFF编号\r\n");
        assertThat(excel[0]).isEqualTo((byte) 0xEF);
    }
}
