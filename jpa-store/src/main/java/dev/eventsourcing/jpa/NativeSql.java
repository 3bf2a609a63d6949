package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * A native statement built piece by piece, with its positional parameters ({@code ?1},
 * {@code ?2}, ...) numbered as they are added, so that statements whose shape depends on the
 * input (a DCB query's items, a batch's rows) bind exactly what they name.
 */
final class NativeSql {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Appends text that holds no parameter. */
    NativeSql text(String text) {
        sql.append(text);
        return this;
    }

    /** Appends a placeholder for the value, {@code ?n} where n is its number. */
    NativeSql parameter(Object value) {
        parameters.add(value);
        sql.append('?').append(parameters.size());
        return this;
    }

    /** Appends placeholders for the values, separated by commas. */
    NativeSql parameters(Iterable<?> values) {
        String separator = "";
        for (Object value : values) {
            sql.append(separator);
            parameter(value);
            separator = ", ";
        }
        return this;
    }

    /** The statement as a native query with every parameter bound. */
    Query query(EntityManager em) {
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /** The values bound, in the order of their numbers. */
    List<Object> parameters() {
        return List.copyOf(parameters);
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
