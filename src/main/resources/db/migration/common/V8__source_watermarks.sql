-- Incremental pulls from source databases (sources package): per source and record kind, the largest
-- value of the query's changed_column that a completed run has loaded. A run that fails leaves it.
-- Runs unchanged on H2 and MySQL/MariaDB; ${table_options} as in V2.

CREATE TABLE source_watermark (
    source_name  VARCHAR(100) NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    watermark    VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP    NOT NULL,
    load_id      BIGINT       NOT NULL,
    PRIMARY KEY (source_name, kind)
) ${table_options};
