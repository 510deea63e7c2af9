-- Domain records of the data contract (shared/spec/data-contract.md section 1), one table per record kind.
-- This file runs unchanged on H2 and MySQL/MariaDB; ${table_options} is the only vendor difference
-- (utf8mb4 with a binary collation on MySQL, so keys compare exactly as they do in H2).
-- load_id is the job instance that last saw the row; source_line is its line in that load's file.

CREATE TABLE agency (
    agency_code     VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    parent_code     VARCHAR(64),
    agency_level    VARCHAR(50),
    report_url      VARCHAR(300),
    contact_office  VARCHAR(200),
    contact_address VARCHAR(300),
    contact_phone   VARCHAR(100),
    load_id         BIGINT       NOT NULL,
    source_line     INT          NOT NULL,
    PRIMARY KEY (agency_code)
) ${table_options};

CREATE TABLE application (
    agency_code     VARCHAR(64)    NOT NULL,
    application_id  VARCHAR(100)   NOT NULL,
    received_date   DATE           NOT NULL,
    applicant_type  VARCHAR(32)    NOT NULL,
    closed_date     DATE,
    outcome         VARCHAR(40),
    extended        BOOLEAN,
    fee_yuan        DECIMAL(14, 2),
    load_id         BIGINT         NOT NULL,
    source_line     INT            NOT NULL,
    PRIMARY KEY (agency_code, application_id)
) ${table_options};
CREATE INDEX application_by_load ON application (load_id);

CREATE TABLE document (
    document_id          VARCHAR(100) NOT NULL,
    agency_code          VARCHAR(64)  NOT NULL,
    doc_number           VARCHAR(200),
    title                VARCHAR(1000) NOT NULL,
    category             VARCHAR(32)  NOT NULL,
    issued_date          DATE         NOT NULL,
    disclosure           VARCHAR(32)  NOT NULL,
    published_date       DATE,
    repealed_date        DATE,
    interpretation_date  DATE,
    interpretation_forms VARCHAR(200),
    load_id              BIGINT       NOT NULL,
    source_line          INT          NOT NULL,
    PRIMARY KEY (document_id)
) ${table_options};
CREATE INDEX document_by_agency ON document (agency_code);
CREATE INDEX document_by_load ON document (load_id);

CREATE TABLE enforcement_figure (
    agency_code  VARCHAR(64)    NOT NULL,
    report_year  INT            NOT NULL,
    item         VARCHAR(32)    NOT NULL,
    figure       DECIMAL(24, 6) NOT NULL,
    load_id      BIGINT         NOT NULL,
    source_line  INT            NOT NULL,
    PRIMARY KEY (agency_code, report_year, item)
) ${table_options};
CREATE INDEX enforcement_by_load ON enforcement_figure (load_id);

CREATE TABLE appeal_case (
    agency_code  VARCHAR(64)  NOT NULL,
    case_id      VARCHAR(100) NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    filed_date   DATE         NOT NULL,
    closed_date  DATE,
    result       VARCHAR(32),
    load_id      BIGINT       NOT NULL,
    source_line  INT          NOT NULL,
    PRIMARY KEY (agency_code, case_id)
) ${table_options};
CREATE INDEX appeal_by_load ON appeal_case (load_id);
