package dev.eventsourcing.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a driver's {@link SQLException} says, told without its text: the SQLState with a phrase
 * for it, the vendor code, and the constraint and table where the database names them (and the
 * exception's type where there is no SQLState).
 *
 * <p>Why not the driver's message: it may hold the statement (H2 appends it), the values bound
 * to it or a whole failing row, event state included (PostgreSQL's detail, H2's and MariaDB's
 * key values). Names are safe: PostgreSQL reports the constraint and table as fields of their
 * own; elsewhere the message is searched for the constraints declared in the shipped DDL
 * scripts, so that nothing but one of those names is ever taken from it. Errors raised by this
 * module's own PL/pgSQL functions keep their text, which the functions wrote.
 */
record SqlFailure(String type, String sqlState, int vendorCode, String constraint, String table, String ownText) {

    private static final List<String> DECLARED_CONSTRAINTS = declaredConstraints();
    private static final Pattern RAISED = Pattern.compile("PL/pgSQL function es_\\w+\\([^)]*\\) line \\d+ at RAISE");
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("23505", "a unique key is taken"),
            Map.entry("23503", "a foreign key matches no row"),
            Map.entry("23502", "a required value is missing"),
            Map.entry("23514", "a check constraint is violated"),
            Map.entry("22001", "a value is too long for its column"),
            Map.entry("22003", "a number is out of range"),
            Map.entry("40001", "the transaction could not be serialised"),
            Map.entry("40P01", "a deadlock was detected"),
            Map.entry("55P03", "a lock was not available"),
            Map.entry("57014", "the statement was cancelled (by request or by its timeout)"),
            Map.entry("57P01", "the server ended the connection"),
            Map.entry("28000", "the database refused the user or password"),
            Map.entry("28P01", "the database refused the user or password"),
            Map.entry("3D000", "the database does not exist"),
            Map.entry("3F000", "the schema does not exist"),
            Map.entry("42P01", "a table does not exist"),
            Map.entry("42S02", "a table does not exist"),
            Map.entry("42883", "a function does not exist"),
            Map.entry("42501", "the user lacks a privilege"),
            Map.entry("HYT00", "a timeout expired"),
            Map.entry("HY008", "the statement was cancelled"));
    private static final Map<String, String> CLASS_PHRASES = Map.ofEntries(
            Map.entry("08", "the connection failed"),
            Map.entry("0A", "a feature is not supported"),
            Map.entry("22", "a value is invalid"),
            Map.entry("23", "an integrity constraint is violated"),
            Map.entry("25", "the transaction is in the wrong state"),
            Map.entry("28", "the database refused the user or password"),
            Map.entry("40", "the transaction was rolled back"),
            Map.entry("42", "a statement was refused (syntax, a missing object or a privilege)"),
            Map.entry("53", "the server lacks resources"),
            Map.entry("54", "a program limit was exceeded"),
            Map.entry("55", "an object is not in the required state"),
            Map.entry("57", "an operator intervened"));

    /** The parts of {@code failure} that are safe to show. */
    static SqlFailure of(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        PostgresFields fields = PostgresFields.of(failure);
        String constraint = fields.constraint() != null ? fields.constraint() : declaredConstraintIn(failure.getMessage());
        String ownText = raisedByOwnFunction(fields.where()) ? fields.message() : null;
        return new SqlFailure(failure.getClass().getSimpleName(), state, failure.getErrorCode(), constraint,
                fields.table(), ownText);
    }

    /**
     * One line such as {@code a unique key is taken (SQLState 23505, constraint es_events_originator_uk)}.
     */
    String describe() {
        StringBuilder text = new StringBuilder(ownText != null ? ownText : phrase());
        text.append(sqlState.isEmpty() ? " (" + type + " without SQLState" : " (SQLState " + sqlState);
        if (vendorCode != 0 && !String.valueOf(vendorCode).equals(sqlState)) {
            text.append(", vendor code ").append(vendorCode);
        }
        if (constraint != null) {
            text.append(", constraint ").append(constraint);
        }
        if (table != null) {
            text.append(", table ").append(table);
        }
        return text.append(')').toString();
    }

    private String phrase() {
        String exact = PHRASES.get(sqlState);
        if (exact != null) {
            return exact;
        }
        String byClass = sqlState.length() >= 2 ? CLASS_PHRASES.get(sqlState.substring(0, 2)) : null;
        return byClass != null ? byClass : sqlState.isEmpty() ? "the driver failed" : "the database reported an error";
    }

    // Raised by a RAISE of one of the es_ functions, called only from es_ functions: the text is
    // theirs. An error of a statement they run has an "SQL statement" line instead.
    private static boolean raisedByOwnFunction(String where) {
        if (where == null) {
            return false;
        }
        String[] lines = where.split("\n");
        return RAISED.matcher(lines[0]).matches()
                && java.util.Arrays.stream(lines).allMatch(line -> line.startsWith("PL/pgSQL function es_"));
    }

    // The longest declared name in the message, so that a name is not mistaken for its prefix.
    private static String declaredConstraintIn(String message) {
        if (message == null) {
            return null;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return DECLARED_CONSTRAINTS.stream().filter(lower::contains).findFirst().orElse(null);
    }

    private static List<String> declaredConstraints() {
        List<String> names = new ArrayList<>();
        Pattern declaration = Pattern.compile("(?i)\\bCONSTRAINT\\s+(\\w+)");
        for (DatabaseSchema schema : DatabaseSchema.values()) {
            Matcher matcher = declaration.matcher(script(schema.ddlResource()));
            while (matcher.find()) {
                String name = matcher.group(1).toLowerCase(Locale.ROOT);
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(names);
    }

    private static String script(String resource) {
        try (InputStream in = SqlFailure.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading DDL script " + resource, e);
        }
    }

    /**
     * The fields that PostgreSQL's driver reports apart from its message
     * ({@code PSQLException.getServerErrorMessage()}), read reflectively so that this module needs
     * no driver at compile time; all null for other drivers.
     */
    private record PostgresFields(String constraint, String table, String where, String message) {

        static PostgresFields of(SQLException failure) {
            try {
                Method accessor = failure.getClass().getMethod("getServerErrorMessage");
                Object fields = accessor.invoke(failure);
                if (fields == null) {
                    return new PostgresFields(null, null, null, null);
                }
                return new PostgresFields(field(fields, "getConstraint"), field(fields, "getTable"),
                        field(fields, "getWhere"), field(fields, "getMessage"));
            } catch (ReflectiveOperationException | RuntimeException notPostgres) {
                return new PostgresFields(null, null, null, null);
            }
        }

        private static String field(Object fields, String name) throws ReflectiveOperationException {
            Object value = fields.getClass().getMethod(name).invoke(fields);
            return value == null ? null : value.toString();
        }
    }
}
