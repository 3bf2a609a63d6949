package dev.eventsourcing.benchmarks;

import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManagerFactory;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjLongConsumer;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon Framework 4's JPA event store ({@link JpaEventStorageEngine}) on PostgreSQL through
 * Hibernate, RESOURCE_LOCAL, with Axon's defaults (batches of 100 when reading) except the
 * {@code bytea} payload mapping Axon recommends (see {@link AxonPostgresDialect}). Events carry
 * a small record payload serialized by Axon's {@link JacksonSerializer}; reads do not
 * deserialize payloads (Axon deserializes lazily), as ours return bytes.
 *
 * <p>Catch-up uses Axon's own parts: the global stream with its gap-aware tracking token, new
 * events appended and the token stored by {@link JpaTokenStore} in one transaction per page.
 */
public final class AxonContender implements Contender {

    /** The payload of Axon's events: the same fields as the other contenders' JSON state. */
    public record Deposited(String amount, String currency, String reference, String timestamp) {
    }

    private static final Deposited PAYLOAD = new Deposited("125.50", "EUR", "invoice 2026-11-27/00042",
            "2026-11-27T17:37:00.123456Z");
    private static final String PROCESSOR = "Statements";

    private final BenchDatabase database = BenchDatabase.create(Backend.POSTGRESQL, "axon");
    private final EntityManagerFactory factory;
    private final AxonTransactions transactions;
    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final JpaEventStorageEngine engine;
    private final JpaEventStorageEngine engineOf1000;
    private final JpaTokenStore tokens;
    private TrackingToken catchUpToken;

    public AxonContender() {
        factory = JpaUnits.open("axon", database.dataSource(), Map.of(
                "hibernate.dialect", AxonPostgresDialect.class.getName(),
                "jakarta.persistence.schema-generation.database.action", "create"));
        transactions = new AxonTransactions(factory);
        engine = engine(100);
        engineOf1000 = engine(1000);
        tokens = JpaTokenStore.builder().entityManagerProvider(transactions).serializer(serializer).nodeId("bench").build();
        transactions.executeInTransaction(() -> tokens.initializeTokenSegments(PROCESSOR, 1));
    }

    private JpaEventStorageEngine engine(int batchSize) {
        return JpaEventStorageEngine.builder()
                .entityManagerProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(batchSize)
                .build();
    }

    @Override
    public String name() {
        return "Axon JPA";
    }

    @Override
    public Backend backend() {
        return Backend.POSTGRESQL;
    }

    private static DomainEventMessage<?> message(StoredEvent event, String type) {
        return new GenericDomainEventMessage<>(type, event.originatorId().toString(), event.originatorVersion() - 1, PAYLOAD);
    }

    @Override
    public void append(List<StoredEvent> events) {
        List<EventMessage<?>> messages = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            messages.add(message(event, "Account"));
        }
        transactions.executeInTransaction(() -> engine.appendEvents(messages));
    }

    @Override
    public int load(UUID originatorId) {
        return count(engine.readEvents(originatorId.toString(), 0));
    }

    private static int count(DomainEventStream stream) {
        int n = 0;
        while (stream.hasNext()) {
            stream.next();
            n++;
        }
        return n;
    }

    @Override
    public void storeSnapshot(StoredEvent snapshot) {
        transactions.executeInTransaction(() -> engine.storeSnapshot(message(snapshot, "Account")));
    }

    /** As Axon's event store reads an aggregate: the latest snapshot, then the events after it. */
    @Override
    public int loadFromSnapshot(UUID originatorId) {
        Optional<DomainEventMessage<?>> snapshot = engine.readSnapshot(originatorId.toString());
        long next = snapshot.map(s -> s.getSequenceNumber() + 1).orElse(0L);
        return (snapshot.isPresent() ? 1 : 0) + count(engine.readEvents(originatorId.toString(), next));
    }

    @Override
    public long readLog(int pageSize, long count, long deadline) {
        JpaEventStorageEngine reader = pageSize == 1000 ? engineOf1000 : engine;
        if (pageSize != 100 && pageSize != 1000) {
            throw new IllegalArgumentException("Axon's engines here read in batches of 100 or 1000, not " + pageSize);
        }
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = reader.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.limit(count).iterator();
            while (events.hasNext() && (read % pageSize != 0 || System.nanoTime() < deadline)) {
                events.next();
                read++;
            }
        }
        return read;
    }

    @Override
    public long catchUp(long position, int pageSize, long count, long deadline) {
        TrackingToken start = position == 0 ? null : catchUpToken;
        long done = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(start, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.limit(count).iterator();
            while (events.hasNext() && System.nanoTime() < deadline) {
                List<EventMessage<?>> written = new ArrayList<>(pageSize);
                TrackingToken token = null;
                while (events.hasNext() && written.size() < pageSize) {
                    TrackedEventMessage<?> event = events.next();
                    DomainEventMessage<?> upstream = (DomainEventMessage<?>) event;
                    written.add(message(Pages.processed(new dev.eventsourcing.persistence.Notification(1,
                            UUID.fromString(upstream.getAggregateIdentifier()), upstream.getSequenceNumber() + 1,
                            Events.TOPIC, Events.STATE)), "Statement"));
                    token = event.trackingToken();
                }
                TrackingToken reached = token;
                transactions.executeInTransaction(() -> {
                    engine.appendEvents(written);
                    tokens.storeToken(reached, PROCESSOR, 0);
                });
                catchUpToken = reached;
                done += written.size();
            }
        }
        return done;
    }

    /** Polls the global stream from a token, with the same back-off as the other pollers. */
    @Override
    public AutoCloseable follow(long position, ObjLongConsumer<UUID> onNotification) {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread thread = new Thread(() -> {
            TrackingToken token = position == 0 ? null : GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet());
            long pause = 2;
            while (running.get()) {
                List<TrackedEventMessage<?>> page;
                try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
                    page = new ArrayList<>(stream.limit(100).toList());
                }
                for (TrackedEventMessage<?> event : page) {
                    DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
                    onNotification.accept(UUID.fromString(domain.getAggregateIdentifier()), domain.getSequenceNumber() + 1);
                    token = event.trackingToken();
                }
                pause = page.isEmpty() ? Math.min(pause * 2, 50) : 2;
                if (page.isEmpty()) {
                    LockSupport.parkNanos(pause * 1_000_000);
                }
            }
        }, "axon-follower");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            running.set(false);
            thread.join(5_000);
        };
    }

    @Override
    public long maxNotificationId() {
        return Sql.inTransaction(database.dataSource(), c -> {
            try (Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * Inserts filler events server-side with global indexes above the sequence's value, then
     * moves the sequence past them, so that Hibernate's pooled ids never collide with them.
     */
    @Override
    public void fillTo(long total) {
        long missing = total - count();
        if (missing <= 0) {
            return;
        }
        SerializedObject<byte[]> payload = serializer.serialize(PAYLOAD, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        String sequence = sequenceName();
        long base = Sql.inTransaction(database.dataSource(), c -> {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT last_value FROM " + sequence)) {
                rows.next();
                return rows.getLong(1);
            }
        });
        String timestamp = DateTimeUtils.formatInstant(Instant.now().minusSeconds(3600));
        for (long done = 0; done < missing; done += Pages.FILL_CHUNK) {
            Sql.RowSource rows = Sql.RowSource.of(Backend.POSTGRESQL, Math.min(Pages.FILL_CHUNK, missing - done));
            String aggregate = "CAST(" + rows.uniqueUuid() + " AS text)";
            database.execute("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber,"
                    + " type, timeStamp, payloadType, payloadRevision, payload, metaData)"
                    + " SELECT " + (base + done) + " + g.n, 'event-' || " + aggregate + ", " + aggregate + ", 0, 'Account', '"
                    + timestamp + "', '" + payload.getType().getName() + "', NULL, " + bytea(payload.getData()) + ", "
                    + bytea(metaData.getData()) + " FROM " + rows.from());
        }
        database.execute("SELECT setval('" + sequence + "', " + (base + missing) + ")");
    }

    private long count() {
        return Sql.inTransaction(database.dataSource(), c -> {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private String sequenceName() {
        return Sql.inTransaction(database.dataSource(), c -> {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                    "SELECT sequencename FROM pg_sequences WHERE sequencename ILIKE 'domainevententry%'")) {
                if (!rows.next()) {
                    throw new IllegalStateException("Hibernate made no sequence for DomainEventEntry");
                }
                return rows.getString(1);
            }
        });
    }

    private static String bytea(byte[] bytes) {
        return "'\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
    }

    @Override
    public void analyze() {
        database.analyze();
    }

    @Override
    public void close() {
        factory.close();
        database.close();
    }
}
