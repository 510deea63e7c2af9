package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.job.JdbcSourceReader;
import org.disclosurereports.job.RunIdentity;
import org.disclosurereports.job.RunParameters;
import org.disclosurereports.job.SourcePull;
import org.disclosurereports.job.SourceReaders;
import org.disclosurereports.store.Watermarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Source definitions, watermark values and how source values become the contract's text. */
class SourceDefinitionTest {

    private static final InputSchema SCHEMA = new InputSchema(ReportFormat.current());

    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("casedb.yaml"), text);
    }

    @Test
    void theShippedDefinitionLoadsAndResolvesItsReferencesFromTheEnvironment() {
        SourceDefinition d = SourceDefinition.load(Path.of("jobs/sources/casedb.yaml"), SCHEMA);
        assertThat(d.name()).isEqualTo("casedb");
        assertThat(d.kinds().keySet()).containsExactly("applications", "appeals");
        assertThat(d.kinds().get("applications").changedColumn()).isEqualTo("changed_at");
        assertThat(d.kinds().get("applications").query()).startsWith("SELECT s.sqbh AS application_id");
        MockEnvironment env = new MockEnvironment().withProperty("CASEDB_URL", "jdbc:mysql://db/ysq")
                .withProperty("CASEDB_USER", "ro").withProperty("CASEDB_PASSWORD", "pw");
        assertThat(d.connection(env)).isEqualTo(new SourceDefinition.Connection("jdbc:mysql://db/ysq", "ro", "pw"));
        assertThatThrownBy(() -> d.connection(new MockEnvironment())).isInstanceOf(InputRefused.class).hasMessageContaining("CASEDB_URL");
    }

    @Test
    void everyMistakeIsNamedAtOnce() throws IOException {
        Path file = yaml("""
                url: jdbc:mysql://db/ysq
                password: hunter2
                fetch_sise: 10
                kinds:
                  agencies:
                    query: SELECT 1
                  filings:
                    changed_column: "gxsj; DROP TABLE x"
                    query: SELECT 1
                  appeals: {}
                """);
        assertThatThrownBy(() -> SourceDefinition.load(file, SCHEMA))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("unknown setting 'fetch_sise'")
                .hasMessageContaining("never the password itself")
                .hasMessageContaining("kinds.agencies")
                .hasMessageContaining("kinds.filings.changed_column")
                .hasMessageContaining("kinds.appeals.query is required");
    }

    @Test
    void nameDefaultsToTheFileAndATrailingSemicolonIsDropped() throws IOException {
        SourceDefinition d = SourceDefinition.load(yaml("""
                url: ${URL}
                kinds:
                  enforcement:
                    query: "SELECT * FROM zf_tj;  "
                """), SCHEMA);
        assertThat(d.name()).isEqualTo("casedb");
        assertThat(d.kinds().get("enforcement").query()).isEqualTo("SELECT * FROM zf_tj");
        assertThat(d.kinds().get("enforcement").incremental()).isFalse();
        assertThat(d.fetchSize()).isEqualTo(500);
    }

    @Test
    void onlyWhatARunReadsWholeReplacesTheRecordsOfItsAgencies() throws IOException {
        SourceDefinition d = SourceDefinition.load(yaml("""
                url: ${URL}
                kinds:
                  applications:
                    changed_column: gxsj
                    query: SELECT * FROM ysq_sqb
                  enforcement:
                    query: SELECT * FROM zf_tj
                """), SCHEMA);
        var base = RunIdentity.of(new RunParameters(dir, 2024, dir.resolve("out"), RunParameters.ALL_AGENCIES, "digest", "", 0));
        var none = Map.<String, Charset>of();
        var incremental = base.pulling(d, false, 1).jobParameters();
        var full = base.pulling(d, true, 2).jobParameters();
        var applications = SCHEMA.kind(InputSchema.APPLICATIONS);
        var enforcement = SCHEMA.kind(InputSchema.ENFORCEMENT);
        var appeals = SCHEMA.kind(InputSchema.APPEALS);
        assertThat(SourceReaders.replacesWhole(incremental, applications, none)).as("an incremental pull never prunes").isFalse();
        assertThat(SourceReaders.replacesWhole(incremental, enforcement, none)).as("no changed_column: pulled whole").isTrue();
        assertThat(SourceReaders.replacesWhole(full, applications, none)).isTrue();
        assertThat(SourceReaders.replacesWhole(full, appeals, none)).as("not given at all").isFalse();
        assertThat(SourceReaders.replacesWhole(full, appeals, Map.of("appeals.xlsx", StandardCharsets.UTF_8))).isTrue();
        assertThat(SourceReaders.inputName(incremental, applications, none)).isEqualTo("casedb/applications");
        assertThat(incremental.getString(SourcePull.SOURCE)).isEqualTo(d.file().toString());
        assertThat(incremental.toString()).doesNotContain("jdbc:");
    }

    @Test
    void watermarksRoundTripAndCompareAcrossJdbcTypes() {
        LocalDateTime t = LocalDateTime.of(2025, 1, 16, 18, 0, 0, 123_000_000);
        assertThat(Watermarks.text(Timestamp.valueOf(t))).isEqualTo("2025-01-16T18:00:00.123");
        assertThat(Watermarks.value("2025-01-16T18:00:00.123")).isEqualTo(t);
        assertThat(Watermarks.value("2025-01-16")).isEqualTo(LocalDate.of(2025, 1, 16));
        assertThat(Watermarks.value("1700000000")).isEqualTo(new BigDecimal("1700000000"));
        assertThat(Watermarks.value("v-17")).isEqualTo("v-17");
        assertThat(Watermarks.text(17L)).isEqualTo("17");
        assertThat(Watermarks.max(t, Timestamp.valueOf(t.plusSeconds(1)))).isEqualTo(t.plusSeconds(1));
        assertThat(Watermarks.max(null, 5)).isEqualTo(5);
        assertThat(Watermarks.max(new BigDecimal("12"), 9L)).isEqualTo(new BigDecimal("12"));
    }

    @Test
    void sourceValuesBecomeWhatACsvFileWouldHold() {
        assertThat(JdbcSourceReader.text(Date.valueOf("2024-03-05"))).isEqualTo("2024-03-05");
        assertThat(JdbcSourceReader.text(LocalDateTime.of(2024, 3, 5, 9, 30))).isEqualTo("2024-03-05");
        assertThat(JdbcSourceReader.text(Timestamp.valueOf("2024-03-05 23:59:59"))).isEqualTo("2024-03-05");
        assertThat(JdbcSourceReader.text(new BigDecimal("20.50"))).isEqualTo("20.5");
        assertThat(JdbcSourceReader.text(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(JdbcSourceReader.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(JdbcSourceReader.text(7)).isEqualTo("7");
        assertThat(JdbcSourceReader.text(Boolean.TRUE)).isEqualTo("Y");
        assertThat(JdbcSourceReader.text(" 自然人\u3000")).isEqualTo("自然人");
        assertThat(JdbcSourceReader.text(null)).isNull();
    }
}
