package org.disclosurereports.operations.metrics;

import org.disclosurereports.job.RunSummary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures of the last run of each year and agency scope, as gauges labelled {@code year} and
 * {@code agency}, and a counter of runs by status. Gauges, not counters: a resumed run reports the whole
 * job instance (as run-summary.json does), so adding its figures up would count the first part twice;
 * the last run's figures are exactly what run-summary.json says. The names and labels are documented in
 * docs/operations.md (Metrics).
 */
public final class RunMeters {

    static final String RUNS = "disclosure.runs";
    static final String ROWS = "disclosure.run.rows";
    static final String REPORTS = "disclosure.run.reports";
    static final String FINDINGS = "disclosure.run.validation.findings";
    static final String STEP_DURATION = "disclosure.run.step.duration";
    static final String COMPLETED = "disclosure.run.completed";
    static final String ENDED = "disclosure.run.end.time";

    private final MeterRegistry registry;
    private final Map<List<Object>, RunFigures> last = new LinkedHashMap<>();
    private final MultiGauge rows;
    private final MultiGauge reports;
    private final MultiGauge findings;
    private final MultiGauge steps;
    private final MultiGauge completed;
    private final MultiGauge ended;

    public RunMeters(MeterRegistry registry) {
        this.registry = registry;
        rows = MultiGauge.builder(ROWS).description("Rows of the input of a record kind (kind) the last run read, loaded or rejected (outcome)").register(registry);
        reports = MultiGauge.builder(REPORTS).description("Reports of the last run by status: built, unchanged, sealed (not rebuilt), failed (unit skipped)").register(registry);
        findings = MultiGauge.builder(FINDINGS).description("Findings of the rule catalogue in the validation.json of the run's reports, by severity (blocking, warning)").register(registry);
        steps = MultiGauge.builder(STEP_DURATION).baseUnit("seconds").description("Time the last run spent in each step (step), summed over its executions").register(registry);
        completed = MultiGauge.builder(COMPLETED).description("1 when the last run ended COMPLETED, 0 otherwise").register(registry);
        ended = MultiGauge.builder(ENDED).baseUnit("seconds").description("When the last run ended, in seconds since the epoch").register(registry);
    }

    /** Shows {@code run} as the last run of its scope, and counts it. */
    public synchronized void show(RunFigures run) {
        last.put(List.of(run.year(), run.agency()), run);
        Counter.builder(RUNS).description("Runs ended, by status (COMPLETED, FAILED, STOPPED)")
                .tag("status", run.status().name()).register(registry).increment();
        rows.register(rowsOf(r -> {
            List<MultiGauge.Row<?>> out = new ArrayList<>();
            for (RunFigures.Rows k : r.rows()) {
                out.add(row(r, Tags.of("kind", k.kind(), "outcome", "read"), k.read()));
                out.add(row(r, Tags.of("kind", k.kind(), "outcome", "loaded"), k.loaded()));
                out.add(row(r, Tags.of("kind", k.kind(), "outcome", "rejected"), k.rejected()));
            }
            return out;
        }), true);
        reports.register(rowsOf(r -> List.of(
                row(r, Tags.of("status", "built"), r.reports().built()),
                row(r, Tags.of("status", "unchanged"), r.reports().unchanged()),
                row(r, Tags.of("status", "sealed"), r.reports().sealed()),
                row(r, Tags.of("status", "failed"), r.reports().failed()))), true);
        findings.register(rowsOf(r -> List.of(
                row(r, Tags.of("severity", "blocking"), r.blockingFindings()),
                row(r, Tags.of("severity", "warning"), r.warningFindings()))), true);
        steps.register(rowsOf(r -> {
            List<MultiGauge.Row<?>> out = new ArrayList<>();
            for (RunSummary.StepLine s : r.steps()) {
                out.add(row(r, Tags.of("step", s.name()), s.seconds()));
            }
            return out;
        }), true);
        completed.register(rowsOf(r -> List.of(row(r, Tags.empty(), r.status().name().equals("COMPLETED") ? 1 : 0))), true);
        ended.register(rowsOf(r -> List.of(row(r, Tags.empty(), r.endedEpochSeconds()))), true);
    }

    private List<MultiGauge.Row<?>> rowsOf(Function<RunFigures, List<MultiGauge.Row<?>>> perRun) {
        List<MultiGauge.Row<?>> all = new ArrayList<>();
        last.values().forEach(r -> all.addAll(perRun.apply(r)));
        return all;
    }

    private static MultiGauge.Row<?> row(RunFigures run, Tags tags, double value) {
        return MultiGauge.Row.of(tags.and("year", String.valueOf(run.year()), "agency", run.agency()), value);
    }
}
