package dev.eventsourcing.benchmarks;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Opens the persistence units of the benchmark with the same Hibernate settings for every contender. */
final class JpaUnits {

    /** JDBC batches of up to 100 statements, ordered inserts: what a tuned user would set. */
    static final Map<String, Object> SHARED = Map.of(
            "hibernate.jdbc.batch_size", "100",
            "hibernate.order_inserts", "true",
            "hibernate.connection.provider_disables_autocommit", "true",
            "hibernate.show_sql", "false");

    private JpaUnits() {
    }

    static EntityManagerFactory open(String unit, DataSource dataSource, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(SHARED);
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        properties.putAll(extra);
        return Persistence.createEntityManagerFactory(unit, properties);
    }
}
