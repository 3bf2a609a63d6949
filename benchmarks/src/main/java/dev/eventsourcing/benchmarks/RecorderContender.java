package dev.eventsourcing.benchmarks;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.SnapshotAndEvents;
import dev.eventsourcing.persistence.SnapshotJoiningRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;

/**
 * Our library as a contender, driven only through the recorder contracts of {@code api}: an
 * application recorder for the log, an aggregate recorder for snapshots, and a process
 * recorder for the downstream application of the catch-up scenario. The backend (in memory or
 * JPA) only supplies the recorders and the bulk set-up.
 */
public class RecorderContender implements Contender {

    /** Fills a log with filler events up to a total, outside the measurement. */
    @FunctionalInterface
    public interface Filler {
        void fillTo(long total);
    }

    private final String name;
    private final Backend backend;
    private ApplicationRecorder events;
    private AggregateRecorder snapshots;
    private ProcessRecorder downstream;
    private Supplier<RecorderContender> fresh;
    private final Filler filler;
    private Runnable analyzer = () -> { };
    private Transactions transactions = Transactions.NONE;
    private final AutoCloseable resources;

    public RecorderContender(String name, Backend backend, ApplicationRecorder events, AggregateRecorder snapshots,
                             ProcessRecorder downstream, Filler filler, AutoCloseable resources) {
        this.name = Objects.requireNonNull(name);
        this.backend = Objects.requireNonNull(backend);
        this.events = Objects.requireNonNull(events);
        this.snapshots = Objects.requireNonNull(snapshots);
        this.downstream = Objects.requireNonNull(downstream);
        this.filler = filler == null ? this::fillThroughRecorder : filler;
        this.resources = resources;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    /** A contender whose {@link #discardAppended()} replaces its recorders by new, empty ones. */
    public static RecorderContender renewable(Supplier<RecorderContender> factory) {
        RecorderContender contender = factory.get();
        contender.fresh = factory;
        return contender;
    }

    /** This contender, updating planner statistics with {@code analyzer}. */
    RecorderContender analyzedBy(Runnable analyzer) {
        this.analyzer = analyzer;
        return this;
    }

    /** This contender, reading a snapshot and the events after it in one unit of work of {@code transactions}. */
    RecorderContender inUnitsOf(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions);
        return this;
    }

    @Override
    public void analyze() {
        analyzer.run();
    }

    @Override
    public void discardAppended() {
        if (fresh != null) {
            RecorderContender empty = fresh.get();
            events = empty.events;
            snapshots = empty.snapshots;
            downstream = empty.downstream;
        }
    }

    /** The recorder of the measured log. */
    public ApplicationRecorder recorder() {
        return events;
    }

    @Override
    public void append(List<StoredEvent> batch) {
        events.insertEvents(batch);
    }

    @Override
    public int load(UUID originatorId) {
        return events.selectEvents(originatorId).size();
    }

    @Override
    public void storeSnapshot(StoredEvent snapshot) {
        snapshots.insertEvents(List.of(snapshot));
    }

    /**
     * As the repository does it: the latest snapshot and the events after its version in one
     * read when the event recorder joins the snapshots, else in two selects in one unit of work.
     */
    @Override
    public int loadFromSnapshot(UUID originatorId) {
        SnapshotAndEvents read = events instanceof SnapshotJoiningRecorder joining && joining.joins(snapshots)
                ? joining.selectFromSnapshot(originatorId, snapshots, null)
                : transactions.inNewTransaction(unitOfWork -> SnapshotAndEvents.selectSeparately(originatorId, snapshots,
                        events, null));
        return (read.snapshot() == null ? 0 : 1) + read.events().size();
    }

    private List<Notification> after(long position, int limit) {
        return events.selectNotifications(NotificationSelection.after(position, limit));
    }

    @Override
    public long readLog(int pageSize, long count, long deadline) {
        return Pages.read(this::after, pageSize, count, deadline);
    }

    @Override
    public long catchUp(long position, int pageSize, long count, long deadline) {
        return Pages.process(this::after, page -> {
            List<StoredEvent> written = new ArrayList<>(page.size());
            for (Notification n : page) {
                written.add(Pages.processed(n));
            }
            downstream.insertEvents(written, new Tracking("Accounts", page.get(page.size() - 1).id()));
        }, position, pageSize, count, deadline);
    }

    @Override
    public AutoCloseable follow(long position, ObjLongConsumer<UUID> onNotification) {
        Subscription subscription = events.subscribe(position);
        Thread thread = new Thread(() -> {
            while (subscription.hasNext()) {
                Notification n = subscription.next();
                onNotification.accept(n.originatorId(), n.originatorVersion());
            }
        }, "subscriber");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            subscription.stop();
            thread.join(5_000);
        };
    }

    @Override
    public long maxNotificationId() {
        return events.maxNotificationId();
    }

    @Override
    public void fillTo(long total) {
        filler.fillTo(total);
    }

    private void fillThroughRecorder(long total) {
        for (long missing = total - maxNotificationId(); missing > 0; missing -= 1000) {
            List<StoredEvent> batch = new ArrayList<>(1000);
            for (int i = 0; i < Math.min(1000, missing); i++) {
                batch.add(Events.event(UUID.randomUUID(), 1));
            }
            events.insertEvents(batch);
        }
    }

    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing " + name + " on " + backend.label() + ": " + e.getMessage(), e);
            }
        }
    }
}
