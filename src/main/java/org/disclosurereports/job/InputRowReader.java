package org.disclosurereports.job;

import org.disclosurereports.inputs.RawRow;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A load step's reader, whatever the input: a CSV file, a workbook or a source database's query.
 * A class of its own (not the interface) as the step-scoped bean's type, so that Spring Batch knows
 * what it proxies.
 * <p>
 * The rows of an agency found unchanged ({@link UnchangedAgencies}), which were all good when the
 * file was checked before the chunks, are passed over: they are stored already, so the chunks have
 * nothing to check or write for them, and a night where one unit changed carries that unit's rows
 * alone through its chunks. They are counted here, with each chunk, and added to the step's reads
 * and writes and to the rows loaded and kept once the step has completed ({@link UnchangedAgencies}),
 * so that read = loaded + rejected holds however often the step was restarted. An unchanged agency
 * with a rejected row in the file is read and checked as usual, so its rejections are reported as
 * every night.
 */
public class InputRowReader implements ItemStreamReader<RawRow> {

    /** Rows of kept agencies passed over, by every attempt of the step together (saved with each chunk). */
    public static final String PASSED_OVER = "kept.passed-over";
    /** {@link #PASSED_OVER} as this attempt of the step found it: what earlier attempts passed over. */
    static final String PASSED_OVER_BEFORE = "kept.passed-over.before";

    private final ItemStreamReader<RawRow> delegate;
    private final int agencyPosition;
    private final Supplier<Set<String>> keptAgencies;
    /** The file was read whole before the chunks and every row kept ({@link UnchangedAgencies}): nothing to read. */
    private boolean readBefore;
    private boolean open;
    private Set<String> passOver = Set.of();
    private long passedOver;

    /**
     * @param agencyPosition the agency's column among the kind's columns, or -1 for a kind without one
     * @param keptAgencies   the agencies this load keeps as stored, asked for once the step has decided
     */
    public InputRowReader(ItemStreamReader<RawRow> delegate, int agencyPosition, Supplier<Set<String>> keptAgencies) {
        this.delegate = delegate;
        this.agencyPosition = agencyPosition;
        this.keptAgencies = keptAgencies;
    }

    @Override
    public RawRow read() throws Exception {
        if (readBefore) {
            return null;
        }
        RawRow row;
        while ((row = delegate.read()) != null) {
            if (passOver.isEmpty() || !ofKeptAgency(row)) {
                return row;
            }
            passedOver++;
        }
        return null;
    }

    /** A row read whole whose agency, as written, is one passed over. */
    private boolean ofKeptAgency(RawRow row) {
        String[] values = row.values();
        return row.structureProblem() == null && row.unreadableCells().isEmpty() && values != null
                && agencyPosition < values.length && values[agencyPosition] != null && passOver.contains(values[agencyPosition]);
    }

    @Override
    public void open(ExecutionContext context) {
        readBefore = context.containsKey(UnchangedAgencies.WHOLE_FILE_KEPT);
        passedOver = context.getLong(PASSED_OVER, 0);
        context.putLong(PASSED_OVER_BEFORE, passedOver);
        // A load decided before its rejected agencies were noted reads every row.
        if (agencyPosition >= 0 && context.containsKey(UnchangedAgencies.WITH_REJECTED_ROWS)) {
            Set<String> kept = new HashSet<>(keptAgencies.get());
            kept.removeAll(UnchangedAgencies.withRejectedRows(context));
            passOver = kept;
        }
        if (!readBefore) {
            delegate.open(context);
            open = true;
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(PASSED_OVER, passedOver);
        if (open) {
            delegate.update(context);
        }
    }

    @Override
    public void close() {
        if (open) {
            delegate.close();
            open = false;
        }
    }
}
