package org.disclosurereports.job;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.stereotype.Component;

/**
 * Stops a run at its next chunk once a lease of this process was taken over by another run (this
 * one was silent longer than the expiry): going on, the two would overwrite each other.
 */
@Component
public class LeaseCheckListener implements ChunkListener {

    private final HeldLeases leases;

    public LeaseCheckListener(HeldLeases leases) {
        this.leases = leases;
    }

    @Override
    public void beforeChunk(ChunkContext context) {
        if (leases.lostAny()) {
            throw new IllegalStateException("this run lost its lease (" + leases.lostDescription()
                    + ") to another run after it was silent too long; stopping so the two do not overwrite each other");
        }
    }
}
