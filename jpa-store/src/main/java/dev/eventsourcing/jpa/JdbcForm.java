package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A statement written with numbered placeholders ({@code ?1}, {@code ?2}, ..., as native queries
 * take them) in the form JDBC takes: plain {@code ?}, and for each the number of the value it
 * binds. So one text and one array of values serve both the native query, for a provider that
 * gives no connection, and the JDBC statement on the connection of one that does
 * ({@link TransactionConnections}). The statements given hold no {@code ?} in a literal.
 */
final class JdbcForm {

    private final String numbered;
    private final String sql;
    private final int[] numbers;

    private JdbcForm(String numbered, String sql, int[] numbers) {
        this.numbered = numbered;
        this.sql = sql;
        this.numbers = numbers;
    }

    /** The JDBC form of a statement with numbered placeholders. */
    static JdbcForm of(String numbered) {
        StringBuilder sql = new StringBuilder(numbered.length());
        int[] numbers = new int[8];
        int count = 0;
        for (int i = 0; i < numbered.length(); i++) {
            char c = numbered.charAt(i);
            sql.append(c);
            if (c != '?') {
                continue;
            }
            int number = 0;
            while (i + 1 < numbered.length() && Character.isDigit(numbered.charAt(i + 1))) {
                number = number * 10 + (numbered.charAt(++i) - '0');
            }
            if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, count * 2);
            }
            numbers[count++] = number;
        }
        return new JdbcForm(numbered, sql.toString(), Arrays.copyOf(numbers, count));
    }

    /** The statement prepared on the connection, with {@code values[n - 1]} bound to each {@code ?n}; the caller closes it. */
    PreparedStatement prepare(Connection connection, Object[] values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < numbers.length; i++) {
                statement.setObject(i + 1, values[numbers[i] - 1]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The statement as a native query of the entity manager, with {@code values[n - 1]} set for each {@code ?n}. */
    Query nativeQuery(EntityManager em, Object[] values) {
        Query query = em.createNativeQuery(numbered);
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        return query;
    }
}
