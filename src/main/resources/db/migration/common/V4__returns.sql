-- Submitted returns (报表): a unit without a case system submits its table figures instead of records.
-- One table per return file of the data contract; figures are stored as given (label or key read as
-- the key). A figure for a total cell is kept only to be checked against the total computed from its
-- parts: it never becomes a figure of a report.
-- load_id / source_line as in V2: the load that last saw the row and its line in that load's file.

CREATE TABLE return_table2 (
    agency_code  VARCHAR(64)    NOT NULL,
    report_year  INT            NOT NULL,
    row_key      VARCHAR(40)    NOT NULL,
    column_key   VARCHAR(40)    NOT NULL,
    figure       DECIMAL(24, 6) NOT NULL,
    load_id      BIGINT         NOT NULL,
    source_line  INT            NOT NULL,
    PRIMARY KEY (agency_code, report_year, row_key, column_key)
) ${table_options};
CREATE INDEX return_table2_by_load ON return_table2 (load_id);

CREATE TABLE return_table3 (
    agency_code     VARCHAR(64)  NOT NULL,
    report_year     INT          NOT NULL,
    row_key         VARCHAR(40)  NOT NULL,
    applicant_type  VARCHAR(40)  NOT NULL,
    figure          BIGINT       NOT NULL,
    load_id         BIGINT       NOT NULL,
    source_line     INT          NOT NULL,
    PRIMARY KEY (agency_code, report_year, row_key, applicant_type)
) ${table_options};
CREATE INDEX return_table3_by_load ON return_table3 (load_id);

CREATE TABLE return_table4 (
    agency_code  VARCHAR(64)  NOT NULL,
    report_year  INT          NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    result       VARCHAR(40)  NOT NULL,
    figure       BIGINT       NOT NULL,
    load_id      BIGINT       NOT NULL,
    source_line  INT          NOT NULL,
    PRIMARY KEY (agency_code, report_year, kind, result)
) ${table_options};
CREATE INDEX return_table4_by_load ON return_table4 (load_id);
