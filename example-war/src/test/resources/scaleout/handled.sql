-- What the scale-out test's projection handled: one row per handling, no unique key but the
-- sequence, so that a notification handled twice shows as two rows.

CREATE TABLE IF NOT EXISTS scaleout_handled (
    seq                BIGSERIAL    NOT NULL,
    notification_id    BIGINT       NOT NULL,
    originator_id      VARCHAR(36)  NOT NULL,
    originator_version BIGINT       NOT NULL,
    node               VARCHAR(100) NOT NULL,
    handled_at         TIMESTAMP    NOT NULL,
    CONSTRAINT scaleout_handled_pk PRIMARY KEY (seq)
);
