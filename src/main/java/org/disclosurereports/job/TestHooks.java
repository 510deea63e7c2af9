package org.disclosurereports.job;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TEST ONLY: deterministic crashes and pauses for the tests that run the application in a separate
 * JVM (crash recovery, overlap refusal). Inactive unless these system properties are set:
 * <ul>
 *   <li>{@code -Ddisclosure.test.halt-after-chunks=STEP:N}: when step STEP is about to start a chunk
 *       after N committed ones, the JVM halts at once ({@code Runtime.halt(137)}, as {@code kill -9}:
 *       no shutdown hooks, no cleanup, no release of the run's lease).</li>
 *   <li>{@code -Ddisclosure.test.pause-before-step=STEP:FILE}: before step STEP, wait until FILE exists.</li>
 * </ul>
 */
final class TestHooks {

    private final String haltStep;
    private final long haltAfter;
    private final String pauseStep;
    private final Path pauseUntil;

    private TestHooks(String haltStep, long haltAfter, String pauseStep, Path pauseUntil) {
        this.haltStep = haltStep;
        this.haltAfter = haltAfter;
        this.pauseStep = pauseStep;
        this.pauseUntil = pauseUntil;
    }

    static TestHooks fromSystemProperties() {
        String halt = System.getProperty("disclosure.test.halt-after-chunks");
        String pause = System.getProperty("disclosure.test.pause-before-step");
        String haltStep = null;
        long haltAfter = 0;
        if (halt != null) {
            haltStep = halt.substring(0, halt.indexOf(':'));
            haltAfter = Long.parseLong(halt.substring(halt.indexOf(':') + 1));
        }
        String pauseStep = null;
        Path until = null;
        if (pause != null) {
            pauseStep = pause.substring(0, pause.indexOf(':'));
            until = Path.of(pause.substring(pause.indexOf(':') + 1));
        }
        return new TestHooks(haltStep, haltAfter, pauseStep, until);
    }

    void beforeChunk(String step, long committedChunks) {
        if (step.equals(haltStep) && committedChunks >= haltAfter) {
            System.err.println("TEST HOOK: halting the JVM in " + step + " after " + committedChunks + " committed chunks");
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    void beforeStep(String step) {
        if (step.equals(pauseStep)) {
            System.err.println("TEST HOOK: paused before " + step + " until " + pauseUntil + " exists");
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
}
