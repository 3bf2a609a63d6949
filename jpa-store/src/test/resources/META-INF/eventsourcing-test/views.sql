-- An application's own view, as an application's script creates it at each start-up.
CREATE TABLE IF NOT EXISTS test_view_rows (
    row_id   VARCHAR(36)  NOT NULL,
    contents VARCHAR(100) NOT NULL,
    CONSTRAINT test_view_rows_pk PRIMARY KEY (row_id)
);
