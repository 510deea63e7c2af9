package org.disclosurereports.operations.metrics;

import org.disclosurereports.job.HeldLeases;
import org.disclosurereports.job.LoadTurnListener;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * What this process went through since it started, read from where it is counted: the load turns it
 * waited for ({@link LoadTurnListener}), the leases it took over from a dead holder and the ones it
 * lost ({@link HeldLeases}). Spring Boot binds it to the application's registry; the metrics file binds
 * it to its own.
 */
@Component
public class ProcessMeters implements MeterBinder {

    static final String LOAD_TURN_WAIT = "disclosure.load.turn.wait";
    static final String LEASE_TAKEOVERS = "disclosure.lease.takeovers";
    static final String LEASES_LOST = "disclosure.leases.lost";

    private final LoadTurnListener loadTurn;
    private final HeldLeases leases;

    public ProcessMeters(LoadTurnListener loadTurn, HeldLeases leases) {
        this.loadTurn = loadTurn;
        this.leases = leases;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionTimer.builder(LOAD_TURN_WAIT, loadTurn, LoadTurnListener::waits, LoadTurnListener::waitedSeconds, TimeUnit.SECONDS)
                .description("Times a run found the database-wide load turn taken and waited for it, and the time waited")
                .register(registry);
        FunctionCounter.builder(LEASE_TAKEOVERS, leases, HeldLeases::runTakeovers)
                .description("Leases taken over from a holder that was gone (lease: run = the scope of a run, load_turn = the load turn)")
                .tag("lease", "run").register(registry);
        FunctionCounter.builder(LEASE_TAKEOVERS, leases, HeldLeases::loadTurnTakeovers)
                .description("Leases taken over from a holder that was gone (lease: run = the scope of a run, load_turn = the load turn)")
                .tag("lease", "load_turn").register(registry);
        FunctionCounter.builder(LEASES_LOST, leases, HeldLeases::lostLeases)
                .description("Leases of this process another run took over because this one was silent too long")
                .register(registry);
    }
}
