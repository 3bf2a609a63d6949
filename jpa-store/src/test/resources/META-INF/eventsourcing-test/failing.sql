-- A DDL script whose second statement fails on every database, for the tests of a failed
-- JpaSchema.createTables. The first one succeeds (and on MariaDB commits), as a real script's would.

CREATE TABLE IF NOT EXISTS es_before_failure (x INTEGER);

INSERT INTO es_no_such_table (x) VALUES (1);
