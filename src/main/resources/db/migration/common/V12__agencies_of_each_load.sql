-- The agencies each load's agencies.csv listed. Runs unchanged on H2 and MySQL/MariaDB; ${table_options} as in V2.
-- agency.load_id names the last load that saw an agency, and another run (another year, the same files)
-- stamps it again: a run resumed after that must still build the units and summaries of its own load.
CREATE TABLE record_load_agency (
    load_id      BIGINT      NOT NULL,
    agency_code  VARCHAR(64) NOT NULL,
    PRIMARY KEY (load_id, agency_code)
) ${table_options};

-- Loads made before this version: the agencies each one was the last to see.
INSERT INTO record_load_agency (load_id, agency_code)
SELECT load_id, agency_code FROM agency;
