package org.disclosurereports.job;

import org.disclosurereports.inputs.InputSchema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Logs why a step failed, and where: the input a record load was reading and how far it got, or the step.
 */
@Component
public class StepFailureLog implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepFailureLog.class);

    private final InputSchema schema;

    public StepFailureLog(InputSchema schema) {
        this.schema = schema;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() != BatchStatus.FAILED) {
            return null;
        }
        PipelineStep row = PipelineStep.of(step);
        String where = row.isRecordLoad()
                ? schema.kind(row.kind()).fileName() + " after " + step.getReadCount() + " rows read in this attempt"
                : step.getStepName();
        step.getFailureExceptions().forEach(t -> log.error("{} failed in {}: {}", step.getStepName(), where, FailureSentence.of(t)));
        return null;
    }
}
