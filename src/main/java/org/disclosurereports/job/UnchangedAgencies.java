package org.disclosurereports.job;

import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.ParsedRow;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.inputs.RowChecker;
import org.disclosurereports.store.CheckedFiles;
import org.disclosurereports.store.RecordLoads;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.RowDigests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.stereotype.Component;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Before a record kind is loaded from a file: the agencies whose good rows in the file are exactly
 * the rows stored for them (the same number, the same sum of row digests: {@link RowDigests}) are
 * unchanged. Their rows are kept as they are, not written again ({@link RecordWriter} passes over
 * them, counting them as loaded), and the prune leaves them alone ({@link RecordStore#keepUnchanged}).
 * A night where one unit's records changed thus writes that unit's rows only.
 * <p>
 * The file is read and checked once more for this, in full; the chunks then check only the rows of
 * the other agencies, and of kept agencies with a rejected row ({@link InputRowReader}). Rejected
 * rows do not count, and a file with a duplicate key has more rows for its agency than were stored,
 * so that agency is loaded (and the duplicate rejected) as usual. Nothing is kept from a source
 * database's pull (it is not read twice), for kinds without an agency (holidays.csv, loaded whole), or
 * into a table still empty. A restarted load keeps what its first attempt found: the decision is
 * saved with the step.
 * <p>
 * What the pass finds is remembered ({@link CheckedFiles}): the next load of the same bytes, checked
 * against the same agencies by the same software, takes it from there instead of reading the file
 * (a night where one file changed reads that file only); {@code --force} reads every file again.
 */
@Component
public class UnchangedAgencies implements StepExecutionListener, ItemProcessListener<RawRow, ParsedRow> {

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
    /** True when what the file holds was known from an earlier load of the same bytes under the same checks ({@link CheckedFiles}). */
    static final String CHECKED_BEFORE = "unchanged.checked-before";

    private final InputSchema schema;
    private final RecordStore store;
    private final SourceReaders sources;
    private final Map<Long, FirstLoad> firstLoads = new ConcurrentHashMap<>();

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
            // --force adds the stored digests up again too, as it reads every file again.
            RowDigests digests = new RowDigests(store);
            Map<String, RowDigests.Slice> stored = RunIdentity.forced(step.getJobParameters())
                    ? digests.counted(kind.table(), null, null) : digests.byAgency(kind.table(), null, null);
            Set<String> agencies = store.agencyCodes();
            String key = checkKey(step, kind, load, agencies);
            if (stored.isEmpty()) {
                // A first load checks every row in its chunks: what they find is remembered for the next night.
                if (key != null) {
                    firstLoads.put(step.getId(), new FirstLoad(kind.table(), key, new Finding(kind, agencies)));
                }
            } else {
                CheckedFiles checkedFiles = new CheckedFiles(store);
                // --force reads and checks every file again, as it builds every report again.
                Optional<CheckedFiles.Checked> known = key == null || RunIdentity.forced(step.getJobParameters())
                        ? Optional.empty() : checkedFiles.find(kind.table(), key);
                CheckedFiles.Checked given = known.orElseGet(() -> given(step, kind, agencies));
                context.putString(CHECKED_BEFORE, String.valueOf(known.isPresent()));
                if (known.isPresent()) {
                    log.info("{}: the same file, checked against the same agencies by the same software as before: not read again to find its unchanged agencies",
                            SourceReaders.inputName(step.getJobParameters(), kind));
                } else if (key != null) {
                    checkedFiles.remember(kind.table(), key, given);
                }
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

    /** Every row a first load has checked, added to what it finds. */
    @Override
    public void afterProcess(RawRow row, ParsedRow result) {
        if (firstLoads.isEmpty()) {
            return; // every row of every load passes here: most loads are not first loads
        }
        StepContext running = StepSynchronizationManager.getContext();
        FirstLoad first = running == null ? null : firstLoads.get(running.getStepExecution().getId());
        if (first != null && result != null) {
            first.finding().add(row, result);
        }
    }

    /**
     * A first load that completed remembers what it found. A file kept whole was read before the chunks,
     * not in them: its rows are this step's reads and writes, set once the step has completed, so that
     * however often it was restarted they are counted once.
     */
    @Override
    public ExitStatus afterStep(StepExecution step) {
        FirstLoad first = firstLoads.remove(step.getId());
        if (first != null && step.getStatus() == BatchStatus.COMPLETED) {
            new CheckedFiles(store).remember(first.table(), first.key(), first.finding().checked());
        }
        ExecutionContext context = step.getExecutionContext();
        if (step.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        if (context.containsKey(WHOLE_FILE_KEPT) && step.getReadCount() == 0) {
            step.setReadCount(context.getLong(WHOLE_FILE_KEPT));
            step.setWriteCount(context.getLong(WHOLE_FILE_KEPT));
        }
        long passedOver = context.getLong(InputRowReader.PASSED_OVER, 0);
        if (passedOver > 0) {
            // This attempt's reads and writes, the step's loaded and kept rows of all attempts.
            long now = passedOver - context.getLong(InputRowReader.PASSED_OVER_BEFORE, 0);
            step.setReadCount(step.getReadCount() + now);
            step.setWriteCount(step.getWriteCount() + now);
            context.putLong(RecordWriter.LOADED, context.getLong(RecordWriter.LOADED, 0) + passedOver);
            context.putLong(RecordWriter.KEPT, context.getLong(RecordWriter.KEPT, 0) + passedOver);
        }
        return null;
    }

    /** The kept agencies that had rejected rows in the file, as noted in the step's context. */
    static Set<String> withRejectedRows(ExecutionContext context) {
        String codes = context.getString(WITH_REJECTED_ROWS, "");
        return codes.isEmpty() ? Set.of() : Set.of(codes.split("\n"));
    }

    /**
     * What the finding on a file depends on: the kind, the file's bytes (their SHA-256 as this load
     * recorded them) and encoding, the agencies its rows are checked against, and the software that
     * checks them. Null when the load recorded no digest of the file.
     */
    private String checkKey(StepExecution step, RecordKind kind, long load, Set<String> agencies) {
        String input = SourceReaders.inputName(step.getJobParameters(), kind);
        String fileDigest = new RecordLoads(store).inputs(load, kind.name()).stream().map(RecordLoads.Input::sha256)
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (fileDigest == null) {
            return null;
        }
        Charset charset = RunParameters.of(step.getJobParameters()).charsets().get(input);
        StringBuilder what = new StringBuilder("checked-file/1|").append(kind.name()).append('|').append(input).append('|')
                .append(fileDigest).append('|').append(charset).append('|').append(RunManifest.version()).append("|agencies");
        agencies.stream().sorted().forEach(a -> what.append('|').append(a));
        return UnitFingerprint.sha256(what.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The file's good rows by agency, as slices, and the known agencies named by a rejected row, read
     * and checked.
     */
    private CheckedFiles.Checked given(StepExecution step, RecordKind kind, Set<String> agencies) {
        RowChecker checker = new RowChecker(kind, SourceReaders.inputName(step.getJobParameters(), kind), agencies::contains);
        Finding finding = new Finding(kind, agencies);
        ItemStreamReader<RawRow> reader = sources.reader(step.getJobParameters(), kind);
        reader.open(new ExecutionContext());
        try {
            RawRow raw;
            while ((raw = reader.read()) != null) {
                finding.add(raw, checker.check(raw));
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + SourceReaders.inputName(step.getJobParameters(), kind) + ": " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        return finding.checked();
    }

    /** A first load under way, by step execution: the finding its chunks add to, and where it is to be remembered. */
    private record FirstLoad(String table, String key, Finding finding) {}

    /** What checking a file's rows finds, row by row; the pass before a load and a first load's chunks add to it alike. */
    private static final class Finding {

        private final int agencyColumn;
        private final int columns;
        private final Set<String> agencies;
        private final Map<String, RowDigests.Slice> good = new HashMap<>();
        private final Set<String> rejected = new HashSet<>();
        private long goodRows;
        private long rejectedRows;

        Finding(RecordKind kind, Set<String> agencies) {
            this.agencyColumn = kind.dbColumns().indexOf(RecordWriter.AGENCY_COLUMN);
            this.columns = kind.dbColumns().size();
            this.agencies = agencies;
        }

        void add(RawRow raw, ParsedRow row) {
            if (!row.rejected()) {
                goodRows++;
                good.merge((String) row.values()[agencyColumn], RowDigests.Slice.EMPTY.plus(RowDigests.of(row.values(), columns)),
                        RowDigests.Slice::add);
            } else {
                rejectedRows++;
                if (raw.values() != null && agencyColumn < raw.values().length && agencies.contains(raw.values()[agencyColumn])) {
                    rejected.add(raw.values()[agencyColumn]);
                }
            }
        }

        CheckedFiles.Checked checked() {
            return new CheckedFiles.Checked(good, rejected, goodRows, rejectedRows);
        }
    }
}
