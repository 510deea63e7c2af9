package org.disclosurereports.outputs;

import org.disclosurereports.core.figures.StatutoryTables;

import java.util.Map;

/** One report's files, made in memory, to be moved into {@code <out>/<year>/<agency_code>/} together. */
public record BuiltReport(StatutoryTables tables, Map<String, byte[]> files) {}
