package dev.eventsourcing.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Small JDBC helpers shared by the raw baseline and the set-up code of the other contenders. */
final class Sql {

    private Sql() {
    }

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction on a pooled connection: commit on return, rollback on failure. */
    static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("JDBC work failed: " + e.getMessage(), e);
        }
    }

    /** Binds a UUID as the backend's driver takes it best (MariaDB's driver wants text). */
    static void setUuid(PreparedStatement statement, int index, UUID id, Backend backend) throws SQLException {
        if (backend == Backend.MARIADB) {
            statement.setString(index, id.toString());
        } else {
            statement.setObject(index, id);
        }
    }

    /** Reads a UUID column whichever way the driver returns it. */
    static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    /**
     * A server-side row source of {@code count} rows for bulk set-up inserts: the FROM clause,
     * the expression of the row number (1..count), and an originator id per row. The ids share a
     * random prefix and end in the row number, so that they are unique and arrive in index order:
     * random ids would make filling a million rows take minutes on H2 and MariaDB.
     */
    record RowSource(String from, String rowNumber, String uniqueUuid) {

        static RowSource of(Backend backend, long count) {
            String prefix = "'" + UUID.randomUUID().toString().substring(0, 24) + "'";
            return switch (backend) {
                case POSTGRESQL -> new RowSource("generate_series(1, " + count + ") AS g(n)", "g.n",
                        "CAST(" + prefix + " || lpad(CAST(g.n AS text), 12, '0') AS uuid)");
                case H2 -> new RowSource("SYSTEM_RANGE(1, " + count + ") AS g", "g.X",
                        "CAST(" + prefix + " || LPAD(CAST(g.X AS VARCHAR), 12, '0') AS UUID)");
                case MARIADB -> new RowSource("seq_1_to_" + count + " AS g", "g.seq",
                        "CONCAT(" + prefix + ", LPAD(g.seq, 12, '0'))");
                case MEMORY -> throw new IllegalArgumentException("no SQL in memory");
            };
        }
    }
}
