package org.disclosurereports.core.records;

/** An enumerated value of the data contract: accepted in files as its English key or its exact Chinese label. */
public interface Vocabulary {
    String key();

    String label();
}
