package org.disclosurereports.job;

import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.store.RecordLoads;

import org.springframework.batch.core.job.parameters.JobParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a run reads per record kind (file, workbook or pull), as {@link RecordLoads} keeps it for later runs' manifests. */
final class LoadInputs {

    private LoadInputs() {}

    static List<RecordLoads.Input> of(JobParameters parameters, InputSchema schema) {
        RunParameters run = RunParameters.of(parameters);
        List<RecordLoads.Input> inputs = new ArrayList<>();
        for (RecordKind kind : schema.kinds()) {
            String name = SourceReaders.inputName(parameters, kind, run.charsets());
            if (name == null) {
                continue;
            }
            Path file = run.data().resolve(name);
            try {
                inputs.add(new RecordLoads.Input(kind.name(), name, Files.isRegularFile(file) ? RunManifest.sha256(file) : null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return inputs;
    }
}
