package org.disclosurereports.ingest;

/**
 * One record of an input file as read: the line it starts on (header = line 1), its values in the
 * order of the record kind's columns (null where the file has no such column), and the original
 * text, kept so that a rejected row is never lost.
 */
public record RawRow(long line, String[] values, String original, String structureProblem) {}
