package org.disclosurereports.job;

import org.disclosurereports.inputs.CsvInput;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an input file row by row for a chunk-oriented load step. Restartable: the number of rows
 * read is saved with every chunk, and a restart skips that many rows. A file that is absent reads as
 * empty (every file but agencies.csv is optional).
 */
public class CsvItemReader extends AbstractItemCountingItemStreamItemReader<RawRow> {

    private final Path file;
    private final Charset charset;
    private final RecordKind kind;
    private CsvInput input;

    public CsvItemReader(Path file, Charset charset, RecordKind kind) {
        this.file = file;
        this.charset = charset;
        this.kind = kind;
        setName("csv-" + kind.name());
    }

    @Override
    protected void doOpen() {
        if (file != null && Files.isRegularFile(file)) {
            input = new CsvInput(file, charset, kind);
        }
    }

    @Override
    protected RawRow doRead() {
        return input == null ? null : input.next();
    }

    @Override
    protected void doClose() {
        if (input != null) {
            input.close();
            input = null;
        }
    }
}
