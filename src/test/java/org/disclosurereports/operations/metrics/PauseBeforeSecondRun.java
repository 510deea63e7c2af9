package org.disclosurereports.operations.metrics;

import org.disclosurereports.job.PipelineStep;
import org.disclosurereports.job.StepObserver;

import org.springframework.batch.core.step.StepExecution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook for a child JVM in schedule mode: the second run of the process waits before its first
 * step until a file exists, so that the endpoint can be scraped after the first run ended and while the
 * server is still up. Added to the child's application with {@code spring.main.sources}.
 */
public final class PauseBeforeSecondRun implements StepObserver {

    static final String UNTIL = "disclosure.test.pause-second-run-until";

    static List<String> until(Path file) {
        return List.of("-Dspring.main.sources=" + PauseBeforeSecondRun.class.getName(), "-D" + UNTIL + "=" + file);
    }

    private final AtomicInteger runs = new AtomicInteger();

    @Override
    public void beforeStep(StepExecution step) {
        if (PipelineStep.of(step) != PipelineStep.INSPECT_INPUTS || runs.incrementAndGet() != 2) {
            return;
        }
        Path until = Path.of(System.getProperty(UNTIL));
        System.err.println("TEST HOOK: second run paused until " + until + " exists");
        System.err.flush();
        long deadline = System.currentTimeMillis() + 300_000;
        while (!Files.exists(until) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
