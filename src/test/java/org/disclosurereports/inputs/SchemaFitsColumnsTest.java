package org.disclosurereports.inputs;

import org.disclosurereports.core.layout.ReportFormat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every value the data contract accepts fits the database column it is stored in, so that a value too
 * large or too long is rejected with its file, line and column instead of failing the load in SQL.
 * The columns are read from the migrations that create them.
 */
class SchemaFitsColumnsTest {

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\)", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^\\s+(\\w+)\\s+([A-Z]+(?:\\(\\d+(?:,\\s*\\d+)?\\))?)", Pattern.MULTILINE);
    /** A column a later migration adds. */
    private static final Pattern ADDED = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+) ([A-Z]+(?:\\(\\d+(?:,\\s*\\d+)?\\))?)");

    @Test
    void everyNumberAndTextOfTheContractFitsItsColumn() throws IOException {
        Map<String, String> columnTypes = columnTypes();
        int checked = 0;
        for (RecordKind kind : new InputSchema(ReportFormat.current()).kinds()) {
            for (RecordKind.Column column : kind.columns()) {
                String sqlType = columnTypes.get(kind.table() + "." + column.dbColumn());
                assertThat(sqlType).as("column of %s.%s", kind.fileName(), column.header()).isNotNull();
                String where = kind.fileName() + " " + column.header() + " stored in " + sqlType;
                if (column.type() instanceof FieldType.Decimal d) {
                    assertThat(sqlType.replace(" ", "")).as(where).isEqualTo("DECIMAL(" + d.precision() + "," + d.scale() + ")");
                    checked++;
                } else if (column.type() == FieldType.COUNT) {
                    assertThat(sqlType).as(where).isEqualTo("BIGINT");
                    assertThat(Math.pow(10, FieldType.COUNT_DIGITS)).isLessThan(Long.MAX_VALUE);
                    checked++;
                } else if (column.type() instanceof FieldType.Text t) {
                    assertThat(sqlType).as(where).isEqualTo("VARCHAR(" + t.maxLength() + ")");
                    checked++;
                } else if (column.type() == FieldType.YEAR) {
                    assertThat(sqlType).as(where).isEqualTo("INT");
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void tooLargeForTheColumnIsRejectedNotFailedInTheDatabase() throws Exception {
        FieldType fee = FieldType.decimal(14, 2);
        assertThat(fee.parse("999999999999.99")).hasToString("999999999999.99");
        assertThatThrownBy(() -> fee.parse("1000000000000"))
                .hasMessage("too large: at most 12 digits before the decimal point");
        FieldType figure = FieldType.decimal(24, 6);
        assertThat(figure.parse("999999999999999999.5")).isNotNull();
        assertThatThrownBy(() -> figure.parse("1000000000000000000"))
                .hasMessageContaining("at most 18 digits");
        assertThat(FieldType.COUNT.parse("000000000000042")).isEqualTo(42L);
        assertThatThrownBy(() -> FieldType.COUNT.parse("9223372036854775808"))
                .hasMessage("too large: at most 12 digits");
    }

    private static Map<String, String> columnTypes() throws IOException {
        Map<String, String> types = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration/common"))) {
            for (Path file : files.sorted().toList()) {
                String sql = Files.readString(file);
                Matcher added = ADDED.matcher(sql);
                while (added.find()) {
                    types.put(added.group(1) + "." + added.group(2), added.group(3).toUpperCase(Locale.ROOT));
                }
                Matcher table = TABLE.matcher(sql);
                while (table.find()) {
                    Matcher column = COLUMN.matcher(table.group(2));
                    while (column.find()) {
                        types.put(table.group(1) + "." + column.group(1), column.group(2).toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return types;
    }
}
