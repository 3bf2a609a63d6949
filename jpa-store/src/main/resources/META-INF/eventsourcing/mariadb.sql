-- Tables of the JPA event store on MariaDB (10.7 or later, for the UUID type), InnoDB.
-- Every statement is idempotent, so the script can run at each start-up in development.

CREATE TABLE IF NOT EXISTS es_events (
    application_name   VARCHAR(255)  NOT NULL,
    notification_id    BIGINT        NOT NULL,
    originator_id      UUID          NOT NULL,
    originator_version BIGINT        NOT NULL,
    topic              VARCHAR(1000) NOT NULL,
    state              LONGBLOB      NOT NULL,
    CONSTRAINT es_events_pk PRIMARY KEY (application_name, notification_id),
    CONSTRAINT es_events_originator_uk UNIQUE (application_name, originator_id, originator_version)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS es_aggregate_events (
    recorder_name      VARCHAR(255)  NOT NULL,
    originator_id      UUID          NOT NULL,
    originator_version BIGINT        NOT NULL,
    topic              VARCHAR(1000) NOT NULL,
    state              LONGBLOB      NOT NULL,
    CONSTRAINT es_aggregate_events_pk PRIMARY KEY (recorder_name, originator_id, originator_version)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS es_tracking (
    application_name          VARCHAR(255) NOT NULL,
    upstream_application_name VARCHAR(255) NOT NULL,
    notification_id           BIGINT       NOT NULL,
    CONSTRAINT es_tracking_pk PRIMARY KEY (application_name, upstream_application_name, notification_id)
) ENGINE = InnoDB;

-- One row per application; last_notification_id is its notification counter, locked by each
-- writer until commit (see DatabaseStrategy.mariadb()).
CREATE TABLE IF NOT EXISTS es_applications (
    application_name     VARCHAR(255) NOT NULL,
    application_key      INTEGER      NOT NULL AUTO_INCREMENT,
    last_notification_id BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT es_applications_pk PRIMARY KEY (application_name),
    CONSTRAINT es_applications_key_uk UNIQUE (application_key)
) ENGINE = InnoDB;

-- Notifications that readers parked (JpaParkingRecorder): one row per (reader, upstream log,
-- notification id), kept after it is retried or skipped as the trail of what was done. Times
-- are microseconds since 1970-01-01 UTC (exact with every database and JPA provider). The
-- recorder cuts an error to 4000 characters and a stack trace to 100000.
CREATE TABLE IF NOT EXISTS es_parked (
    reader             VARCHAR(255)  NOT NULL,
    upstream           VARCHAR(255)  NOT NULL,
    notification_id    BIGINT        NOT NULL,
    originator_id      UUID          NOT NULL,
    originator_version BIGINT        NOT NULL,
    topic              VARCHAR(1000) NOT NULL,
    error              VARCHAR(4000) NOT NULL,
    stack_trace        MEDIUMTEXT    NOT NULL,
    attempts           INTEGER       NOT NULL,
    parked_at          BIGINT        NOT NULL,
    behind             BIGINT        NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    resolved_at        BIGINT,
    CONSTRAINT es_parked_pk PRIMARY KEY (reader, upstream, notification_id),
    CONSTRAINT es_parked_status_ck CHECK (status IN ('PARKED', 'RETRIED', 'SKIPPED'))
) ENGINE = InnoDB;

-- A reader asks for its parked originators once per batch: only the rows still parked are read.
CREATE INDEX IF NOT EXISTS es_parked_status_ix ON es_parked (reader, upstream, status, originator_id);

-- The keys of the subjects whose personal data events carry (JpaSubjectKeyRecorder): one row
-- per (application, subject), made with the subject's first personal event. wrapped_key is the
-- subject's key encrypted with the application's key; shredding the subject deletes it and sets
-- shredded_at (microseconds since 1970-01-01 UTC), so that the subject never gets a key again.
CREATE TABLE IF NOT EXISTS es_subject_keys (
    application_name VARCHAR(255) NOT NULL,
    subject_id       UUID         NOT NULL,
    wrapped_key      VARBINARY(1024),
    shredded_at      BIGINT,
    CONSTRAINT es_subject_keys_pk PRIMARY KEY (application_name, subject_id),
    CONSTRAINT es_subject_keys_shredded_ck CHECK ((wrapped_key IS NULL AND shredded_at IS NOT NULL)
        OR (wrapped_key IS NOT NULL AND shredded_at IS NULL))
) ENGINE = InnoDB;

-- The leases by which the nodes that share this database divide the segments of a reader among
-- them (JpaLeaseRecorder). es_lease_groups: one row per group (a reader and the log it follows),
-- with the segment count of its first round, kept for good; every round locks the row (and counts
-- itself in rounds), so that the rounds of one group never interleave. es_lease_members: the
-- nodes of a group and when their membership expires. es_leases: one row per segment, made with
-- the group; node_id is its holder, NULL when it is free. Times are microseconds since
-- 1970-01-01 UTC by the database's clock; a lease or membership has expired once it is not
-- above the database's now.
CREATE TABLE IF NOT EXISTS es_lease_groups (
    group_name VARCHAR(255) NOT NULL,
    segments   INTEGER      NOT NULL,
    rounds     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT es_lease_groups_pk PRIMARY KEY (group_name),
    CONSTRAINT es_lease_groups_segments_ck CHECK (segments > 0)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS es_lease_members (
    group_name VARCHAR(255) NOT NULL,
    node_id    VARCHAR(255) NOT NULL,
    expires_at BIGINT       NOT NULL,
    CONSTRAINT es_lease_members_pk PRIMARY KEY (group_name, node_id)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS es_leases (
    group_name VARCHAR(255) NOT NULL,
    segment    INTEGER      NOT NULL,
    node_id    VARCHAR(255),
    expires_at BIGINT       NOT NULL,
    CONSTRAINT es_leases_pk PRIMARY KEY (group_name, segment)
) ENGINE = InnoDB;

-- The events of DCB applications (JpaDcbRecorder), each application's in one total order of
-- positions from 1. tags is a JSON array of the event's tags and metadata a JSON object of
-- strings, both as written by the recorder; es_dcb_tags holds each tag again, one row per tag
-- and event, for reads and conditions that select by tag (B-tree indexes only). Positions come
-- from the application's counter row in es_applications (named 'dcb:' and the application's
-- name), locked by each writer until commit, so they are assigned in commit order without gaps.
-- The unique key on (type, application, position) is the index of reads by type alone. Only the
-- primary key starts with the application, so a lookup by position can use no other index
-- whatever the statistics say (a plan made while the table was small could otherwise scan
-- the application's events for each position).
CREATE TABLE IF NOT EXISTS es_dcb_events (
    application_name VARCHAR(255) NOT NULL,
    event_position   BIGINT       NOT NULL,
    event_type       VARCHAR(255) NOT NULL,
    data             LONGBLOB     NOT NULL,
    tags             MEDIUMTEXT   NOT NULL,
    event_id         UUID         NOT NULL,
    metadata         MEDIUMTEXT   NOT NULL,
    CONSTRAINT es_dcb_events_pk PRIMARY KEY (application_name, event_position),
    CONSTRAINT es_dcb_events_id_uk UNIQUE (event_id, application_name),
    CONSTRAINT es_dcb_events_type_uk UNIQUE (event_type, application_name, event_position)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS es_dcb_tags (
    application_name VARCHAR(255) NOT NULL,
    tag              VARCHAR(255) NOT NULL,
    event_position   BIGINT       NOT NULL,
    CONSTRAINT es_dcb_tags_pk PRIMARY KEY (application_name, tag, event_position)
) ENGINE = InnoDB;
