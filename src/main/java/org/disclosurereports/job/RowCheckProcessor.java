package org.disclosurereports.job;

import org.disclosurereports.inputs.ParsedRow;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RowChecker;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The load step's processor: every row comes out, checked (a rejected row is written to rejects, never
 * filtered away). The rows of an agency found unchanged ({@link UnchangedAgencies}), which were all
 * good when it read the file, are not checked a second time: they come out with their agency alone,
 * which is all {@link RecordWriter} looks at before keeping them as stored. An unchanged agency that
 * also had rejected rows is checked row by row as usual, so its rejections are reported as every night.
 */
public class RowCheckProcessor implements ItemProcessor<RawRow, ParsedRow>, ItemStream {

    /** Of the rows kept as stored, those not checked again (saved with each chunk). */
    public static final String UNCHECKED = "unchecked";

    private final RowChecker checker;
    private final int agencyPosition;
    private final int columns;
    private final Supplier<Set<String>> keptAgencies;
    private Set<String> unchecked = Set.of();
    private long passed;

    /**
     * @param agencyPosition the agency's column among the kind's columns, or -1 for a kind without one
     * @param keptAgencies   the agencies this load keeps as stored, asked for once the step has decided
     */
    public RowCheckProcessor(RowChecker checker, int agencyPosition, int columns, Supplier<Set<String>> keptAgencies) {
        this.checker = checker;
        this.agencyPosition = agencyPosition;
        this.columns = columns;
        this.keptAgencies = keptAgencies;
    }

    @Override
    public ParsedRow process(RawRow row) {
        if (!unchecked.isEmpty() && row.structureProblem() == null && row.unreadableCells().isEmpty()
                && row.values() != null && agencyPosition < row.values().length) {
            String agency = row.values()[agencyPosition];
            if (agency != null && unchecked.contains(agency)) {
                Object[] values = new Object[columns];
                values[agencyPosition] = agency;
                passed++;
                return new ParsedRow(row.line(), values, List.of(), row.text(), row.location());
            }
        }
        return checker.check(row);
    }

    @Override
    public void open(ExecutionContext context) {
        passed = context.getLong(UNCHECKED, 0);
        // A load decided before its rejected agencies were noted checks every row.
        if (agencyPosition < 0 || !context.containsKey(UnchangedAgencies.WITH_REJECTED_ROWS)) {
            return;
        }
        Set<String> kept = new HashSet<>(keptAgencies.get());
        kept.removeAll(UnchangedAgencies.withRejectedRows(context));
        unchecked = kept;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(UNCHECKED, passed);
    }
}
