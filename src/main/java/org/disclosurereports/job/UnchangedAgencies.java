package org.disclosurereports.job;

import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.ParsedRow;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.inputs.RowChecker;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.RowDigests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before a record kind is loaded from a file: the agencies whose good rows in the file are exactly
 * the rows stored for them (the same number, the same sum of row digests: {@link RowDigests}) are
 * unchanged. Their rows are kept as they are, not written again ({@link RecordWriter} passes over
 * them, counting them as loaded), and the prune leaves them alone ({@link RecordStore#keepUnchanged}).
 * A night where one unit's records changed thus writes that unit's rows only.
 * <p>
 * The file is read and checked once more for this, in full; the chunks then check only the rows of
 * the other agencies, and of kept agencies with a rejected row ({@link RowCheckProcessor}). Rejected
 * rows do not count, and a file with a duplicate key has more rows for its agency than were stored,
 * so that agency is loaded (and the duplicate rejected) as usual. Nothing is kept from a source database's pull (it is not read
 * twice), for kinds without an agency (holidays.csv, loaded whole), or into a table still empty. A
 * restarted load keeps what its first attempt found: the decision is saved with the step.
 */
@Component
public class UnchangedAgencies implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(UnchangedAgencies.class);
    /** Set in the step's context once the kept agencies are noted (the number kept). */
    static final String DECIDED = "unchanged.agencies";
    /** Of the kept agencies, those with rejected rows in the file (one code a line): their rows are checked again. */
    static final String WITH_REJECTED_ROWS = "unchanged.agencies.with-rejected-rows";
    /**
     * Set when every row of the file is good and of a kept agency: the number of rows. The chunks then
     * read nothing ({@link InputRowReader}); the rows are counted as read, loaded and kept here.
     */
    static final String WHOLE_FILE_KEPT = "unchanged.whole-file";

    private final InputSchema schema;
    private final RecordStore store;
    private final SourceReaders sources;

    public UnchangedAgencies(InputSchema schema, RecordStore store, SourceReaders sources) {
        this.schema = schema;
        this.store = store;
        this.sources = sources;
    }

    @Override
    public void beforeStep(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        if (context.containsKey(DECIDED)) {
            return;
        }
        RecordKind kind = schema.kind(PipelineStep.of(step).kind());
        long load = AnnualReportJobConfiguration.loadId(step);
        List<String> kept = List.of();
        List<String> withRejectedRows = List.of();
        if (kind.dbColumns().contains(RecordWriter.AGENCY_COLUMN) && SourceReaders.readsFile(step.getJobParameters(), kind)) {
            Map<String, RowDigests.Slice> stored = new RowDigests(store).byAgency(kind.table(), null, null);
            if (!stored.isEmpty()) {
                FileRows given = given(step, kind);
                kept = stored.entrySet().stream()
                        .filter(e -> e.getValue().complete() && e.getValue().equals(given.good().get(e.getKey())))
                        .map(Map.Entry::getKey).sorted().toList();
                withRejectedRows = kept.stream().filter(given.rejectedAgencies()::contains).toList();
                log.info("{}: {} of {} agencies with stored rows unchanged; their rows are kept, not written again",
                        SourceReaders.inputName(step.getJobParameters(), kind), kept.size(), stored.size());
                if (given.rejectedRows() == 0 && given.goodRows() > 0 && kept.containsAll(given.good().keySet())) {
                    context.putLong(WHOLE_FILE_KEPT, given.goodRows());
                    context.putLong(RecordWriter.LOADED, given.goodRows());
                    context.putLong(RecordWriter.KEPT, given.goodRows());
                    context.putLong(RecordWriter.REJECTED, 0);
                    log.info("{}: every row good and of an unchanged agency; the {} rows are not read again",
                            SourceReaders.inputName(step.getJobParameters(), kind), given.goodRows());
                }
            }
        }
        store.keepUnchanged(load, kind.table(), kept);
        context.putString(WITH_REJECTED_ROWS, String.join("\n", withRejectedRows));
        context.putInt(DECIDED, kept.size());
    }

    /**
     * A file kept whole was read here, not in the chunks: its rows are this step's reads and writes, set
     * once the step has completed, so that however often it was restarted they are counted once.
     */
    @Override
    public ExitStatus afterStep(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        if (context.containsKey(WHOLE_FILE_KEPT) && step.getStatus() == BatchStatus.COMPLETED && step.getReadCount() == 0) {
            step.setReadCount(context.getLong(WHOLE_FILE_KEPT));
            step.setWriteCount(context.getLong(WHOLE_FILE_KEPT));
        }
        return null;
    }

    /** The kept agencies that had rejected rows in the file, as noted in the step's context. */
    static Set<String> withRejectedRows(ExecutionContext context) {
        String codes = context.getString(WITH_REJECTED_ROWS, "");
        return codes.isEmpty() ? Set.of() : Set.of(codes.split("\n"));
    }

    /**
     * The file's good rows by agency, as slices, and the agencies (as the file names them) with a
     * rejected row.
     */
    private record FileRows(Map<String, RowDigests.Slice> good, Set<String> rejectedAgencies, long goodRows, long rejectedRows) {}

    private FileRows given(StepExecution step, RecordKind kind) {
        Set<String> agencies = store.agencyCodes();
        RowChecker checker = new RowChecker(kind, SourceReaders.inputName(step.getJobParameters(), kind), agencies::contains);
        int agencyColumn = kind.dbColumns().indexOf(RecordWriter.AGENCY_COLUMN);
        int columns = kind.dbColumns().size();
        Map<String, RowDigests.Slice> given = new HashMap<>();
        Set<String> rejected = new HashSet<>();
        long goodRows = 0;
        long rejectedRows = 0;
        ItemStreamReader<RawRow> reader = sources.reader(step.getJobParameters(), kind);
        reader.open(new ExecutionContext());
        try {
            RawRow raw;
            while ((raw = reader.read()) != null) {
                ParsedRow row = checker.check(raw);
                if (!row.rejected()) {
                    goodRows++;
                    given.merge((String) row.values()[agencyColumn], RowDigests.Slice.EMPTY.plus(RowDigests.of(row.values(), columns)),
                            RowDigests.Slice::add);
                } else {
                    rejectedRows++;
                    if (raw.values() != null && agencyColumn < raw.values().length && raw.values()[agencyColumn] != null) {
                        rejected.add(raw.values()[agencyColumn]);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + SourceReaders.inputName(step.getJobParameters(), kind) + ": " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        return new FileRows(given, rejected, goodRows, rejectedRows);
    }
}
