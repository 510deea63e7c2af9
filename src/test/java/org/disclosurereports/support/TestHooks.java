package org.disclosurereports.support;

import org.disclosurereports.job.PipelineStep;
import org.disclosurereports.job.StepObserver;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Deterministic crashes and pauses for the tests that run the application in a JVM of its own
 * ({@link ChildJvm}): a {@link StepObserver} of the job, which the JVM options of
 * {@link #haltAfterChunks} and {@link #pauseBeforeStep} add to the child's application as a bean
 * ({@code spring.main.sources}). Not a component, so no other application context picks it up; the
 * application itself knows nothing of it.
 * <ul>
 *   <li>halt after chunks: when step STEP is about to start a chunk after N committed ones, the JVM
 *       halts at once ({@code Runtime.halt(137)}, as {@code kill -9}: no shutdown hooks, no cleanup,
 *       no release of the run's lease). {@code buildReports} means any of its partitions.</li>
 *   <li>pause before step: before step STEP, wait until FILE exists.</li>
 * </ul>
 */
public final class TestHooks implements StepObserver {

    static final String HALT = "disclosure.test.halt-after-chunks";
    static final String PAUSE = "disclosure.test.pause-before-step";
    /** Spring Boot adds the classes this property names to the application's own. */
    private static final String INSTALL = "-Dspring.main.sources=" + TestHooks.class.getName();

    /** JVM options: halt when {@code step} is about to start a chunk after {@code chunks} committed ones. */
    public static List<String> haltAfterChunks(String step, int chunks) {
        return List.of(INSTALL, "-D" + HALT + "=" + step + ":" + chunks);
    }

    /** JVM options: wait before {@code step} until {@code until} exists. */
    public static List<String> pauseBeforeStep(String step, Path until) {
        return List.of(INSTALL, "-D" + PAUSE + "=" + step + ":" + until);
    }

    private final String haltStep;
    private final long haltAfter;
    private final String pauseStep;
    private final Path pauseUntil;

    /** The hooks the system properties ask for. */
    public TestHooks() {
        String halt = System.getProperty(HALT);
        String pause = System.getProperty(PAUSE);
        haltStep = halt == null ? null : halt.substring(0, halt.indexOf(':'));
        haltAfter = halt == null ? 0 : Long.parseLong(halt.substring(halt.indexOf(':') + 1));
        pauseStep = pause == null ? null : pause.substring(0, pause.indexOf(':'));
        pauseUntil = pause == null ? null : Path.of(pause.substring(pause.indexOf(':') + 1));
    }

    /** The partitions of buildReports are buildReports to the hooks, whichever partition. */
    private static String stepOf(StepExecution step) {
        return PipelineStep.of(step) == PipelineStep.BUILD_REPORTS_PARTITION ? PipelineStep.BUILD_REPORTS.stepName() : step.getStepName();
    }

    @Override
    public void beforeChunk(ChunkContext context) {
        StepExecution step = context.getStepContext().getStepExecution();
        String name = stepOf(step);
        if (name.equals(haltStep) && step.getCommitCount() >= haltAfter) {
            System.err.println("TEST HOOK: halting the JVM in " + name + " after " + step.getCommitCount() + " committed chunks");
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    @Override
    public void beforeStep(StepExecution step) {
        String name = stepOf(step);
        if (!name.equals(pauseStep)) {
            return;
        }
        System.err.println("TEST HOOK: paused before " + name + " until " + pauseUntil + " exists");
        System.err.flush();
        long deadline = System.currentTimeMillis() + 300_000;
        while (!Files.exists(pauseUntil) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
