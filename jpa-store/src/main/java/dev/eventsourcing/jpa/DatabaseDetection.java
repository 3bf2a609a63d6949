package dev.eventsourcing.jpa;

import dev.eventsourcing.ConfigurationException;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells which database a persistence unit runs on: from its JDBC URL when the provider reports
 * one (a unit opened in Java SE), else from the server itself (a container's datasource, whose
 * URL the unit does not know).
 *
 * <p>The server is asked which schemas it has, with a query that each of the databases answers
 * without an error (a failing probe would be logged as an error by the provider): only
 * PostgreSQL has {@code pg_catalog}; MariaDB and PostgreSQL name the standard schema in lower
 * case, H2 in upper case; MariaDB says its name in {@code VERSION()}.
 */
final class DatabaseDetection {

    private static final String[] URL_PROPERTIES = {"jakarta.persistence.jdbc.url", "javax.persistence.jdbc.url",
            "hibernate.connection.url", "eclipselink.jdbc.url"};
    private static final String[] NAMES_IN_URLS = {"postgresql", "mariadb", "mysql", "h2"};
    private static final String HAS_SCHEMA = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?1";

    private DatabaseDetection() {
    }

    /** See {@link DatabaseStrategy#detect(JpaTransactions)}. */
    static DatabaseStrategy detect(JpaTransactions transactions) {
        String name = unitUrl(transactions).flatMap(DatabaseDetection::nameInUrl).orElseGet(() -> askServer(transactions));
        return DatabaseStrategy.named(name);
    }

    /** The database a JDBC URL names ({@code jdbc:postgresql:…} and so on), if it is one of ours. */
    static Optional<String> nameInUrl(String url) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        for (String database : NAMES_IN_URLS) {
            if (lower.startsWith("jdbc:" + database + ":")) {
                return Optional.of(database);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unitUrl(JpaTransactions transactions) {
        return transactions.inTransaction(em -> {
            for (String key : URL_PROPERTIES) {
                Object url = em.getEntityManagerFactory().getProperties().get(key);
                if (url != null) {
                    return Optional.of(url.toString());
                }
            }
            return Optional.empty();
        });
    }

    static String askServer(JpaTransactions transactions) {
        try {
            if (hasSchema(transactions, "pg_catalog")) {
                return "postgresql";
            }
            if (hasSchema(transactions, "information_schema")) {
                Object version = transactions.inTransaction(em -> em.createNativeQuery("SELECT VERSION()").getSingleResult());
                if (String.valueOf(version).toLowerCase(Locale.ROOT).contains("mariadb")) {
                    return "mariadb";
                }
            } else if (hasSchema(transactions, "INFORMATION_SCHEMA")) {
                return "h2";
            }
        } catch (RuntimeException unknown) {
            // reported below
        }
        throw new ConfigurationException("Cannot tell which database the event store runs on; set '"
                + JpaSettings.DATABASE + "' to postgresql, postgresql-serialised, mariadb or h2");
    }

    private static boolean hasSchema(JpaTransactions transactions, String name) {
        Object count = transactions.inTransaction(em -> em.createNativeQuery(HAS_SCHEMA).setParameter(1, name).getSingleResult());
        return ((Number) count).longValue() > 0;
    }
}
