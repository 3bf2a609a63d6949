package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.DataException;
import java.sql.Blob;
import java.sql.SQLException;

/** Reads a binary column of a native query's row, whichever way the provider hands it over. */
final class BinaryColumns {

    private BinaryColumns() {
    }

    /**
     * The column's bytes: providers return a binary column as {@code byte[]}, but may return a
     * LOB for MariaDB's {@code LONGBLOB}.
     *
     * @param value the column's value
     * @param what  what the column holds, for the error, e.g. "a stored event's state"
     * @throws DataException when a LOB cannot be read
     */
    static byte[] bytes(Object value, String what) {
        if (value instanceof Blob blob) {
            try {
                return blob.getBytes(1, (int) blob.length());
            } catch (SQLException e) {
                throw new DataException("Reading " + what + " failed", e);
            }
        }
        return (byte[]) value;
    }
}
