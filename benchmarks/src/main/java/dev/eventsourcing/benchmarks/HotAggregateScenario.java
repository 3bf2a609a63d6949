package dev.eventsourcing.benchmarks;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.jpa.DatabaseStrategy;
import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import dev.eventsourcing.jpa.JpaSchema;
import dev.eventsourcing.jpa.ThreadBoundTransactions;
import dev.eventsourcing.persistence.IntegrityException;
import jakarta.persistence.EntityManagerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hot aggregate: {@value #WRITERS} writers running commands on one aggregate through the
 * application ({@link Application#update}: get, command, save), each retrying a command that
 * lost the version race, with the per-aggregate lock on and off. Reports commands per second
 * and conflicts per 1,000 commands. Each round starts a new aggregate; the repositories cache
 * aggregates (with fast-forward, as the example bank does), so a command costs the same in
 * every round.
 */
final class HotAggregateScenario {

    static final int WRITERS = 8;
    static final String THROUGHPUT = "hot aggregate: " + WRITERS + " writers on one aggregate";
    static final String CONFLICTS = "hot aggregate: conflicts per 1,000 commands";

    private final Harness harness;

    HotAggregateScenario(Harness harness) {
        this.harness = harness;
    }

    /**
     * One application measured: the lock on or off. A class, not a record: the harness keys its
     * samples by subject, and a record's hash would change with the conflicts it gathers.
     */
    private static final class Subject implements Measured {
        private final String name;
        private final Backend backend;
        private final Application application;
        private final AtomicLong conflicts = new AtomicLong();
        private final List<Double> perThousand = new ArrayList<>();

        Subject(String name, Backend backend, Application application) {
            this.name = name;
            this.backend = backend;
            this.application = application;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Backend backend() {
            return backend;
        }

        Application application() {
            return application;
        }

        AtomicLong conflicts() {
            return conflicts;
        }

        List<Double> perThousand() {
            return perThousand;
        }
    }

    void run(Backend backend) {
        try (Store store = new Store(backend)) {
            List<Subject> subjects = List.of(store.subject(true), store.subject(false));
            double seconds = harness.options().seconds();
            harness.measure(THROUGHPUT, "commands/s", true, subjects, (s, round) -> round(s, round, seconds));
            for (Subject s : subjects) {
                double[] values = s.perThousand().stream().mapToDouble(Double::doubleValue).toArray();
                harness.record(new Figure(CONFLICTS, "conflicts", false, s.name(), backend, values));
                s.application().close();
            }
        }
    }

    private static double round(Subject s, int round, double seconds) throws Exception {
        HotCounter counter = HotCounter.start();
        s.application().save(counter);
        UUID id = counter.id();
        s.conflicts().set(0);
        AtomicLong commands = new AtomicLong();
        double rate = Harness.throughput(WRITERS, seconds, () -> () -> {
            command(s, id);
            commands.incrementAndGet();
            return 1;
        });
        if (round > 0) {
            s.perThousand().add(1000.0 * s.conflicts().get() / commands.get());
        }
        long total = s.application().repository(HotCounter.class).get(id).total();
        if (total != commands.get()) {
            throw new IllegalStateException(s.name() + " counted " + total + " of " + commands.get() + " commands");
        }
        return rate;
    }

    /** Runs one command until it is saved, counting the lost races. */
    private static void command(Subject s, UUID id) {
        while (true) {
            try {
                s.application().update(HotCounter.class, id, HotCounter::add);
                return;
            } catch (IntegrityException lost) {
                s.conflicts().incrementAndGet();
            }
        }
    }

    /** Where the applications keep their events: in memory, or a database of their own through JPA. */
    private static final class Store implements AutoCloseable {
        private final Backend backend;
        private final BenchDatabase database;
        private final EntityManagerFactory factory;
        private final List<Application> applications = new ArrayList<>();

        Store(Backend backend) {
            this.backend = backend;
            if (backend == Backend.MEMORY) {
                database = null;
                factory = null;
                return;
            }
            database = BenchDatabase.create(backend, "hot");
            try {
                factory = JpaUnits.open("eventsourcing", database.dataSource(), Map.of());
                JpaSchema.createTables(new ThreadBoundTransactions(factory), JpaContenders.strategy(backend));
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }

        Subject subject(boolean locked) {
            Settings settings = Settings.of(Map.of(Settings.AGGREGATE_LOCK_ENABLED, String.valueOf(locked),
                    Settings.CACHE_MAXSIZE, "100"));
            String name = locked ? "HotLocked" : "HotUnlocked";
            Application application;
            if (factory == null) {
                application = new Application(name, settings);
            } else {
                DatabaseStrategy strategy = JpaContenders.strategy(backend);
                application = new Application(name, Environment.of(settings, (applicationName, scoped) ->
                        new JpaInfrastructureFactory(applicationName, scoped, new ThreadBoundTransactions(factory), strategy)));
            }
            applications.add(application);
            return new Subject(locked ? "application, lock on" : "application, lock off", backend, application);
        }

        @Override
        public void close() {
            applications.forEach(Application::close);
            if (factory != null) {
                factory.close();
                database.close();
            }
        }
    }
}
