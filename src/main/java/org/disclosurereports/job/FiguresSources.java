package org.disclosurereports.job;

import org.disclosurereports.core.rollup.ReturnFigure;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.store.RecordLoads;
import org.disclosurereports.store.RecordSources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code sources} of a unit's tables.json: for each record kind behind its figures, how many of the
 * unit's records were counted, the SHA-256 of that record set and the input files of the loads that
 * wrote them. Nothing in it depends on the database's history or on other units' records: the files'
 * content digests, which change with any unit's rows, are in the run's manifest.json instead.
 */
final class FiguresSources {

    static final String RECORDS = "records";
    static final String SHA256 = "sha256";
    static final String FILES = "files";
    static final String RETURNS = "returns";

    private final Map<String, String> kindOfTable = new LinkedHashMap<>();
    private final RecordLoads loads;
    /** What each load read per kind: loads are immutable once written, and a run reads few of them. */
    private final Map<String, List<RecordLoads.Input>> inputsOfLoad = new ConcurrentHashMap<>();

    FiguresSources(InputSchema schema, RecordLoads loads) {
        for (RecordKind kind : schema.kinds()) {
            kindOfTable.putIfAbsent(kind.table(), kind.name());
        }
        this.loads = loads;
    }

    /** Per record kind, in the order counted; a return unit's return figures under {@code returns}. */
    Map<String, Object> of(RecordSources counted, List<ReturnFigure> returnFigures) {
        Map<String, Object> sources = new LinkedHashMap<>();
        counted.counted().forEach((table, c) -> {
            String kind = kindOfTable.getOrDefault(table, table);
            Map<String, Object> source = new LinkedHashMap<>();
            source.put(RECORDS, c.records());
            source.put(SHA256, c.sha256());
            TreeSet<String> files = new TreeSet<>();
            for (long load : c.loads()) {
                inputsOfLoad.computeIfAbsent(load + "/" + kind, k -> loads.inputs(load, kind)).forEach(input -> files.add(input.name()));
            }
            source.put(FILES, List.copyOf(files));
            sources.put(kind, source);
        });
        if (!returnFigures.isEmpty()) {
            MessageDigest sha = sha256();
            TreeSet<String> files = new TreeSet<>();
            for (ReturnFigure f : returnFigures) {
                sha.update((f.cell() + "\t" + f.value().stripTrailingZeros().toPlainString() + "\n").getBytes(StandardCharsets.UTF_8));
                files.add(f.file());
            }
            Map<String, Object> source = new LinkedHashMap<>();
            source.put(RECORDS, returnFigures.size());
            source.put(SHA256, HexFormat.of().formatHex(sha.digest()));
            source.put(FILES, List.copyOf(files));
            sources.put(RETURNS, source);
        }
        return sources;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
