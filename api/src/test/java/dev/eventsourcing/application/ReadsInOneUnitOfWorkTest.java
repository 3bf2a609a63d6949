package dev.eventsourcing.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.EventKey;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.SnapshotAndEvents;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;
import dev.eventsourcing.persistence.Transactions;
import dev.eventsourcing.persistence.inmemory.InMemoryApplicationRecorder;
import dev.eventsourcing.persistence.inmemory.InMemoryInfrastructureFactory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reads that take several recorder calls run them in one unit of work of the backend's
 * transactions, so that on a database they cost one transaction, not one each: the latest
 * snapshot and the events after it, and a section's highest id and its notifications. Each
 * recorder call here notes the unit of work it ran in (0 for none). A recorder that reads the
 * snapshot with the events in one call needs no unit of work for them.
 */
class ReadsInOneUnitOfWorkTest {

    private final Units units = new Units();
    private final Application bank = new Application("Bank", Environment.of(
            Settings.of(Map.of(Settings.SNAPSHOTTING_ENABLED, "true")),
            (name, settings) -> new Counted(new InMemoryInfrastructureFactory(name, settings), units)));

    @Test
    void theLatestSnapshotAndTheEventsAfterItAreReadInOneUnitOfWork() {
        BankAccount account = BankAccount.open("Alice", "alice@example.com");
        bank.save(account);
        bank.takeSnapshot(account.id());
        account.deposit(new BigDecimal("5.00"));
        bank.save(account);
        units.reset();

        BankAccount loaded = bank.repository(BankAccount.class).get(account.id());

        assertEquals(2, loaded.version());
        assertEquals(List.of("snapshots 1", "events 1"), units.calls);
    }

    @Test
    void insideTheCallersTransactionTheReadsJoinIt() {
        BankAccount account = BankAccount.open("Bob", "bob@example.com");
        bank.save(account);
        bank.takeSnapshot(account.id());
        units.reset();

        units.inNewTransaction(unit -> bank.repository(BankAccount.class).get(account.id()));

        assertEquals(List.of("snapshots 1", "events 1"), units.calls);
    }

    @Test
    void aRecorderThatJoinsTheSnapshotsReadsThemWithTheEventsInOneCallOutsideAUnitOfWork() {
        Application joined = new Application("Bank", Environment.of(
                Settings.of(Map.of(Settings.SNAPSHOTTING_ENABLED, "true")),
                (name, settings) -> new Joining(new InMemoryInfrastructureFactory(name, settings), units)));
        BankAccount account = BankAccount.open("Dave", "dave@example.com");
        joined.save(account);
        joined.takeSnapshot(account.id());
        account.deposit(new BigDecimal("5.00"));
        joined.save(account);
        units.reset();

        BankAccount latest = joined.repository(BankAccount.class).get(account.id());
        BankAccount first = joined.repository(BankAccount.class).get(account.id(), 1);

        assertEquals(2, latest.version());
        assertEquals(1, first.version());
        assertEquals(List.of("snapshot and events up to null 0", "snapshot and events up to 1 0"), units.calls);
    }

    @Test
    void aSectionsHighestIdAndItsNotificationsAreReadInOneUnitOfWork() {
        bank.save(BankAccount.open("Carol", "carol@example.com"));
        units.reset();

        Section section = bank.notificationLog().select(1, 10);

        assertEquals(1, section.items().size());
        assertEquals(List.of("max 1", "notifications 1"), units.calls);
    }

    @Test
    void aSectionInsideTheLogIsReadInOneStatementWithoutTheHighestId() {
        for (String name : List.of("Dan", "Eve", "Fay", "Gus", "Hal")) {
            bank.save(BankAccount.open(name, name.toLowerCase() + "@example.com"));
        }
        bank.notificationLog().select(1, 2);
        units.reset();

        Section inside = bank.notificationLog().select(3, 2);

        assertEquals(List.of(3L, 4L), inside.items().stream().map(Notification::id).toList());
        assertEquals(5L, inside.next());
        assertEquals(List.of("notifications 1"), units.calls);
    }

    @Test
    void aSectionInsideTheLogWithAnIdNotReturnedIsReadAgainAfterTheHighestId() {
        for (String name : List.of("Ida", "Jon", "Kim", "Lou", "Max")) {
            bank.save(BankAccount.open(name, name.toLowerCase() + "@example.com"));
        }
        bank.notificationLog().select(1, 2);
        units.unreturned.add(4L);
        units.reset();

        Section inside = bank.notificationLog().select(3, 2);

        assertEquals(List.of(3L), inside.items().stream().map(Notification::id).toList());
        assertEquals(List.of("notifications 1", "max 1", "notifications 1"), units.calls);
    }

    @Test
    void theSectionAtTheEndOfTheLogIsReadAfterTheHighestId() {
        for (String name : List.of("Ned", "Oda", "Pia")) {
            bank.save(BankAccount.open(name, name.toLowerCase() + "@example.com"));
        }
        bank.notificationLog().select(1, 2);
        units.reset();

        Section last = bank.notificationLog().select(3, 2);

        assertEquals(List.of(3L), last.items().stream().map(Notification::id).toList());
        assertEquals(null, last.next());
        assertEquals(List.of("max 1", "notifications 1"), units.calls);
    }

    /** Transactions that number their units of work and note each recorder call's unit. */
    private static final class Units implements Transactions {
        final List<String> calls = new ArrayList<>();
        // Ids the recorder leaves out of its selections, as one does an id not settled yet.
        final Set<Long> unreturned = new HashSet<>();
        private int begun;
        private int current;

        @Override
        public <T> T inNewTransaction(Function<Object, T> work) {
            int outer = current;
            current = ++begun;
            try {
                return work.apply(null);
            } finally {
                current = outer;
            }
        }

        @Override
        public boolean active() {
            return current != 0;
        }

        /** Forgets the calls so far and numbers the next unit of work 1. */
        void reset() {
            calls.clear();
            begun = 0;
        }

        void note(String call) {
            calls.add(call + " " + current);
        }
    }

    /** The in-memory store whose snapshot and application recorders note their reads. */
    private static final class Counted extends InTransactions {
        private final InfrastructureFactory store;
        private final Units units;

        Counted(InfrastructureFactory store, Units units) {
            super(store, units);
            this.store = store;
            this.units = units;
        }

        @Override
        public ApplicationRecorder applicationRecorder() {
            ApplicationRecorder recorder = store.applicationRecorder();
            return new ApplicationRecorder() {
                @Override
                public List<Notification> selectNotifications(NotificationSelection selection) {
                    units.note("notifications");
                    return recorder.selectNotifications(selection).stream()
                            .filter(n -> !units.unreturned.contains(n.id())).toList();
                }

                @Override
                public long maxNotificationId() {
                    units.note("max");
                    return recorder.maxNotificationId();
                }

                @Override
                public Subscription subscribe(long gt, Set<String> topics) {
                    return recorder.subscribe(gt, topics);
                }

                @Override
                public List<Long> insertEvents(List<StoredEvent> events) {
                    return recorder.insertEvents(events);
                }

                @Override
                public List<StoredEvent> selectEvents(UUID originatorId, EventSelection selection) {
                    units.note("events");
                    return recorder.selectEvents(originatorId, selection);
                }

                @Override
                public List<StoredEvent> selectAllEvents(EventKey after, int limit) {
                    return recorder.selectAllEvents(after, limit);
                }

                @Override
                public int replaceStates(List<StoredEvent> events) {
                    return recorder.replaceStates(events);
                }
            };
        }

        @Override
        public AggregateRecorder snapshotRecorder() {
            AggregateRecorder recorder = store.snapshotRecorder();
            return new AggregateRecorder() {
                @Override
                public List<Long> insertEvents(List<StoredEvent> events) {
                    return recorder.insertEvents(events);
                }

                @Override
                public List<StoredEvent> selectEvents(UUID originatorId, EventSelection selection) {
                    units.note("snapshots");
                    return recorder.selectEvents(originatorId, selection);
                }

                @Override
                public List<StoredEvent> selectAllEvents(EventKey after, int limit) {
                    return recorder.selectAllEvents(after, limit);
                }

                @Override
                public int replaceStates(List<StoredEvent> events) {
                    return recorder.replaceStates(events);
                }
            };
        }
    }

    /** The in-memory store whose application recorder notes its reads of a snapshot with the events. */
    private static final class Joining extends InTransactions {
        private final Units units;

        Joining(InfrastructureFactory store, Units units) {
            super(store, units);
            this.units = units;
        }

        @Override
        public ApplicationRecorder applicationRecorder() {
            return new InMemoryApplicationRecorder() {
                @Override
                public SnapshotAndEvents selectFromSnapshot(UUID originatorId, AggregateRecorder snapshots, Long upTo) {
                    units.note("snapshot and events up to " + upTo);
                    return super.selectFromSnapshot(originatorId, snapshots, upTo);
                }
            };
        }
    }
}
