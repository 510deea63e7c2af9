package org.disclosurereports.job;

import org.disclosurereports.inputs.ParsedRow;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RowChecker;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The load step's processor: every row comes out checked (a rejected row is written to rejects, never
 * filtered away). A class of its own as the step-scoped bean's type, so that Spring Batch knows what
 * it proxies.
 */
public class RowCheckProcessor implements ItemProcessor<RawRow, ParsedRow> {

    private final RowChecker checker;

    public RowCheckProcessor(RowChecker checker) {
        this.checker = checker;
    }

    @Override
    public ParsedRow process(RawRow row) {
        return checker.check(row);
    }
}
