-- Spring Batch 6 renamed the job-instance sequence BATCH_JOB_SEQ to BATCH_JOB_INSTANCE_SEQ.
-- H2 cannot rename a sequence, and Batch's own migration-h2.sql recreates it from 1, which would hand out
-- instance ids that already exist: the new sequence starts after the highest stored instance instead.
EXECUTE IMMEDIATE 'CREATE SEQUENCE BATCH_JOB_INSTANCE_SEQ START WITH '
    || (SELECT COALESCE(MAX(JOB_INSTANCE_ID), 0) + 1 FROM BATCH_JOB_INSTANCE);
DROP SEQUENCE BATCH_JOB_SEQ;
