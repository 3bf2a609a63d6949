package dev.eventsourcing.benchmarks;

import dev.eventsourcing.dcb.inmemory.InMemoryDcbRecorder;
import dev.eventsourcing.jpa.DatabaseStrategy;
import dev.eventsourcing.jpa.JpaDcbRecorder;
import dev.eventsourcing.jpa.JpaSchema;
import dev.eventsourcing.jpa.JpaTransactions;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Makes the DCB contenders of one backend, each on a store of its own every time it is asked:
 * the in-memory recorder, or the JPA recorder on Hibernate, RESOURCE_LOCAL, with the database's
 * default strategy, on a database of its own.
 */
final class DcbContenders {

    static final String APPLICATION = "Courses";

    private DcbContenders() {
    }

    static List<Supplier<DcbContender>> of(Backend backend) {
        return switch (backend) {
            case MEMORY -> List.of(() -> new DcbContender("DCB in-memory", backend, new InMemoryDcbRecorder(), () -> { },
                    () -> { }));
            case H2, POSTGRESQL, MARIADB -> List.of(() -> jpa(backend));
        };
    }

    private static DcbContender jpa(Backend backend) {
        BenchDatabase database = BenchDatabase.create(backend, "dcb");
        EntityManagerFactory factory = null;
        try {
            factory = JpaUnits.open("eventsourcing", database.dataSource(), Map.of());
            JpaTransactions transactions = JpaTransactions.resourceLocal(factory);
            DatabaseStrategy strategy = JpaContenders.strategy(backend);
            JpaSchema.createTables(transactions, strategy);
            EntityManagerFactory opened = factory;
            return new DcbContender("DCB JPA", backend, new JpaDcbRecorder(APPLICATION, transactions, strategy),
                    database::analyze, () -> {
                        opened.close();
                        database.close();
                    });
        } catch (RuntimeException e) {
            if (factory != null) {
                factory.close();
            }
            database.close();
            throw e;
        }
    }
}
