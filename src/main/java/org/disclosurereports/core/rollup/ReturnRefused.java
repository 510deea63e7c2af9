package org.disclosurereports.core.rollup;

import java.util.List;

/** A unit's figures for a year cannot be used: every problem is listed, each naming its cells and sources. */
public class ReturnRefused extends RuntimeException {

    private final List<String> problems;

    public ReturnRefused(String agencyCode, int year, List<String> problems) {
        super(agencyCode + " " + year + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
