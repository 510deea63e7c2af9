-- Nightly operations. Runs unchanged on H2 and MySQL/MariaDB; ${table_options} as in V2.

-- Who is running what. A row is a lease: the JVM holding it refreshes heartbeat_at (database clock)
-- while it runs and deletes the row when it ends. A row whose owner died (kill -9, power loss) is
-- recognised as stale (same host and its process is gone, or no heartbeat for the expiry time) and
-- taken over; the job executions it left STARTED are then marked FAILED so they can be restarted.
-- lease_key is a SHA-256 of the scope (see RunLeases), scope the readable form. TIMESTAMP (UTC inside
-- MySQL) so that clients in different session time zones compare heartbeats alike; the explicit
-- DEFAULT keeps MySQL from adding ON UPDATE CURRENT_TIMESTAMP to acquired_at.
CREATE TABLE run_lease (
    lease_key     VARCHAR(64)   NOT NULL,
    scope         VARCHAR(1000) NOT NULL,
    owner         VARCHAR(300)  NOT NULL,
    host          VARCHAR(200)  NOT NULL,
    pid           BIGINT        NOT NULL,
    acquired_at   TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    heartbeat_at  TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (lease_key)
) ${table_options};

-- A published report: the figures (tables.json, disclosure-tables/v1) as the office sealed them.
-- A nightly run never overwrites a sealed report; it reports how today's figures differ instead.
CREATE TABLE sealed_report (
    agency_code     VARCHAR(64)  NOT NULL,
    report_year     INT          NOT NULL,
    sealed_at       DATETIME     NOT NULL,
    sealed_by       VARCHAR(200) NOT NULL,
    tables_sha256   VARCHAR(64)  NOT NULL,
    pdf_sha256      VARCHAR(64),
    tables_json     LONGTEXT     NOT NULL,
    PRIMARY KEY (agency_code, report_year)
) ${table_options};
