package org.disclosurereports.job;

import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.inputs.XlsxInput;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.nio.file.Path;

/**
 * Reads a workbook's first sheet row by row for a load step, like {@code CsvItemReader} reads a CSV
 * file: restartable (the number of rows read is saved with every chunk and skipped on restart).
 */
public class XlsxItemReader extends AbstractItemCountingItemStreamItemReader<RawRow> {

    private final Path file;
    private final RecordKind kind;
    private XlsxInput input;

    public XlsxItemReader(Path file, RecordKind kind) {
        this.file = file;
        this.kind = kind;
        setName("xlsx-" + kind.name());
    }

    @Override
    protected void doOpen() {
        input = new XlsxInput(file, kind);
    }

    @Override
    protected RawRow doRead() {
        return input.next();
    }

    @Override
    protected void doClose() {
        if (input != null) {
            input.close();
            input = null;
        }
    }
}
