package org.disclosurereports.cli;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.CountDownLatch;

/** What a command that serves until stopped (serve, worker) waits on: the application closing (Ctrl-C, SIGTERM). */
@Component
class UntilStopped {

    private final CountDownLatch closed = new CountDownLatch(1);

    /** Returns once the application is closing. */
    ExitCode await() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    @EventListener(ContextClosedEvent.class)
    void closing() {
        closed.countDown();
    }
}
