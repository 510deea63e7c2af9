package org.disclosurereports.job;

import org.disclosurereports.inputs.InputInspector;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.InputSet;
import org.disclosurereports.store.RunLeases;
import org.disclosurereports.support.SampleData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run resumed at any load step takes the database-wide load turn before it loads: while another
 * run holds the turn, the resumed run waits at that step, and completes once the turn is given back.
 * Each run is one agency's (one report to build), so that each case takes seconds.
 */
@SpringBootTest
@SpringBatchTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:load-turn-on-resume;DB_CLOSE_DELAY=-1",
        "disclosure.build.partitions=1"})
class LoadTurnOnResumeH2Test {

    /** How long the resumed run must stay at its step while the turn is held elsewhere. */
    private static final Duration HELD_FOR = Duration.ofSeconds(1);

    @TestConfiguration
    static class FailingOnce {
        @Bean
        FailBefore failBefore() {
            return new FailBefore();
        }
    }

    /** Fails the step it was given, once, before that step reads anything: the run stops there, to be resumed. */
    static final class FailBefore implements StepObserver {
        private volatile String step;

        void next(String stepName) {
            this.step = stepName;
        }

        @Override
        public void beforeStep(StepExecution execution) {
            if (execution.getStepName().equals(step)) {
                step = null;
                throw new IllegalStateException("failed on purpose before " + execution.getStepName());
            }
        }
    }

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    InputSchema schema;
    @Autowired
    DataSource dataSource;
    @Autowired
    FailBefore failBefore;
    @Autowired
    Job annualReportJob;

    @TempDir
    Path tmp;

    /** Every step that loads a record kind, whatever its phase in the table says. */
    static Stream<PipelineStep> loadSteps() {
        return Arrays.stream(PipelineStep.values()).filter(s -> s.kind() != null);
    }

    @Test
    void theJobRunsTheStepsOfTheTableInItsOrder() {
        List<String> table = Arrays.stream(PipelineStep.values())
                .filter(s -> s != PipelineStep.BUILD_REPORTS_PARTITION) // the workers of buildReports
                .map(PipelineStep::stepName).toList();
        assertThat(((SimpleJob) annualReportJob).getStepNames()).containsExactlyElementsOf(table);
        assertThat(loadSteps().map(PipelineStep::stepName)).containsExactly("loadAgencies", "loadApplications", "loadFilings",
                "loadEnforcement", "loadAppeals", "loadTrainings", "loadHearings", "loadHolidays",
                "loadReturnsTable2", "loadReturnsTable3", "loadReturnsTable4");
    }

    @ParameterizedTest
    @MethodSource("loadSteps")
    void aRunResumedAtALoadStepWaitsForTheLoadTurnThenCompletes(PipelineStep load) throws Exception {
        InputSet inputs = new InputInspector(schema).inspect(SampleData.DIR, null);
        JobParameters parameters = RunIdentity.of(new RunParameters(inputs.directory(), 2024, tmp.resolve("out"), "SL-JD1",
                inputs.digest(), inputs.encodings(), 0)).jobParameters();
        failBefore.next(load.stepName());
        JobExecution failed = runs.launch(parameters);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(names(failed)).last().isEqualTo(load.stepName());

        // Another run is loading: it holds the load turn, a lease no run of this process can take over while it is fresh.
        RunLeases otherRun = new RunLeases(dataSource, Duration.ofMinutes(1));
        RunLeases.Lease turn = otherRun.acquire(LoadTurnListener.LOAD_SCOPE);
        CompletableFuture<JobExecution> resumed = runs.launchAside(parameters);
        try {
            long execution = runs.awaitAtAStep(failed);
            Thread.sleep(HELD_FOR.toMillis());
            JobExecution waiting = runs.execution(execution);
            assertThat(names(waiting)).as("the resumed run is still at %s, the first step it runs", load.stepName())
                    .containsExactly(load.stepName());
            assertThat(waiting.getStepExecutions().iterator().next().getStatus()).isEqualTo(BatchStatus.STARTED);
            assertThat(resumed).isNotDone();
        } finally {
            otherRun.release(turn);
            runs.awaitQuietly(resumed); // before the output directory goes, whatever was asserted
        }
        JobExecution done = resumed.get(2, TimeUnit.MINUTES);
        assertThat(done.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(done.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(names(done)).first().isEqualTo(load.stepName());
        assertThat(names(done)).contains("buildReports", "writeIndex");
    }

    /**
     * Launches and watches runs. Kept off the test class: Spring Batch's test listener takes any method of
     * the test class returning a JobExecution (lambdas included) for a factory of the test's execution.
     */
    final class Runs {
        JobExecution launch(JobParameters parameters) {
            try {
                return jobs.startJob(parameters);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }

        CompletableFuture<JobExecution> launchAside(JobParameters parameters) {
            return CompletableFuture.supplyAsync(() -> launch(parameters));
        }

        void awaitQuietly(CompletableFuture<JobExecution> run) {
            try {
                run.get(2, TimeUnit.MINUTES);
            } catch (Exception e) {
                // the test's assertions say what went wrong
            }
        }

        JobExecution execution(long id) {
            return jobRepository.getJobExecution(id);
        }

        /** Waits until the resumed execution of {@code failed}'s instance is at a step (has started one that has not ended). */
        long awaitAtAStep(JobExecution failed) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                Optional<Long> started = jobRepository.getJobExecutions(failed.getJobInstance()).stream()
                        .filter(e -> e.getId() != failed.getId())
                        .map(e -> execution(e.getId()))
                        .filter(e -> e.getStepExecutions().stream().anyMatch(s -> s.getStatus() == BatchStatus.STARTED))
                        .map(JobExecution::getId)
                        .findFirst();
                if (started.isPresent()) {
                    return started.get();
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the resumed run did not start a step within a minute");
        }
    }

    private final Runs runs = new Runs();

    private static List<String> names(JobExecution execution) {
        return execution.getStepExecutions().stream().map(StepExecution::getStepName).toList();
    }
}
