package org.disclosurereports.cli;

/** Exit codes of the command line, for cron and operators (documented in the README). */
public enum ExitCode {
    /** The reports were built (rows may have been rejected: the summary and rejects/ list them). */
    OK(0, "done"),
    /** The job failed (a database error, an unexpected fault); running the same command again resumes it. */
    FAILED(1, "failed (run the same command again to resume)"),
    /** The command line itself is wrong. */
    USAGE(2, "usage"),
    /** An input was refused as a whole (missing data directory or agencies.csv, unreadable encoding, missing column): nothing was built. */
    INPUT_REFUSED(3, "input refused"),
    /** The same run is already in progress. */
    ALREADY_RUNNING(4, "already running"),
    /**
     * A blocking rule of the catalogue failed (warnings alone exit 0): {@code audit} on a published report,
     * or {@code run}, whose reports were built with the finding in their validation.json.
     */
    BLOCKING_FINDINGS(5, "a blocking rule failed (audit, or run: the reports were built)"),
    /** {@code run}: some reports could not be built from their units' data (listed with the reason); the others were built. */
    REPORTS_FAILED(6, "some reports could not be built"),
    /** {@code run}: an operator stopped the run ({@code stop}); it ended after its last committed chunk and the same command resumes it. */
    STOPPED(7, "stopped by an operator (run again to resume)");

    private final int code;
    private final String summary;

    ExitCode(int code, String summary) {
        this.code = code;
        this.summary = summary;
    }

    /** A few words for the usage text; the README's table says more. */
    public String summary() {
        return summary;
    }

    public int code() {
        return code;
    }
}
