package org.disclosurereports.job;

import org.disclosurereports.store.RunLeases;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The leases ({@link RunLeases}) this process holds, kept alive: a daemon thread refreshes each every
 * {@code disclosure.lease.heartbeat-seconds}. A lease whose refresh finds it taken over (this process
 * was silent longer than {@code disclosure.lease.expiry-seconds}) is lost: {@link #lostAny()} says so,
 * and the running job stops at its next chunk ({@link LeaseCheckListener}).
 */
@Component
public class HeldLeases {

    private static final Logger log = LoggerFactory.getLogger(HeldLeases.class);

    private final RunLeases leases;
    private final Set<RunLeases.Lease> held = ConcurrentHashMap.newKeySet();
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;
    /** Leases this process took over from a dead holder, and leases it lost to another run (the operations metrics read them). */
    private final AtomicLong runTakeovers = new AtomicLong();
    private final AtomicLong loadTurnTakeovers = new AtomicLong();
    private final AtomicLong lostLeases = new AtomicLong();

    public HeldLeases(DataSource dataSource,
                      @Value("${disclosure.lease.heartbeat-seconds:10}") long heartbeatSeconds,
                      @Value("${disclosure.lease.expiry-seconds:60}") long expirySeconds) {
        this.leases = new RunLeases(dataSource, Duration.ofSeconds(expirySeconds));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    }

    /** Takes the lease of {@code scope} (taking over a stale one); throws {@link RunLeases.Held} while a live run holds it. */
    public RunLeases.Lease acquire(String scope) throws RunLeases.Held {
        RunLeases.Lease lease = leases.acquire(scope);
        held.add(lease);
        if (lease.tookOverFrom().isPresent()) {
            (LoadTurnListener.LOAD_SCOPE.equals(scope) ? loadTurnTakeovers : runTakeovers).incrementAndGet();
        }
        return lease;
    }

    public void release(RunLeases.Lease lease) {
        if (lease == null) {
            return;
        }
        lost.remove(lease.scope()); // the run that lost it has ended: later runs of this JVM (schedule mode) go on
        if (held.remove(lease)) {
            try {
                leases.release(lease);
            } catch (RuntimeException e) {
                log.warn("Could not release the lease of {}: {} (it expires by itself)", lease.scope(), e.getMessage());
            }
        }
    }

    /** Run leases (one per scope a run writes) this process took over from a holder that was gone. */
    public long runTakeovers() {
        return runTakeovers.get();
    }

    /** Load turns this process took over from a holder that was gone. */
    public long loadTurnTakeovers() {
        return loadTurnTakeovers.get();
    }

    /** Leases of this process that another run took over because this one was silent too long. */
    public long lostLeases() {
        return lostLeases.get();
    }

    /** True when a lease of this process was taken over by another run (this one was silent too long). */
    public boolean lostAny() {
        return !lost.isEmpty();
    }

    public String lostDescription() {
        return String.join(", ", lost);
    }

    void beat() {
        for (RunLeases.Lease lease : held) {
            refresh(lease);
        }
    }

    /** Refreshes one lease; one that another run took over while this process still held it is lost. */
    void refresh(RunLeases.Lease lease) {
        try {
            // A lease released while this refresh ran is gone from the table too: it is not lost, and
            // counting it so would stop the next run of this JVM. Only one still held is lost.
            if (!leases.heartbeat(lease) && held.remove(lease)) {
                lost.add(lease.scope());
                lostLeases.incrementAndGet();
                log.error("Lost the lease of {}: another run took it over; this run stops at its next chunk", lease.scope());
            }
        } catch (RuntimeException e) {
            log.warn("Heartbeat of {} failed: {}", lease.scope(), e.getMessage());
        }
    }

    /** Leases still held at shutdown (a run interrupted by SIGTERM) are released; a crash leaves them to expire. */
    @PreDestroy
    void shutdown() {
        heartbeat.shutdownNow();
        for (RunLeases.Lease lease : List.copyOf(held)) {
            release(lease);
        }
    }
}
