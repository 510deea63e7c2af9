package org.disclosurereports.job;

import org.disclosurereports.inputs.RawRow;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A load step's reader, whatever the input: a CSV file, a workbook or a source database's query.
 * A class of its own (not the interface) as the step-scoped bean's type, so that Spring Batch knows
 * what it proxies.
 */
public class InputRowReader implements ItemStreamReader<RawRow> {

    private final ItemStreamReader<RawRow> delegate;
    /** The file was read whole before the chunks and every row kept ({@link UnchangedAgencies}): nothing to read. */
    private boolean readBefore;
    private boolean open;

    public InputRowReader(ItemStreamReader<RawRow> delegate) {
        this.delegate = delegate;
    }

    @Override
    public RawRow read() throws Exception {
        return readBefore ? null : delegate.read();
    }

    @Override
    public void open(ExecutionContext context) {
        readBefore = context.containsKey(UnchangedAgencies.WHOLE_FILE_KEPT);
        if (!readBefore) {
            delegate.open(context);
            open = true;
        }
    }

    @Override
    public void update(ExecutionContext context) {
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
