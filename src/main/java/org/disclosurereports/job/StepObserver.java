package org.disclosurereports.job;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;

/**
 * The job's one extension point: a bean of this type listens to every step of
 * {@code annualReportJob} that has chunks (every step but the buildReports manager, whose partitions
 * have them), after the job's own listeners. The application defines none; tests that must crash or
 * pause a run at a chosen place contribute theirs.
 */
public interface StepObserver extends StepExecutionListener, ChunkListener {
}
