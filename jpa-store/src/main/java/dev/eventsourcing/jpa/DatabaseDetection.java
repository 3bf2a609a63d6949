package dev.eventsourcing.jpa;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;

import java.util.Locale;
import java.util.Optional;

/**
 * Tells which database a persistence unit runs on: the {@value JpaInfrastructureFactory#DATABASE}
 * setting when there is one, else the JDBC URL (the {@value JpaInfrastructureFactory#URL}
 * setting, or the unit's own), else the server itself.
 *
 * <p>The server is asked which schemas it has, with a query that each of the databases answers
 * without an error (a failing probe would be logged as an error by the provider): only
 * PostgreSQL has {@code pg_catalog}; MariaDB and PostgreSQL name the standard schema in lower
 * case, H2 in upper case.
 */
final class DatabaseDetection {

    private static final String[] URL_PROPERTIES = {"jakarta.persistence.jdbc.url", "javax.persistence.jdbc.url",
            "hibernate.connection.url", "eclipselink.jdbc.url"};

    private DatabaseDetection() {
    }

    static DatabaseStrategy of(Settings settings, JpaTransactions transactions) {
        String name = settings.get(JpaInfrastructureFactory.DATABASE).map(String::trim)
                .or(() -> settings.get(JpaInfrastructureFactory.URL).flatMap(DatabaseDetection::fromUrl))
                .or(() -> unitUrl(transactions).flatMap(DatabaseDetection::fromUrl))
                .orElseGet(() -> fromServer(transactions));
        try {
            return DatabaseStrategy.named(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting '" + JpaInfrastructureFactory.DATABASE + "': " + e.getMessage(), e);
        }
    }

    private static Optional<String> fromUrl(String url) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        for (String database : new String[] {"postgresql", "mariadb", "mysql", "h2"}) {
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

    private static String fromServer(JpaTransactions transactions) {
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
                + JpaInfrastructureFactory.DATABASE + "' to postgresql, postgresql-serialised, mariadb or h2");
    }

    private static boolean hasSchema(JpaTransactions transactions, String name) {
        Object count = transactions.inTransaction(em -> em.createNativeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = '" + name + "'").getSingleResult());
        return ((Number) count).longValue() > 0;
    }
}
