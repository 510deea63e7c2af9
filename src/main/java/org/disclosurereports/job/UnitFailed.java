package org.disclosurereports.job;

/**
 * One unit's report could not be built from its data. The build step skips it and goes on with the
 * other units; the run lists it with the reason and exits non-zero.
 */
public class UnitFailed extends RuntimeException {

    private final String agencyCode;

    public UnitFailed(String agencyCode, Throwable cause) {
        super(agencyCode + ": " + RunSummary.describe(cause), cause);
        this.agencyCode = agencyCode;
    }

    public String agencyCode() {
        return agencyCode;
    }

    /** The reason without the unit's code, for lists that already name it. */
    public String reason() {
        return RunSummary.describe(getCause());
    }
}
