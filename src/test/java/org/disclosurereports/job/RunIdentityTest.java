package org.disclosurereports.job;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.SourceDefinition;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which parameters make a run a job instance of its own (README "Identity, re-runs and incremental nights"). */
class RunIdentityTest {

    private static final DefaultJobKeyGenerator KEYS = new DefaultJobKeyGenerator();
    private static final RunParameters RUN = new RunParameters(Path.of("/data"), 2024, Path.of("/out"), RunParameters.ALL_AGENCIES,
            "digest-1", "applications.csv=UTF-8", 0);

    private static String key(RunIdentity identity) {
        return KEYS.generateKey(identity.jobParameters());
    }

    @Test
    void encodingsAndTheForceFlagDoNotMakeAnotherRunItsRerunStampDoes() {
        RunParameters otherEncodings = new RunParameters(RUN.data(), RUN.year(), RUN.out(), RUN.agency(), RUN.inputsDigest(),
                "applications.csv=GB18030", 0);
        assertThat(key(RunIdentity.of(otherEncodings))).isEqualTo(key(RunIdentity.of(RUN)));
        JobParameters forced = RunIdentity.of(RUN).forced(17).jobParameters();
        assertThat(names(forced.getIdentifyingParameters())).doesNotContain(RunIdentity.FORCE, RunParameters.ENCODINGS)
                .contains(RunParameters.RERUN);
        assertThat(KEYS.generateKey(forced)).isEqualTo(key(RunIdentity.of(RUN).withRerun(17)));
        assertThat(RunIdentity.forced(forced)).isTrue();
        assertThat(RunIdentity.forced(RunIdentity.of(RUN).withRerun(17).jobParameters())).isFalse();
    }

    @Test
    void whatTheReportsAreBuiltFromMakesAnotherRun() {
        String plain = key(RunIdentity.of(RUN));
        for (RunParameters other : List.of(
                new RunParameters(Path.of("/other"), 2024, RUN.out(), RUN.agency(), RUN.inputsDigest(), RUN.encodings(), 0),
                new RunParameters(RUN.data(), 2023, RUN.out(), RUN.agency(), RUN.inputsDigest(), RUN.encodings(), 0),
                new RunParameters(RUN.data(), 2024, Path.of("/elsewhere"), RUN.agency(), RUN.inputsDigest(), RUN.encodings(), 0),
                new RunParameters(RUN.data(), 2024, RUN.out(), "SL-JD1", RUN.inputsDigest(), RUN.encodings(), 0),
                new RunParameters(RUN.data(), 2024, RUN.out(), RUN.agency(), "digest-2", RUN.encodings(), 0),
                new RunParameters(RUN.data(), 2024, RUN.out(), RUN.agency(), RUN.inputsDigest(), RUN.encodings(), 0, Path.of("/templates")))) {
            assertThat(key(RunIdentity.of(other))).as("%s", other).isNotEqualTo(plain);
        }
        assertThat(key(RunIdentity.of(RUN).withRerun(17))).isNotEqualTo(plain);
    }

    @Test
    void theSealStateCountsOnlyWhenSomethingIsSealed() {
        RunIdentity nothingSealed = RunIdentity.of(RUN).withSealState(List.of());
        assertThat(names(nothingSealed.jobParameters().parameters())).doesNotContain(RunIdentity.SEALS);
        assertThat(key(nothingSealed)).isEqualTo(key(RunIdentity.of(RUN)));
        String sealed = key(RunIdentity.of(RUN).withSealState(List.of("SL-JD1=abc")));
        assertThat(sealed).isNotEqualTo(key(RunIdentity.of(RUN)));
        assertThat(key(RunIdentity.of(RUN).withSealState(List.of("SL-JD1=abd")))).as("other sealed figures").isNotEqualTo(sealed);
        assertThat(key(RunIdentity.of(RUN).withSealState(List.of("SL-JD1=abc")))).isEqualTo(sealed);
    }

    @Test
    void everyPullIsARunOfItsOwn() {
        SourceDefinition casedb = SourceDefinition.load(Path.of("jobs/sources/casedb.yaml"), new InputSchema(ReportFormat.current()));
        RunIdentity run = RunIdentity.of(RUN);
        String first = key(run.pulling(casedb, false, 1));
        assertThat(first).isNotEqualTo(key(run));
        assertThat(key(run.pulling(casedb, false, 2))).as("another pull time").isNotEqualTo(first);
        assertThat(key(run.pulling(casedb, true, 1))).as("full").isNotEqualTo(first);
        JobParameters pull = run.pulling(casedb, false, 1).jobParameters();
        assertThat(names(pull.getIdentifyingParameters())).contains(SourcePull.SOURCE, SourcePull.DIGEST, SourcePull.MODE, SourcePull.PULLED)
                .doesNotContain(SourcePull.NAME, SourcePull.KINDS, SourcePull.WHOLE_KINDS);
        assertThat(SourcePull.of(pull)).hasValueSatisfying(p -> assertThat(p.kinds()).containsExactlyInAnyOrder("applications", "appeals"));
        assertThat(RunParameters.of(pull)).isEqualTo(RUN);
    }

    private static Set<String> names(Set<JobParameter<?>> parameters) {
        return parameters.stream().map(JobParameter::name).collect(Collectors.toSet());
    }
}
