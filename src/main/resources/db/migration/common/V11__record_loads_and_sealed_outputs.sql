-- Where the records of each load came from. Runs unchanged on H2 and MySQL/MariaDB; ${table_options} as in V2.
-- A load is a job instance of annualReportJob (load_id of the record tables). Its data directory lets a
-- run refuse to take over agencies whose records another data directory loaded, and its inputs let the
-- manifest name the file behind records a later run kept (a kind that run did not give).

CREATE TABLE record_load (
    load_id         BIGINT        NOT NULL,
    data_directory  VARCHAR(2500) NOT NULL,
    PRIMARY KEY (load_id)
) ${table_options};

CREATE TABLE record_load_input (
    load_id      BIGINT        NOT NULL,
    record_kind  VARCHAR(32)   NOT NULL,
    input_name   VARCHAR(300)  NOT NULL,
    sha256       VARCHAR(64),
    PRIMARY KEY (load_id, record_kind)
) ${table_options};

-- Loads made before this version: their data directory is the job parameter they ran with.
INSERT INTO record_load (load_id, data_directory)
SELECT e.JOB_INSTANCE_ID, MAX(p.PARAMETER_VALUE)
FROM BATCH_JOB_EXECUTION e
JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
WHERE i.JOB_NAME = 'annualReportJob' AND p.PARAMETER_NAME = 'data' AND p.PARAMETER_VALUE IS NOT NULL
GROUP BY e.JOB_INSTANCE_ID;

-- A seal belongs to the report published from one output directory (the --out of seal): runs into other
-- output directories build that unit as usual. Seals made before this version have none and hold everywhere.
ALTER TABLE sealed_report ADD COLUMN output_directory VARCHAR(2500);
