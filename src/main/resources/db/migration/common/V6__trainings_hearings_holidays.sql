-- Records for the work-plan targets and reply deadlines: trainings.csv, hearings.csv,
-- holidays.csv of data-contract.md section 1. Same conventions as V2 (load_id, source_line).

CREATE TABLE training (
    agency_code    VARCHAR(64)  NOT NULL,
    training_id    VARCHAR(100) NOT NULL,
    training_date  DATE         NOT NULL,
    title          VARCHAR(500) NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    attendees      BIGINT,
    load_id        BIGINT       NOT NULL,
    source_line    INT          NOT NULL,
    PRIMARY KEY (agency_code, training_id)
) ${table_options};
CREATE INDEX training_by_load ON training (load_id);

CREATE TABLE hearing (
    agency_code    VARCHAR(64)  NOT NULL,
    hearing_id     VARCHAR(100) NOT NULL,
    hearing_date   DATE         NOT NULL,
    title          VARCHAR(500) NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    participants   BIGINT,
    load_id        BIGINT       NOT NULL,
    source_line    INT          NOT NULL,
    PRIMARY KEY (agency_code, hearing_id)
) ${table_options};
CREATE INDEX hearing_by_load ON hearing (load_id);

-- Global (no agency): an office's corrections to the shipped working-day calendar.
CREATE TABLE holiday (
    holiday_date   DATE         NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    load_id        BIGINT       NOT NULL,
    source_line    INT          NOT NULL,
    PRIMARY KEY (holiday_date)
) ${table_options};
