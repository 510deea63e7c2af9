-- The review console's accounts. Runs unchanged on H2 and MySQL/MariaDB; ${table_options} as in V2.
-- role: unit (one agency), reviewer (the subtree of its agency), auditor (reads everything), admin.
-- password_hash is a slow adaptive hash with its algorithm prefix ({bcrypt}…): never the password.
-- failed_logins and locked_until slow down guessing: after repeated failures the account is locked for a while.
CREATE TABLE console_account (
    username       VARCHAR(64)   NOT NULL,
    password_hash  VARCHAR(255)  NOT NULL,
    role           VARCHAR(16)   NOT NULL,
    agency_code    VARCHAR(64),
    disabled       BOOLEAN       NOT NULL DEFAULT FALSE,
    failed_logins  INT           NOT NULL DEFAULT 0,
    locked_until   TIMESTAMP     NULL,
    created_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (username)
) ${table_options};
