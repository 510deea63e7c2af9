-- A report's life in the review console, per agency and year. Runs unchanged on H2 and MySQL/MariaDB.
-- report_state holds the current state (draft, submitted, returned, approved, published); a report
-- without a row is a draft. report_transition keeps every change: who, when, from, to, comment and,
-- for a publication, the address it was published at. seq numbers the transitions of one report.
CREATE TABLE report_state (
    agency_code    VARCHAR(64)   NOT NULL,
    report_year    INT           NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    published_url  VARCHAR(2000),
    changed_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (agency_code, report_year)
) ${table_options};

CREATE TABLE report_transition (
    agency_code    VARCHAR(64)   NOT NULL,
    report_year    INT           NOT NULL,
    seq            INT           NOT NULL,
    from_state     VARCHAR(16)   NOT NULL,
    to_state       VARCHAR(16)   NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    changed_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    comment_text   VARCHAR(4000),
    url            VARCHAR(2000),
    PRIMARY KEY (agency_code, report_year, seq)
) ${table_options};

-- What an office wrote in the console, one row per save: a passage's text is its highest version.
CREATE TABLE office_text_version (
    agency_code    VARCHAR(64)   NOT NULL,
    report_year    INT           NOT NULL,
    slot           VARCHAR(32)   NOT NULL,
    version        INT           NOT NULL,
    body           LONGTEXT      NOT NULL,
    saved_by       VARCHAR(64)   NOT NULL,
    saved_at       TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (agency_code, report_year, slot, version)
) ${table_options};
