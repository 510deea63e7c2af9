package org.disclosurereports.cli;

/** Exit codes of the command line, for cron and operators (documented in the README). */
public enum ExitCode {
    /** The reports were built (rows may have been rejected: the summary and rejects/ list them). */
    OK(0),
    /** The job failed (a database error, an unexpected fault); running the same command again resumes it. */
    FAILED(1),
    /** The command line itself is wrong. */
    USAGE(2),
    /** An input was refused as a whole (missing data directory or agencies.csv, unreadable encoding, missing column): nothing was built. */
    INPUT_REFUSED(3),
    /** The same run is already in progress. */
    ALREADY_RUNNING(4),
    /**
     * A blocking rule of the catalogue failed (warnings alone exit 0): {@code audit} on a published report,
     * or {@code run}, whose reports were built with the finding in their validation.json.
     */
    BLOCKING_FINDINGS(5),
    /** {@code run}: some reports could not be built from their units' data (listed with the reason); the others were built. */
    REPORTS_FAILED(6),
    /** {@code run}: an operator stopped the run ({@code stop}); it ended after its last committed chunk and the same command resumes it. */
    STOPPED(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
