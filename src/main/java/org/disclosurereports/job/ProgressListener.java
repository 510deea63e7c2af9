package org.disclosurereports.job;

import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RecordKind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Progress} of a long step: a bar on a terminal, a log line every
 * {@code disclosure.progress.seconds} under cron. Registered on the steps whose row of
 * {@link PipelineStep} counts something; the total is what that row counts.
 */
@Component
public class ProgressListener implements StepExecutionListener, ChunkListener {

    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

    private final InputSchema schema;
    private final Duration interval;
    private final Map<Long, Progress> progress = new ConcurrentHashMap<>();

    public ProgressListener(InputSchema schema, @Value("${disclosure.progress.seconds:10}") long progressSeconds) {
        this.schema = schema;
        this.interval = Duration.ofSeconds(progressSeconds);
    }

    @Override
    public void beforeStep(StepExecution step) {
        progress.put(step.getId(), new Progress(step.getStepName(), total(step), System.console() != null, interval,
                System::nanoTime, System.out, log::info));
    }

    @Override
    public void afterChunk(ChunkContext context) {
        StepExecution step = context.getStepContext().getStepExecution();
        Progress p = progress.get(step.getId());
        if (p != null) {
            p.update(step.getReadCount());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Progress p = progress.remove(step.getId());
        if (p != null) {
            p.finish(step.getReadCount());
        }
        return null;
    }

    /** What the step's row counts: rows of its input file (lines less the header; an estimate when fields span lines) or its units; 0 if unknown. */
    private long total(StepExecution step) {
        PipelineStep row = PipelineStep.of(step);
        try {
            return switch (row.progress()) {
                case UNITS -> {
                    List<String> codes = UnitPartitioner.codes(step.getExecutionContext());
                    yield codes == null ? 0 : codes.size();
                }
                case INPUT_ROWS -> inputRows(step, schema.kind(row.kind()));
                case NOTHING -> 0;
            };
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long inputRows(StepExecution step, RecordKind kind) throws IOException {
        RunParameters run = RunParameters.of(step.getJobParameters());
        Path file = run.data().resolve(kind.fileName());
        if (!run.charsets().containsKey(kind.fileName()) || !Files.isRegularFile(file)) {
            return 0;
        }
        return Math.max(0, lines(file) - 1);
    }

    /**
     * The lines of a file, counted in its bytes: a line feed is the byte 0x0A in UTF-8 and in GB18030
     * alike, and never part of another character's bytes, so nothing needs decoding for an estimate
     * (a quoted value with a line break in it counts one line more).
     */
    static long lines(Path file) throws IOException {
        long lines = 0;
        byte last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }
}
