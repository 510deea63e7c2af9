package org.disclosurereports.job;

import org.disclosurereports.inputs.InputRefused;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.inputs.SourceDefinition;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.core.env.PropertyResolver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run's pull from a source database, as its job parameters say (written by {@link RunIdentity}).
 * Identifying: the definition file and its digest, full or incremental, and the time of the pull. A pull is a new job instance every time:
 * what the source holds changes without any file changing, so a pull is never "up to date"; and a
 * failed pull is not resumed half-way (the rows it was reading may have moved) but simply repeated,
 * from the watermarks it left where they were, upserts making the repeat harmless.
 * Never in the parameters: the resolved URL, user or password (the job repository is not a secret store).
 */
public record SourcePull(Path file, String digest, String name, boolean full, Set<String> kinds, Set<String> wholeKinds) {

    public static final String SOURCE = "source";
    public static final String DIGEST = "source.digest";
    public static final String MODE = "source.mode";
    public static final String PULLED = "source.pulled";
    /** Not identifying (follows from the definition): the source's name and the kinds it gives. */
    public static final String NAME = "source.name";
    public static final String KINDS = "source.kinds";
    /** Not identifying: the kinds without a changed_column, pulled whole on every run. */
    public static final String WHOLE_KINDS = "source.whole_kinds";

    public static Optional<SourcePull> of(JobParameters p) {
        String file = p.getString(SOURCE);
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(new SourcePull(Path.of(file), p.getString(DIGEST), p.getString(NAME), "full".equals(p.getString(MODE)),
                set(p.getString(KINDS, "")), set(p.getString(WHOLE_KINDS, ""))));
    }

    private static Set<String> set(String commaSeparated) {
        return commaSeparated.isEmpty() ? Set.of() : Set.of(commaSeparated.split(","));
    }

    /** Whether this run reads all of the source's rows of {@code kind}: a full pull, or a kind without a changed_column. */
    public boolean whole(RecordKind kind) {
        return gives(kind) && (full || wholeKinds.contains(kind.name()));
    }

    public boolean gives(RecordKind kind) {
        return kinds.contains(kind.name());
    }

    public String label(RecordKind kind) {
        return name + "/" + kind.name();
    }

    /**
     * Checks a definition before a run is launched, so that a mistake is refused (exit 3) before
     * anything is loaded: it must parse, its ${...} references must be set, and no kind may come both
     * from a file in the data directory and from the source.
     */
    public static SourceDefinition check(Path file, InputSchema schema, InputSet inputs, PropertyResolver environment) {
        SourceDefinition definition = SourceDefinition.load(file, schema);
        List<String> both = new ArrayList<>();
        for (String kind : definition.kinds().keySet()) {
            inputs.file(kind).ifPresent(f -> both.add(kind + " (" + f.name() + " in " + inputs.directory() + ")"));
        }
        if (!both.isEmpty()) {
            throw new InputRefused("source " + definition.name() + " gives records that the data directory gives too: "
                    + String.join(", ", both) + "; each kind comes from one place: remove the file or the source's query");
        }
        definition.connection(environment);
        return definition;
    }

    /** What a pull will read, for the operator: one line per kind. */
    public static List<String> describe(SourceDefinition definition, boolean full, Map<String, String> watermarks) {
        List<String> lines = new ArrayList<>();
        definition.kinds().forEach((kind, q) -> {
            String from = watermarks.get(kind);
            String what = !q.incremental() ? "everything (no changed_column)"
                    : full ? "everything (--full)"
                    : from == null ? "everything (first pull)"
                    : "rows with " + q.changedColumn() + " after " + from;
            lines.add(definition.name() + "/" + kind + ": " + what);
        });
        return lines;
    }
}
