package org.disclosurereports.job;

import org.disclosurereports.inputs.InputRefused;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.inputs.SourceDefinition;
import org.disclosurereports.store.Watermarks;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a command does before launching a run that pulls from a source database ({@code run --source
 * FILE [--full]}): check the definition and describe the pull. A scheduler launching the same job
 * uses the same two calls.
 */
@Component
public class SourceLaunch {

    /** Pull times, strictly increasing in this process: two pulls in one millisecond are still two runs. */
    private static final AtomicLong PULLS = new AtomicLong();

    private final Environment environment;
    private final InputSchema schema;
    private final Watermarks watermarks;

    public SourceLaunch(Environment environment, InputSchema schema, Watermarks watermarks) {
        this.environment = environment;
        this.schema = schema;
        this.watermarks = watermarks;
    }

    /** A checked pull, ready to launch. */
    public record Prepared(SourceDefinition definition, boolean full, List<String> description) {
        /** The run's identity with this pull in it: every launch is a new pull (see {@link SourcePull}). */
        public RunIdentity addTo(RunIdentity run) {
            return run.pulling(definition, full, PULLS.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis())));
        }
    }

    /** @throws InputRefused naming what is wrong with the definition */
    public Prepared prepare(Path definitionFile, boolean full, InputSet inputs) {
        SourceDefinition definition = SourcePull.check(definitionFile.toAbsolutePath().normalize(), schema, inputs, environment);
        return new Prepared(definition, full, SourcePull.describe(definition, full, watermarks.of(definition.name())));
    }
}
