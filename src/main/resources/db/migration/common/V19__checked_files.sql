-- What checking a record file found, kept for the next load of the same bytes under the same checks
-- (store/CheckedFiles): per agency the number and digest sum of its good rows and whether it had a
-- rejected row, and the file's numbers of good and rejected rows. A night reads and checks a file
-- only to find its unchanged agencies; when the file and what its rows are checked against are as
-- before, the answer is looked up instead. One entry per table, the newest; check_key names what it
-- was found from (the file's SHA-256, its encoding, the agencies, the software version).
CREATE TABLE checked_file (
    record_table   VARCHAR(64) NOT NULL,
    check_key      VARCHAR(64) NOT NULL,
    good_rows      BIGINT      NOT NULL,
    rejected_rows  BIGINT      NOT NULL,
    PRIMARY KEY (record_table)
) ${table_options};

CREATE TABLE checked_file_agency (
    record_table   VARCHAR(64) NOT NULL,
    agency_code    VARCHAR(64) NOT NULL,
    good_rows      BIGINT      NOT NULL,
    digested       BIGINT      NOT NULL,
    digest_sum     BIGINT      NOT NULL,
    rejected       BOOLEAN     NOT NULL,
    PRIMARY KEY (record_table, agency_code)
) ${table_options};
