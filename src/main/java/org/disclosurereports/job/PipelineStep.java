package org.disclosurereports.job;

import org.disclosurereports.inputs.InputSchema;

import org.springframework.batch.core.step.StepExecution;

import java.util.Arrays;
import java.util.List;

/**
 * Every step of {@code annualReportJob}, in the order the job runs them: the one table of step names.
 * <p>
 * A step's name is its restart identity (a restart resumes at the step, and chunk, where the failed
 * run stopped): never rename one. A load step names the record kind of the input contract
 * ({@link InputSchema}) it loads; the job generates one chunk-oriented step per record load of this
 * table, so adding a record kind is its kind in the input contract and one row here. The phase says
 * whether the step holds the database-wide load turn; the progress column what its progress line counts.
 */
public enum PipelineStep {

    //                       step name                 record kind                  phase               progress counts
    INSPECT_INPUTS          ("inspectInputs",          null,                        Phase.LOAD,         Counted.NOTHING),
    LOAD_AGENCIES           ("loadAgencies",           InputSchema.AGENCIES,        Phase.LOAD,         Counted.NOTHING),
    LOAD_APPLICATIONS       ("loadApplications",       InputSchema.APPLICATIONS,    Phase.LOAD,         Counted.INPUT_ROWS),
    LOAD_FILINGS            ("loadFilings",            InputSchema.FILINGS,         Phase.LOAD,         Counted.INPUT_ROWS),
    LOAD_ENFORCEMENT        ("loadEnforcement",        InputSchema.ENFORCEMENT,     Phase.LOAD,         Counted.INPUT_ROWS),
    LOAD_APPEALS            ("loadAppeals",            InputSchema.APPEALS,         Phase.LOAD,         Counted.INPUT_ROWS),
    LOAD_TRAININGS          ("loadTrainings",          InputSchema.TRAININGS,       Phase.LOAD,         Counted.INPUT_ROWS),
    LOAD_HEARINGS           ("loadHearings",           InputSchema.HEARINGS,        Phase.LOAD,         Counted.INPUT_ROWS),
    LOAD_HOLIDAYS           ("loadHolidays",           InputSchema.HOLIDAYS,        Phase.LOAD,         Counted.INPUT_ROWS),
    LOAD_RETURNS_TABLE2     ("loadReturnsTable2",      InputSchema.RETURNS_TABLE2,  Phase.LOAD,         Counted.INPUT_ROWS),
    LOAD_RETURNS_TABLE3     ("loadReturnsTable3",      InputSchema.RETURNS_TABLE3,  Phase.LOAD,         Counted.INPUT_ROWS),
    LOAD_RETURNS_TABLE4     ("loadReturnsTable4",      InputSchema.RETURNS_TABLE4,  Phase.LOAD,         Counted.INPUT_ROWS),
    PRUNE_REPLACED          ("pruneReplaced",          null,                        Phase.LOAD,         Counted.NOTHING),
    BUILD_REPORTS           ("buildReports",           null,                        Phase.LIST_UNITS,   Counted.NOTHING),
    BUILD_REPORTS_PARTITION ("buildReportsPartition",  null,                        Phase.BUILD,        Counted.UNITS),
    BUILD_SUMMARIES         ("buildSummaries",         null,                        Phase.BUILD,        Counted.NOTHING),
    WRITE_SCORECARDS        ("writeScorecards",        null,                        Phase.BUILD,        Counted.NOTHING),
    WRITE_INDEX             ("writeIndex",             null,                        Phase.BUILD,        Counted.NOTHING);

    /** What a step may do while other runs share the database. */
    public enum Phase {
        /** Reads or changes the records every run shares: holds the database-wide load turn (one run's pruning must not remove rows another is loading). */
        LOAD(true),
        /** Lists the units to build from the shared records: holds the load turn until the partitions have their units. */
        LIST_UNITS(true),
        /** Builds and writes from the units the run listed: other runs may load meanwhile. */
        BUILD(false);

        private final boolean holdsLoadTurn;

        Phase(boolean holdsLoadTurn) {
            this.holdsLoadTurn = holdsLoadTurn;
        }

        public boolean holdsLoadTurn() {
            return holdsLoadTurn;
        }
    }

    /** What the progress line of a long step counts. */
    public enum Counted {
        NOTHING,
        /** The rows of the step's input file (its record kind's file). */
        INPUT_ROWS,
        /** The units of the step's partition. */
        UNITS
    }

    private final String stepName;
    private final String kind;
    private final Phase phase;
    private final Counted progress;

    PipelineStep(String stepName, String kind, Phase phase, Counted progress) {
        this.stepName = stepName;
        this.kind = kind;
        this.phase = phase;
        this.progress = progress;
    }

    public String stepName() {
        return stepName;
    }

    /** The record kind (a name of {@link InputSchema}) the step loads, or null. */
    public String kind() {
        return kind;
    }

    public Phase phase() {
        return phase;
    }

    public Counted progress() {
        return progress;
    }

    /** A chunk-oriented load of one record kind: every load but the agencies, which the other kinds' rows are checked against. */
    public boolean isRecordLoad() {
        return kind != null && this != LOAD_AGENCIES;
    }

    /** The record loads, in the job's order: the steps the job generates from this table. */
    public static List<PipelineStep> recordLoads() {
        return Arrays.stream(values()).filter(PipelineStep::isRecordLoad).toList();
    }

    public static List<PipelineStep> inPhase(Phase phase) {
        return Arrays.stream(values()).filter(s -> s.phase == phase).toList();
    }

    /** The step that loads {@code kind}. */
    public static PipelineStep loading(String kind) {
        return Arrays.stream(values()).filter(s -> kind.equals(s.kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step loads the record kind " + kind));
    }

    public static PipelineStep named(String stepName) {
        return Arrays.stream(values()).filter(s -> s.stepName.equals(stepName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("annualReportJob has no step " + stepName));
    }

    /** The row of a running step; a partition of buildReports ({@code buildReportsPartition:units-0}) is buildReportsPartition. */
    public static PipelineStep of(StepExecution step) {
        String name = step.getStepName();
        int colon = name.indexOf(':');
        return named(colon < 0 ? name : name.substring(0, colon));
    }
}
