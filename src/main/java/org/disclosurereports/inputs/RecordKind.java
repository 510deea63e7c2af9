package org.disclosurereports.inputs;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One kind of input file of the data contract: its file name, the table it loads into, its columns
 * and natural key, and the rules that involve more than one column.
 */
public record RecordKind(String name, String fileName, String table, List<Column> columns,
                         List<String> keyColumns, List<RowRule> rowRules) {

    /**
     * A column of the file.
     *
     * @param header          the column name in the file's header row
     * @param dbColumn        where the value is stored
     * @param required        a blank value is a reject
     * @param agencyReference the value must be an agency_code that exists
     */
    public record Column(String header, String dbColumn, FieldType type, boolean required, boolean agencyReference) {

        static Column required(String header, FieldType type) {
            return new Column(header, header, type, true, false);
        }

        static Column optional(String header, FieldType type) {
            return new Column(header, header, type, false, false);
        }

        static Column agency(String header) {
            return new Column(header, header, FieldType.CODE, true, true);
        }

        Column storedAs(String db) {
            return new Column(header, db, type, required, agencyReference);
        }
    }

    /** A rule across columns, given the parsed values by header; it reports through {@code reject}. */
    @FunctionalInterface
    public interface RowRule {
        void check(Map<String, Object> values, Rejector reject);
    }

    @FunctionalInterface
    public interface Rejector extends BiConsumer<String, String> {
        /** Rejects the row, naming the column at fault and the reason. */
        @Override
        void accept(String column, String reason);
    }

    public List<String> requiredHeaders() {
        return columns.stream().filter(Column::required).map(Column::header).toList();
    }

    public List<String> dbColumns() {
        return columns.stream().map(Column::dbColumn).toList();
    }

    public Column column(String header) {
        return columns.stream().filter(c -> c.header().equals(header)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + header));
    }
}
