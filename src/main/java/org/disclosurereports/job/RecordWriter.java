package org.disclosurereports.job;

import org.disclosurereports.inputs.ParsedRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.inputs.Rejection;
import org.disclosurereports.outputs.RejectsFile;
import org.disclosurereports.store.RecordStore;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a chunk of checked rows: good rows are upserted on their natural key, rejected rows go to
 * the rejects file, both in the chunk's transaction. A second row with a key already loaded from
 * this file is rejected as a duplicate (checked against the database, so it holds across chunks and
 * restarts without keeping keys in memory). The loaded and rejected counts are saved with each
 * chunk, so read = loaded + rejected survives a restart. The rows of agencies found unchanged
 * ({@link UnchangedAgencies}) are loaded already: they are counted as loaded, and kept as stored.
 */
public class RecordWriter implements ItemStreamWriter<ParsedRow> {

    public static final String LOADED = "loaded";
    public static final String REJECTED = "rejected";
    /** Of the loaded rows, those of agencies found unchanged ({@link UnchangedAgencies}) and kept, not written. */
    public static final String KEPT = "kept";
    static final String AGENCY_COLUMN = "agency_code";

    private final RecordKind kind;
    private final String fileName;
    private final RecordStore store;
    private final long loadId;
    private final FlatFileItemWriter<String> rejects;
    private final int[] keyPositions;
    private final int agencyPosition;
    private Set<String> unchanged = Set.of();
    private long loaded;
    private long rejected;
    private long kept;

    public RecordWriter(RecordKind kind, String fileName, RecordStore store, long loadId, FlatFileItemWriter<String> rejects) {
        this.kind = kind;
        this.fileName = fileName;
        this.store = store;
        this.loadId = loadId;
        this.rejects = rejects;
        List<String> db = kind.dbColumns();
        this.keyPositions = kind.keyColumns().stream().mapToInt(db::indexOf).toArray();
        this.agencyPosition = db.indexOf(AGENCY_COLUMN);
    }

    @Override
    public void write(Chunk<? extends ParsedRow> chunk) throws Exception {
        List<ParsedRow> good = new ArrayList<>();
        List<String> rejectLines = new ArrayList<>();
        Map<List<Object>, Long> inChunk = new HashMap<>();
        List<List<Object>> keys = new ArrayList<>();
        for (ParsedRow row : chunk) {
            if (row.rejected()) {
                reject(row, rejectLines);
                continue;
            }
            if (agencyPosition >= 0 && unchanged.contains((String) row.values()[agencyPosition])) {
                loaded++;
                kept++;
                continue;
            }
            List<Object> key = key(row);
            Long first = inChunk.putIfAbsent(key, row.line());
            if (first != null) {
                reject(duplicate(row, first), rejectLines);
                continue;
            }
            good.add(row);
            keys.add(key);
        }
        Map<List<Object>, Long> earlier = store.linesAlreadyLoaded(kind.table(), kind.keyColumns(), keys, loadId);
        List<Object[]> rows = new ArrayList<>();
        for (ParsedRow row : good) {
            Long line = earlier.get(key(row));
            if (line != null && line != row.line()) {
                reject(duplicate(row, line), rejectLines);
            } else {
                rows.add(AgencyLoader.withLoad(row, loadId));
            }
        }
        store.upsert(kind.table(), kind.dbColumns(), kind.keyColumns(), rows);
        loaded += rows.size();
        if (!rejectLines.isEmpty()) {
            rejects.write(new Chunk<>(rejectLines));
        }
    }

    private List<Object> key(ParsedRow row) {
        List<Object> key = new ArrayList<>(keyPositions.length);
        for (int p : keyPositions) {
            key.add(row.values()[p]);
        }
        return key;
    }

    private ParsedRow duplicate(ParsedRow row, long firstLine) {
        String keyText = String.join(" + ", kind.keyColumns());
        List<Object> key = key(row);
        String where = row.location() == null ? "line " : "row ";
        return new ParsedRow(row.line(), null, List.of(new Rejection(fileName, row.line(), kind.keyColumns().get(kind.keyColumns().size() - 1),
                String.valueOf(key.get(key.size() - 1)), "duplicate: the same " + keyText + " " + Arrays.toString(key.toArray())
                        + " is already on " + where + firstLine, row.location())), row.text(), row.location());
    }

    private void reject(ParsedRow row, List<String> lines) {
        rejected++;
        for (Rejection r : row.problems()) {
            lines.add(RejectsFile.line(r, row.original()));
        }
    }

    @Override
    public void open(ExecutionContext context) {
        loaded = context.getLong(LOADED, 0);
        rejected = context.getLong(REJECTED, 0);
        kept = context.getLong(KEPT, 0);
        unchanged = store.keptUnchanged(loadId, kind.table());
        rejects.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(LOADED, loaded);
        context.putLong(REJECTED, rejected);
        context.putLong(KEPT, kept);
        rejects.update(context);
    }

    @Override
    public void close() {
        rejects.close();
    }
}
