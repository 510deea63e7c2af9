package org.disclosurereports.core.rules;

import java.util.List;

/**
 * One rule evaluation that did not pass: {@code failed}, or {@code unchecked} when a cell it needs is
 * blank. {@code cell} is the printed cell the finding is about (the left side of the equation);
 * {@code cells} every cell involved, both sides, in order; a cell of last year's report is written
 * {@code previous:table3.carried_forward.total}.
 */
public record Finding(String rule, RuleCatalogue.Severity severity, Status status, String cell, List<String> cells,
                      String where, String expected, String actual, String messageZh, String messageEn, String section) {

    public enum Status {
        failed, unchecked
    }

    public Finding {
        cells = List.copyOf(cells);
    }

    /** A failed blocking rule: the report must not be published as it is. */
    public boolean blocks() {
        return status == Status.failed && severity == RuleCatalogue.Severity.blocking;
    }
}
