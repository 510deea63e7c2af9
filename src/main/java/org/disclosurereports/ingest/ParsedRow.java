package org.disclosurereports.ingest;

import java.util.List;

/**
 * A row after checking: either loadable ({@code values} in the order of the kind's columns, typed)
 * or rejected with every problem found in it.
 */
public record ParsedRow(long line, Object[] values, List<Rejection> problems, String original) {

    public boolean rejected() {
        return !problems.isEmpty();
    }
}
