package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Runs JDBC work on the connection of an entity manager's current transaction, for the few hot
 * statements where the provider's native-query machinery (parameter interpretation, type
 * resolution of every bind value, result-set metadata for every execution) costs more than the
 * statement itself: on PostgreSQL an append of one event spends about as much CPU in Hibernate's
 * query layer as in the database.
 *
 * <p>The store does not depend on a provider, so the connection is reached by what each offers:
 * Hibernate's {@code Session.doReturningWork} (found by reflection, through the delegate of the
 * entity manager, which a container's transaction-scoped proxy hands out too) and, for other
 * providers, the {@code unwrap(Connection.class)} that EclipseLink supports inside a transaction.
 * When neither works, {@link #run} returns empty before it has executed anything, and the caller
 * takes the native-query path instead.
 */
final class TransactionConnections {

    /** Work on a connection; the connection belongs to the transaction and must not be closed. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final ClassValue<Optional<HibernateWork>> HIBERNATE = new ClassValue<>() {
        @Override
        protected Optional<HibernateWork> computeValue(Class<?> delegate) {
            return HibernateWork.of(delegate);
        }
    };

    private TransactionConnections() {
    }

    /**
     * Runs the work on the connection of the entity manager's transaction.
     *
     * @return the work's result; empty when the provider gives no access to its connection (then
     *         nothing was executed)
     * @throws PersistenceException wrapping the work's {@link SQLException}, for {@link JpaExceptions}
     */
    static <T> Optional<T> run(EntityManager em, Work<T> work) {
        Object delegate = em.getDelegate();
        Optional<HibernateWork> hibernate = delegate == null ? Optional.empty() : HIBERNATE.get(delegate.getClass());
        if (hibernate.isPresent()) {
            return Optional.of(hibernate.get().run(delegate, work));
        }
        Connection connection;
        try {
            connection = em.unwrap(Connection.class);
        } catch (RuntimeException unsupported) {
            return Optional.empty();
        }
        if (connection == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.run(connection));
        } catch (SQLException e) {
            // Not the driver's message, which may quote the values bound (JpaExceptions reads the SQLState).
            throw new PersistenceException("A JDBC statement of the event store failed", e);
        }
    }

    /** Hibernate's {@code Session.doReturningWork(ReturningWork)}, reached by reflection. */
    private record HibernateWork(Method doReturningWork, Class<?> returningWork) {

        static Optional<HibernateWork> of(Class<?> delegate) {
            Class<?> session = named(delegate, "org.hibernate.Session");
            if (session == null) {
                return Optional.empty();
            }
            try {
                Class<?> returningWork = Class.forName("org.hibernate.jdbc.ReturningWork", false, session.getClassLoader());
                return Optional.of(new HibernateWork(session.getMethod("doReturningWork", returningWork), returningWork));
            } catch (ReflectiveOperationException | LinkageError e) {
                return Optional.empty();
            }
        }

        // The interface as the delegate's own class loader sees it, which may not be the store's.
        private static Class<?> named(Class<?> type, String name) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Class<?> implemented : c.getInterfaces()) {
                    Class<?> found = implemented.getName().equals(name) ? implemented : named(implemented, name);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        <T> T run(Object session, Work<T> work) {
            Object proxy = Proxy.newProxyInstance(returningWork.getClassLoader(), new Class<?>[] {returningWork},
                    (self, method, arguments) -> {
                        if (method.getName().equals("execute") && arguments != null && arguments.length == 1) {
                            return work.run((Connection) arguments[0]);
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(self);
                            case "equals" -> self == arguments[0];
                            default -> "JDBC work of the event store";
                        };
                    });
            try {
                return (T) doReturningWork.invoke(session, proxy);
            } catch (InvocationTargetException e) {
                // Hibernate has converted an SQLException into its JDBCException (a PersistenceException).
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new PersistenceException("JDBC work failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new PersistenceException("Hibernate's doReturningWork is not accessible", e);
            }
        }
    }
}
