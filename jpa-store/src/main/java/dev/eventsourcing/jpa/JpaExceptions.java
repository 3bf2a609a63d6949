package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.DataException;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.RecorderException;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.persistence.TransactionRequiredException;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place where JPA and JDBC failures become {@link RecorderException}s, with the
 * original exception attached as the cause.
 *
 * <p>The SQLState of the innermost {@link SQLException} decides, by class: {@code 23}
 * integrity; {@code 08} (connection), {@code 40} (rollback, deadlock), {@code 53} (resources),
 * {@code 57} (operator intervention, cancelled), {@code 55P03} (lock not available),
 * {@code HYT00}/{@code HY008} (timeout, cancelled) operational; {@code 22} data; {@code 42}
 * (syntax, missing table), {@code 0A}, {@code 25}, {@code 3D}, {@code 3F} programming.
 * Vendor codes fill the gaps where a driver reports a generic state: MariaDB 1205 (lock wait
 * timeout), H2 50200 (lock timeout), H2 90131 (concurrent update: retry) and H2
 * 90067/90098/90121 (connection broken, database closed) are operational. Without an SQLException the JPA exception type decides.
 *
 * <p>The messages say what failed without repeating the driver's or the provider's text, which
 * may hold the statement, the values bound to it or a failing row with its state: an
 * SQLException is told by its SQLState, vendor code and constraint ({@link SqlFailure}), any
 * other exception by its type. The original exception stays attached as the cause, for its
 * stack trace and for callers that inspect it; where it may be logged, see the module's README.
 */
final class JpaExceptions {

    private static final Set<Integer> OPERATIONAL_VENDOR_CODES = Set.of(1205, 50200, 90067, 90098, 90121, 90131);

    private JpaExceptions() {
    }

    /**
     * Runs a recorder's unit of work in a transaction of {@code transactions}, with whatever it
     * throws translated as a failure of {@code operation}.
     */
    static <T> T inTransaction(JpaTransactions transactions, String operation, Function<EntityManager, T> work) {
        try {
            return transactions.inTransaction(work);
        } catch (RuntimeException e) {
            throw translate(e, operation);
        }
    }

    /** Translates a failure of {@code operation} (a phrase such as "Inserting 3 events into Bank"). */
    static RecorderException translate(RuntimeException failure, String operation) {
        if (failure instanceof RecorderException recorderException) {
            return recorderException;
        }
        SQLException sql = innermostSqlException(failure);
        if (sql != null) {
            return bySqlState(failure, sql, operation);
        }
        String message = operation + " failed: " + failure.getClass().getSimpleName();
        if (failure instanceof LockTimeoutException || failure instanceof PessimisticLockException
                || failure instanceof QueryTimeoutException) {
            return new OperationalException(message, failure);
        }
        if (failure instanceof EntityExistsException) {
            return new IntegrityException(message, failure);
        }
        if (failure instanceof TransactionRequiredException || failure instanceof IllegalStateException
                || failure instanceof IllegalArgumentException) {
            return new ProgrammingException(message, failure);
        }
        return new RecorderException(message, failure);
    }

    private static RecorderException bySqlState(RuntimeException failure, SQLException sql, String operation) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = operation + " failed: " + SqlFailure.of(sql).describe();
        if (state.startsWith("23")) {
            return new IntegrityException(message, failure);
        }
        if (isOperational(state) || OPERATIONAL_VENDOR_CODES.contains(sql.getErrorCode())) {
            return new OperationalException(message, failure);
        }
        if (state.startsWith("22")) {
            return new DataException(message, failure);
        }
        if (state.startsWith("42") || state.startsWith("0A") || state.startsWith("25")
                || state.startsWith("3D") || state.startsWith("3F")) {
            return new ProgrammingException(message, failure);
        }
        return new RecorderException(message, failure);
    }

    /**
     * What went wrong, in words safe to show: the SQLException in the chain told by
     * {@link SqlFailure}, else the exception's type.
     */
    static String describe(Throwable failure) {
        SQLException sql = innermostSqlException(failure);
        return sql != null ? SqlFailure.of(sql).describe() : failure.getClass().getSimpleName();
    }

    /** Whether the failure's cause chain holds an SQLException. */
    static boolean hasSqlException(Throwable failure) {
        return innermostSqlException(failure) != null;
    }

    private static boolean isOperational(String state) {
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
                || state.equals("55P03") || state.equals("HYT00") || state.equals("HY008");
    }

    /**
     * The deepest SQLException with a SQLState in the cause chain: providers wrap the driver's
     * exception, sometimes twice, and a batch failure hides the real one as its "next" exception.
     */
    private static SQLException innermostSqlException(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                if (next != null && next.getSQLState() != null) {
                    found = next;
                } else if (sql.getSQLState() != null || found == null) {
                    found = sql;
                }
            }
        }
        return found;
    }
}
