package org.disclosurereports.inputs;

/** A work-plan file that cannot be used as written; the run stops (exit code 3) naming file and field. */
public class WorkPlanRefused extends InputRefused {
    public WorkPlanRefused(String message) {
        super(message);
    }
}
