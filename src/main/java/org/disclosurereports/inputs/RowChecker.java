package org.disclosurereports.inputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies the data contract's rules to one row of one kind: each column's type, required values,
 * references to existing agencies, then the rules across columns. Every problem is reported, not
 * just the first, so an office can fix a row in one go.
 */
public final class RowChecker {

    private final RecordKind kind;
    private final String fileName;
    private final Predicate<String> agencyExists;

    public RowChecker(RecordKind kind, String fileName, Predicate<String> agencyExists) {
        this.kind = kind;
        this.fileName = fileName;
        this.agencyExists = agencyExists;
    }

    public ParsedRow check(RawRow raw) {
        List<Rejection> problems = new ArrayList<>();
        if (raw.structureProblem() != null) {
            problems.add(new Rejection(fileName, raw.line(), null, null, raw.structureProblem(), raw.location()));
            return new ParsedRow(raw.line(), null, problems, raw.text(), raw.location());
        }
        Set<String> unreadable = new HashSet<>();
        for (RawRow.UnreadableCell cell : raw.unreadableCells()) {
            problems.add(new Rejection(fileName, raw.line(), cell.column(), cell.value(), cell.reason(), raw.location()));
            unreadable.add(cell.column());
        }
        List<RecordKind.Column> columns = kind.columns();
        Object[] typed = new Object[columns.size()];
        Map<String, Object> byHeader = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            RecordKind.Column column = columns.get(c);
            if (unreadable.contains(column.header())) {
                continue; // already reported: its value is not what the cell holds
            }
            String value = raw.values()[c];
            if (value == null || value.isEmpty()) {
                if (column.required()) {
                    problems.add(new Rejection(fileName, raw.line(), column.header(), "", "required, but blank", raw.location()));
                }
                continue;
            }
            int unshowable = Rejection.firstUnshowable(value);
            if (unshowable >= 0) {
                problems.add(new Rejection(fileName, raw.line(), column.header(), value, String.format(
                        "contains the character U+%04X (character %d), which no report can show", (int) value.charAt(unshowable),
                        value.codePointCount(0, unshowable) + 1), raw.location()));
                continue;
            }
            try {
                typed[c] = column.type().parse(value);
                byHeader.put(column.header(), typed[c]);
            } catch (FieldType.Problem p) {
                problems.add(new Rejection(fileName, raw.line(), column.header(), value, p.getMessage(), raw.location()));
                continue;
            }
            if (column.agencyReference() && !agencyExists.test(value)) {
                problems.add(new Rejection(fileName, raw.line(), column.header(), value, "no such agency in agencies.csv", raw.location()));
            }
        }
        if (problems.isEmpty()) {
            for (RecordKind.RowRule rule : kind.rowRules()) {
                rule.check(byHeader, (column, reason) -> {
                    int c = indexOf(column);
                    String value = c < 0 ? null : raw.values()[c];
                    problems.add(new Rejection(fileName, raw.line(), column, value == null ? "" : value, reason, raw.location()));
                });
            }
        }
        return new ParsedRow(raw.line(), problems.isEmpty() ? typed : null, problems, raw.text(), raw.location());
    }

    private int indexOf(String header) {
        for (int c = 0; c < kind.columns().size(); c++) {
            if (kind.columns().get(c).header().equals(header)) {
                return c;
            }
        }
        return -1;
    }
}
