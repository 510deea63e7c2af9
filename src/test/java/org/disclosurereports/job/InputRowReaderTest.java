package org.disclosurereports.job;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows of agencies kept unchanged are passed over by the chunks and counted; every other row, and
 * every row of a kept agency with a rejected row, is read. The rows passed over count as read, loaded
 * and kept once the step has completed, once for every attempt.
 */
class InputRowReaderTest {

    private final RecordKind applications = new InputSchema(ReportFormat.current()).kind("applications");

    private static RawRow row(long line, String agency) {
        return new RawRow(line, new String[] {"A" + line, agency, "2024-02-01", "natural_person", null, null, null, null},
                "A" + line + "," + agency + ",2024-02-01", null);
    }

    private static final List<RawRow> ROWS = List.of(row(2, "SL"), row(3, "SL-JD1"), row(4, "SL"), row(5, "SL-GOV"), row(6, " SL"),
            new RawRow(7, null, "SL,broken", "the line has 2 fields, the header 8"), row(8, "SL"));

    /** The rows in order, remembering (as the file readers do) how many it has handed out. */
    private static final class Rows implements ItemStreamReader<RawRow> {
        private Iterator<RawRow> rows;
        private int handedOut;

        @Override
        public RawRow read() {
            if (!rows.hasNext()) {
                return null;
            }
            handedOut++;
            return rows.next();
        }

        @Override
        public void open(ExecutionContext context) {
            handedOut = context.getInt("rows.handed-out", 0);
            rows = ROWS.subList(handedOut, ROWS.size()).iterator();
        }

        @Override
        public void update(ExecutionContext context) {
            context.putInt("rows.handed-out", handedOut);
        }
    }

    private InputRowReader reader(ExecutionContext context) {
        InputRowReader reader = new InputRowReader(new Rows(), applications.dbColumns().indexOf("agency_code"), () -> Set.of("SL", "SL-JD1"));
        reader.open(context);
        return reader;
    }

    private static List<Long> lines(InputRowReader reader, int most) throws Exception {
        List<Long> lines = new ArrayList<>();
        RawRow r;
        while (lines.size() < most && (r = reader.read()) != null) {
            lines.add(r.line());
        }
        return lines;
    }

    private static ExecutionContext decided(String withRejectedRows) {
        ExecutionContext context = new ExecutionContext();
        context.putString(UnchangedAgencies.WITH_REJECTED_ROWS, withRejectedRows);
        return context;
    }

    @Test
    void aKeptAgencysRowsArePassedOverAndCounted() throws Exception {
        ExecutionContext context = decided("SL-JD1");
        InputRowReader reader = reader(context);
        // SL-JD1 is kept but has a rejected row in the file; " SL" is not the kept agency's code as written;
        // a row that could not be read whole is read, to be rejected.
        assertThat(lines(reader, 100)).containsExactly(3L, 5L, 6L, 7L);
        reader.update(context);
        assertThat(context.getLong(InputRowReader.PASSED_OVER)).isEqualTo(3);
    }

    @Test
    void aLoadDecidedWithoutNotingRejectedAgenciesReadsEveryRow() throws Exception {
        InputRowReader reader = reader(new ExecutionContext());
        assertThat(lines(reader, 100)).hasSize(ROWS.size());
    }

    @Test
    void aRestartedStepCountsWhatEachAttemptPassedOverOnceAndTheRowsAsLoadedAndKept() throws Exception {
        ExecutionContext context = decided("");
        InputRowReader first = reader(context);
        assertThat(lines(first, 2)).containsExactly(5L, 6L);
        first.update(context); // the last commit of an attempt that then failed
        first.close();
        assertThat(context.getLong(InputRowReader.PASSED_OVER)).isEqualTo(3);

        InputRowReader second = reader(context);
        assertThat(lines(second, 100)).containsExactly(7L);
        second.update(context);
        second.close();
        assertThat(context.getLong(InputRowReader.PASSED_OVER)).isEqualTo(4);

        StepExecution step = new StepExecution("loadApplications",
                new JobExecution(1L, new JobInstance(1L, "annualReportJob"), new JobParameters()));
        step.setExecutionContext(context);
        step.setStatus(BatchStatus.COMPLETED);
        step.setReadCount(1);
        step.setWriteCount(1);
        context.putLong(RecordWriter.LOADED, 2); // the first attempt's two rows
        context.putLong(RecordWriter.REJECTED, 1);
        context.putLong(RecordWriter.KEPT, 0);
        new UnchangedAgencies(null, null, null).afterStep(step);

        assertThat(step.getReadCount()).as("this attempt's read and the one row it passed over").isEqualTo(2);
        assertThat(step.getWriteCount()).isEqualTo(2);
        assertThat(context.getLong(RecordWriter.LOADED)).as("every attempt's").isEqualTo(6);
        assertThat(context.getLong(RecordWriter.KEPT)).isEqualTo(4);
        assertThat(context.getLong(RecordWriter.LOADED) + context.getLong(RecordWriter.REJECTED)).as("read = loaded + rejected")
                .isEqualTo(ROWS.size());
    }
}
