package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.Notification;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads notifications from {@code es_events} with a statement whose columns are the id, the
 * originator id, its version, the topic and the state: through JDBC on the transaction's
 * connection where the provider gives it (see {@link TransactionConnections}), since a page of
 * a hundred rows costs the provider's native-query layer about as much again as the read, else
 * as a native query. The statement takes numbered placeholders ({@link JdbcForm}).
 */
final class NotificationRows {

    private NotificationRows() {
    }

    /**
     * The notifications the statement selects, in the order it returns them.
     *
     * @param form the statement, made once where it is fixed
     * @param values the value of each placeholder, {@code ?n} taking {@code values[n - 1]}
     */
    static List<Notification> select(EntityManager em, JdbcForm form, Object... values) {
        return TransactionConnections.run(em, connection -> {
            try (PreparedStatement select = form.prepare(connection, values); ResultSet rows = select.executeQuery()) {
                List<Notification> notifications = new ArrayList<>();
                while (rows.next()) {
                    notifications.add(new Notification(rows.getLong(1), uuid(rows.getObject(2)), rows.getLong(3),
                            rows.getString(4), rows.getBytes(5)));
                }
                return notifications;
            }
        }).orElseGet(() -> natively(form.nativeQuery(em, values)));
    }

    private static List<Notification> natively(Query query) {
        List<?> rows = query.getResultList();
        List<Notification> notifications = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            notifications.add(new Notification(((Number) columns[0]).longValue(), uuid(columns[1]),
                    ((Number) columns[2]).longValue(), (String) columns[3], (byte[]) columns[4]));
        }
        return notifications;
    }

    // The drivers' UUID, or its text where a provider hands that over.
    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString().trim());
    }
}
