package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.jpa.DatabaseStrategy;
import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import dev.eventsourcing.jpa.JpaTransactions;

import java.util.Locale;

/** Recognises the database of a container's persistence unit. */
final class JpaDatabaseDetection {

    private JpaDatabaseDetection() {
    }

    static DatabaseStrategy database(Settings settings, JpaTransactions transactions) {
        String name = settings.get(JpaInfrastructureFactory.DATABASE).map(String::trim).orElseGet(() -> detect(transactions));
        try {
            return DatabaseStrategy.named(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting '" + JpaInfrastructureFactory.DATABASE + "': " + e.getMessage(), e);
        }
    }

    // Ask the server which schemas it has, with a query that each of the databases answers
    // without an error (a failing probe would be logged as an error by the provider): only
    // PostgreSQL has pg_catalog; MariaDB and PostgreSQL name the standard schema in lower case,
    // H2 in upper case.
    private static String detect(JpaTransactions transactions) {
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
                + JpaInfrastructureFactory.DATABASE + "' to postgresql, mariadb or h2");
    }

    private static boolean hasSchema(JpaTransactions transactions, String name) {
        Object count = transactions.inTransaction(em -> em.createNativeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = '" + name + "'").getSingleResult());
        return ((Number) count).longValue() > 0;
    }
}
