package org.disclosurereports.job;

import org.disclosurereports.inputs.SourceDefinition;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The job parameters of a run of {@code annualReportJob}, built here and nowhere else: by {@code run}
 * (and {@code schedule}, which runs it), by pulls and by {@code benchmark}. A job instance is its
 * identifying parameters: re-running them finds the instance complete ("up to date"), a failed
 * instance with them is restarted where it stopped, anything else is a new instance.
 * <ul>
 *   <li>identifying: data directory, year, output directory, scope (one agency or all), digest of the
 *       input files; the templates directory and the rerun stamp, when set; the seal state of the year,
 *       when some report of it is sealed (after {@code unseal} the same files must build the report
 *       again, not be up to date); for a pull, the definition file, its digest, full or incremental and
 *       the time of the pull (so a pull is never up to date);</li>
 *   <li>not identifying: the encodings found, {@code force}, and a pull's source name and kinds
 *       (they follow from its definition).</li>
 * </ul>
 *
 * @param sealsDigest digest of the year's seal state, or null when nothing of the year is sealed
 * @param pull        the pull of this run, or null when it reads only files
 */
public record RunIdentity(RunParameters run, String sealsDigest, boolean force, Pull pull) {

    /** Identifying, only when some report of the year is sealed: which, with which figures. */
    public static final String SEALS = "seals";
    /** Not identifying (the rerun stamp that goes with it is): build every unit even if unchanged (--force). */
    public static final String FORCE = "force";

    /** A pull from a source database, as launched at {@code pulledAt} (milliseconds, distinct per pull). */
    public record Pull(SourceDefinition definition, boolean full, long pulledAt) {}

    /** A run of files only, nothing of its year sealed, not forced. */
    public static RunIdentity of(RunParameters run) {
        return new RunIdentity(run, null, false, null);
    }

    /** With the seal state of the run's year ({@code SealedReports.sealState}: one line per sealed report). */
    public RunIdentity withSealState(List<String> sealState) {
        String digest = sealState.isEmpty() ? null
                : UnitFingerprint.sha256(String.join("\n", sealState).getBytes(StandardCharsets.UTF_8));
        return new RunIdentity(run, digest, force, pull);
    }

    /**
     * As {@code --force} launches it: a new instance (the rerun stamp, e.g. the time) over inputs already
     * processed, that builds every unit again, unchanged ones too.
     */
    public RunIdentity forced(long rerunStamp) {
        return new RunIdentity(run.withRerun(rerunStamp), sealsDigest, true, pull);
    }

    public RunIdentity pulling(SourceDefinition definition, boolean full, long pulledAt) {
        return new RunIdentity(run, sealsDigest, force, new Pull(definition, full, pulledAt));
    }

    public RunIdentity withRerun(long stamp) {
        return new RunIdentity(run.withRerun(stamp), sealsDigest, force, pull);
    }

    public JobParameters jobParameters() {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString(RunParameters.DATA, run.data().toString())
                .addLong(RunParameters.YEAR, (long) run.year())
                .addString(RunParameters.OUT, run.out().toString())
                .addString(RunParameters.AGENCY, run.agency())
                .addString(RunParameters.INPUTS, run.inputsDigest())
                .addString(RunParameters.ENCODINGS, run.encodings(), false);
        if (run.rerun() != 0) {
            b.addLong(RunParameters.RERUN, run.rerun());
        }
        if (run.templates() != null) {
            b.addString(RunParameters.TEMPLATES, run.templates().toString());
        }
        if (run.format() != null) {
            b.addString(RunParameters.FORMAT, run.format());
        }
        if (sealsDigest != null) {
            b.addString(SEALS, sealsDigest);
        }
        b.addString(FORCE, String.valueOf(force), false);
        if (pull != null) {
            SourceDefinition definition = pull.definition();
            b.addString(SourcePull.SOURCE, definition.file().toString())
                    .addString(SourcePull.DIGEST, definition.digest())
                    .addString(SourcePull.MODE, pull.full() ? "full" : "incremental")
                    .addLong(SourcePull.PULLED, pull.pulledAt())
                    .addString(SourcePull.NAME, definition.name(), false)
                    .addString(SourcePull.KINDS, String.join(",", definition.kinds().keySet()), false)
                    .addString(SourcePull.WHOLE_KINDS, String.join(",", definition.kinds().values().stream()
                            .filter(q -> !q.incremental()).map(SourceDefinition.KindQuery::kind).toList()), false);
        }
        return b.toJobParameters();
    }

    /** Whether the run was launched with {@code force}. */
    public static boolean forced(JobParameters parameters) {
        return "true".equals(parameters.getString(FORCE));
    }
}
