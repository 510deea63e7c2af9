package org.disclosurereports.job;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress of one long step: items done, rate, and (when the total is known) a bar. On a terminal the
 * bar is redrawn in place; under cron (no console) a plain log line is written every interval.
 * Plain Java: the step listener feeds it.
 */
public final class Progress {

    private final String step;
    private final long total;
    private final boolean terminal;
    private final Duration interval;
    private final LongSupplier nanoClock;
    private final PrintStream terminalOut;
    private final Consumer<String> logLine;
    private final long startNanos;
    private long lastShown;
    private boolean drawn;
    private boolean logged;
    private long lastLoggedDone = -1;

    public Progress(String step, long total, boolean terminal, Duration interval, LongSupplier nanoClock,
                    PrintStream terminalOut, Consumer<String> logLine) {
        this.step = step;
        this.total = total;
        this.terminal = terminal;
        this.interval = interval;
        this.nanoClock = nanoClock;
        this.terminalOut = terminalOut;
        this.logLine = logLine;
        this.startNanos = nanoClock.getAsLong();
        this.lastShown = startNanos;
    }

    /** Called after each chunk with the items done so far in this step. */
    public void update(long done) {
        long now = nanoClock.getAsLong();
        long wait = terminal ? Duration.ofMillis(200).toNanos() : interval.toNanos();
        if (now - lastShown < wait) {
            return;
        }
        lastShown = now;
        if (terminal) {
            terminalOut.print("\r" + bar(done, now));
            terminalOut.flush();
            drawn = true;
        } else {
            logLine.accept(line(done, now));
            logged = true;
            lastLoggedDone = done;
        }
    }

    /**
     * At the end of the step: clear the bar's line; under cron, a step that logged its progress logs
     * where it ended, so the last line never stops short of the end (a slow last chunk, 83 %).
     */
    public void finish(long done) {
        if (logged && done != lastLoggedDone) {
            logLine.accept(line(done, nanoClock.getAsLong()));
        }
        if (drawn) {
            terminalOut.print("\r" + " ".repeat(78) + "\r");
            terminalOut.flush();
        }
    }

    double rate(long done, long now) {
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        return done / seconds;
    }

    String line(long done, long now) {
        String of = total > 0 ? String.format(Locale.ROOT, " of ~%d (%d%%)", total, Math.min(100, done * 100 / total)) : "";
        return String.format(Locale.ROOT, "%s: %d items%s, %s", step, done, of, rateText(done, now));
    }

    String bar(long done, long now) {
        int width = 30;
        String bar = "";
        if (total > 0) {
            int filled = (int) Math.min(width, done * width / total);
            bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] ";
        }
        return String.format(Locale.ROOT, "%-16s %s%d%s  %s", step, bar, done, total > 0 ? "/" + total : "", rateText(done, now));
    }

    /**
     * The rate as a reader can use it: items a second, or seconds an item when fewer than one a second
     * go by (a report takes seconds to build: "0/s" would say nothing moves).
     */
    String rateText(long done, long now) {
        double r = rate(done, now);
        if (done == 0) {
            return "starting";
        }
        if (r < 1) {
            return String.format(Locale.ROOT, "%.1f s/item", 1 / r);
        }
        return r < 10 ? String.format(Locale.ROOT, "%.1f/s", r) : String.format(Locale.ROOT, "%.0f/s", r);
    }
}
