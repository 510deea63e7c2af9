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

    public InputRowReader(ItemStreamReader<RawRow> delegate) {
        this.delegate = delegate;
    }

    @Override
    public RawRow read() throws Exception {
        return delegate.read();
    }

    @Override
    public void open(ExecutionContext context) {
        delegate.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        delegate.update(context);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
