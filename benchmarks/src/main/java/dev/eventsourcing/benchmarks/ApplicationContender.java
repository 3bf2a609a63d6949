package dev.eventsourcing.benchmarks;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.application.NotificationLog;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.application.Section;
import dev.eventsourcing.jpa.DatabaseStrategy;
import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import dev.eventsourcing.jpa.JpaSchema;
import dev.eventsourcing.jpa.JpaTransactions;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.inmemory.InMemoryInfrastructureFactory;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Our library through its application layer, as a user drives it: {@code Application.save} of
 * a {@link BenchAccount}, {@code Repository.get} (decoding and applying every event), and the
 * {@code NotificationLog} read section by section. In memory, or on the JPA store with the
 * database's default strategy (the no-skip guarantee included), on a database of its own.
 */
final class ApplicationContender implements ApplicationWork {

    static final String NAME = "application";
    private static final BigDecimal AMOUNT = new BigDecimal("125.50");
    private static final String REFERENCE = "invoice 2026-11-27/00042";

    private final Backend backend;
    private final Application application;
    private final Repository<BenchAccount> accounts;
    private final RecorderContender.Filler filler;
    private final Runnable analyze;
    private final AutoCloseable resources;
    private UUID aggregate;

    private ApplicationContender(Backend backend, Application application, RecorderContender.Filler filler,
                                 Runnable analyze, AutoCloseable resources) {
        this.backend = backend;
        this.application = application;
        this.accounts = application.repository(BenchAccount.class);
        this.filler = filler == null ? this::fillThroughRecorder : filler;
        this.analyze = analyze == null ? () -> { } : analyze;
        this.resources = resources;
    }

    /** The application in memory, or on the JPA store of a database of its own. */
    static ApplicationContender create(Backend backend) {
        Settings settings = Settings.of(Map.of(Settings.SECTION_SIZE, "1000"));
        if (backend == Backend.MEMORY) {
            return new ApplicationContender(backend, new Application(JpaContenders.APPLICATION,
                    Environment.of(settings, InMemoryInfrastructureFactory::new)), null, null, null);
        }
        BenchDatabase database = BenchDatabase.create(backend, "app");
        EntityManagerFactory factory = null;
        try {
            factory = JpaUnits.open("eventsourcing", database.dataSource(), Map.of());
            JpaTransactions transactions = JpaTransactions.resourceLocal(factory);
            DatabaseStrategy strategy = JpaContenders.strategy(backend);
            JpaSchema.createTables(transactions, strategy);
            Application application = new Application(JpaContenders.APPLICATION, Environment.of(settings,
                    (name, scoped) -> new JpaInfrastructureFactory(name, scoped, transactions, strategy)));
            EntityManagerFactory opened = factory;
            return new ApplicationContender(backend, application, total -> JpaContenders.fill(database, total),
                    database::analyze, () -> {
                application.close();
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

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public IntSupplier writer() {
        return new IntSupplier() {
            private BenchAccount account;

            @Override
            public int getAsInt() {
                if (account == null || account.version() == 100) {
                    account = BenchAccount.open("writer");
                } else {
                    account.deposit(AMOUNT, REFERENCE);
                }
                application.save(account);
                return 1;
            }
        };
    }

    @Override
    public void storeAggregate(int size) {
        BenchAccount account = BenchAccount.open("reader");
        for (int version = 2; version <= size; version++) {
            account.deposit(AMOUNT, REFERENCE);
            if (version % 100 == 0) {
                application.save(account);
            }
        }
        application.save(account);
        aggregate = account.id();
        analyze.run();
    }

    @Override
    public int load() {
        BenchAccount account = accounts.get(aggregate);
        if (account.deposits() != account.version() - 1) {
            throw new IllegalStateException("Loaded " + account.deposits() + " deposits at version " + account.version());
        }
        return (int) account.version();
    }

    @Override
    public long readLog(int sectionSize, long count, long deadline) {
        NotificationLog log = application.notificationLog();
        long start = 1;
        long read = 0;
        while (read < count && System.nanoTime() < deadline) {
            Section section = log.select(start, (int) Math.min(sectionSize, count - read));
            read += section.items().size();
            if (section.next() == null) {
                break;
            }
            start = section.next();
        }
        return read;
    }

    @Override
    public void fillTo(long total) {
        filler.fillTo(total);
        // As the baseline does after its fill: statistics, and with them plans, that match the
        // tables' size (the databases run without autovacuum here).
        analyze.run();
    }

    private void fillThroughRecorder(long total) {
        for (long missing = total - application.recorder().maxNotificationId(); missing > 0; missing -= 1000) {
            List<StoredEvent> batch = new ArrayList<>(1000);
            for (int i = 0; i < Math.min(1000, missing); i++) {
                batch.add(Events.event(UUID.randomUUID(), 1));
            }
            application.recorder().insertEvents(batch);
        }
    }

    @Override
    public void close() {
        if (resources == null) {
            application.close();
            return;
        }
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("Closing the application on " + backend.label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return NAME + "/" + Objects.toString(backend.label());
    }
}
