package org.disclosurereports.job;

import org.disclosurereports.core.layout.CellNames;
import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.store.RecordStore;
import org.disclosurereports.store.SealedReports;
import org.disclosurereports.store.TablesFromRecords;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Attaches {@link StepHooks} to {@code annualReportJob} and each of its steps as they are created,
 * so the job's definition stays as it is. The hooks are looked up lazily: a post-processor must not
 * pull the job repository and data source in early.
 */
@Configuration(proxyBeanMethods = false)
class NightlyOperationsConfiguration {

    @Bean
    static BeanPostProcessor nightlyStepHooks(ObjectProvider<StepHooks> hooks) {
        Lazy lazy = new Lazy(hooks);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TaskletStep step) {
                    step.registerStepExecutionListener(lazy);
                    step.registerChunkListener(lazy);
                } else if (bean instanceof AbstractJob job && AnnualReportJobConfiguration.JOB_NAME.equals(job.getName())) {
                    job.registerJobExecutionListener(lazy);
                }
                return bean;
            }
        };
    }

    private record Lazy(ObjectProvider<StepHooks> hooks) implements JobExecutionListener, StepExecutionListener, ChunkListener {
        @Override
        public void beforeStep(StepExecution stepExecution) {
            hooks.getObject().beforeStep(stepExecution);
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            return hooks.getObject().afterStep(stepExecution);
        }

        @Override
        public void beforeChunk(ChunkContext context) {
            hooks.getObject().beforeChunk(context);
        }

        @Override
        public void afterChunk(ChunkContext context) {
            hooks.getObject().afterChunk(context);
        }

        @Override
        public void afterJob(JobExecution jobExecution) {
            hooks.getObject().afterJob(jobExecution);
        }
    }

    /** The report step's processor: sealed reports compared, unchanged units skipped, the rest built by reportBuilder. */
    @Bean
    @StepScope
    NightlyReportBuilder nightlyReportBuilder(@Value("#{stepExecution}") StepExecution step, ReportBuilder reportBuilder,
                                              ReportFormat format, RecordStore store, InputSchema schema,
                                              javax.sql.DataSource dataSource, SealedReports sealed) {
        RunParameters run = RunParameters.of(step.getJobParameters());
        boolean force = "true".equals(step.getJobParameters().getString(NightlyReportBuilder.FORCE));
        return new NightlyReportBuilder(reportBuilder, new TablesFromRecords(format, store), sealed,
                new UnitFingerprint(dataSource, schema, format, run.templates(), run.data()), run.yearDir(), run.year(), force,
                new CellNames(format));
    }
}
