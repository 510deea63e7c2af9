package org.disclosurereports.core.counting;

/**
 * Receives, for every count the counters make, the cell it went into and the record behind it, so
 * that an auditor can trace a figure to its records. Counting does not depend on it.
 */
@FunctionalInterface
public interface Evidence {

    Evidence NONE = (table, row, column, recordId) -> { };

    void counted(String table, String row, String column, String recordId);
}
