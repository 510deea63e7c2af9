-- The per-agency slices of each record table (store/RowDigests: per agency the number of rows and the
-- sum of their digests), kept beside the records so that a night need not add up the digests of
-- millions of unchanged rows again. record_table_version counts the writes to a table: every write
-- raises it in its own transaction (store/RecordStore); the slices in agency_slice are those of the
-- table at slices_version, so they are used only while the two are equal.
CREATE TABLE record_table_version (
    record_table    VARCHAR(64) NOT NULL,
    version         BIGINT      NOT NULL,
    slices_version  BIGINT,
    PRIMARY KEY (record_table)
) ${table_options};

CREATE TABLE agency_slice (
    record_table   VARCHAR(64) NOT NULL,
    agency_code    VARCHAR(64) NOT NULL,
    row_count      BIGINT      NOT NULL,
    digested       BIGINT      NOT NULL,
    digest_sum     BIGINT      NOT NULL,
    PRIMARY KEY (record_table, agency_code)
) ${table_options};
