-- The read model of the example bank: one row per account, kept by the AccountSummaries
-- projection. Plain SQL that H2 and PostgreSQL both accept; idempotent, run at each start-up.

CREATE TABLE IF NOT EXISTS bank_account_summaries (
    account_id VARCHAR(36)    NOT NULL,
    full_name  VARCHAR(1000)  NOT NULL,
    balance    NUMERIC(19, 2) NOT NULL,
    closed     BOOLEAN        NOT NULL,
    version    BIGINT         NOT NULL,
    CONSTRAINT bank_account_summaries_pk PRIMARY KEY (account_id)
);
