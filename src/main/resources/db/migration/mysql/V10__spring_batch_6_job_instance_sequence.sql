-- Spring Batch 6 renamed the job-instance sequence table BATCH_JOB_SEQ to BATCH_JOB_INSTANCE_SEQ
-- (spring-batch-core migration/6.0/migration-mysql.sql); the table keeps its current value.
RENAME TABLE BATCH_JOB_SEQ TO BATCH_JOB_INSTANCE_SEQ;
