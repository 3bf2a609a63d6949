package dev.eventsourcing.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.bank.AccountClosedException;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.application.bank.BankAccounts;
import dev.eventsourcing.application.bank.InsufficientFundsException;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.Gadgets;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.Recording;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.UnknownTopicException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application contract, as a bank accounts scenario that every backend runs: subclasses say
 * only which backend to use. Each test makes its applications with {@link #application(Map)}.
 */
public abstract class ApplicationTestCase {

    private final List<Application> opened = new ArrayList<>();

    /**
     * Settings that select the backend under test, for a fresh, empty store on every call.
     * The in-memory backend needs none.
     */
    protected abstract Settings backendSettings();

    /** A bank accounts application on the backend under test, with extra settings on top. */
    protected BankAccounts application(Map<String, String> extra) {
        BankAccounts app = new BankAccounts(Settings.of(extra).orElse(backendSettings()));
        opened.add(app);
        return app;
    }

    @AfterEach
    void closeApplications() {
        opened.forEach(Application::close);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void openedAccountsKeepDepositsAndWithdrawals() {
        BankAccounts app = application(Map.of());
        UUID id = app.openAccount("Alice", "alice@example.com");
        assertEquals(money("0.00"), app.balance(id));
        app.deposit(id, money("10.00"));
        app.deposit(id, money("25.00"));
        app.deposit(id, money("30.00"));
        app.withdraw(id, money("5.50"));
        BankAccount account = app.accounts().get(id);
        assertEquals(money("59.50"), account.balance());
        assertEquals("Alice", account.fullName());
        assertEquals("alice@example.com", account.emailAddress());
        assertEquals(5, account.version());
        assertTrue(!account.modifiedOn().isBefore(account.createdOn()));
        assertEquals(5, app.accounts().find(id).orElseThrow().version());
    }

    @Test
    void unknownIdIsNotFound() {
        BankAccounts app = application(Map.of());
        UUID unknown = UUID.randomUUID();
        AggregateNotFoundException error = assertThrows(AggregateNotFoundException.class, () -> app.accounts().get(unknown));
        assertEquals(unknown, error.id());
        assertFalse(app.accounts().contains(unknown));
        assertTrue(app.accounts().find(unknown).isEmpty());
    }

    @Test
    void withdrawingBeyondTheOverdraftLimitFailsAndStoresNothing() {
        BankAccounts app = application(Map.of());
        UUID id = app.openAccount("Bob", "bob@example.com");
        app.deposit(id, money("10.00"));
        assertThrows(InsufficientFundsException.class, () -> app.withdraw(id, money("10.01")));
        app.setOverdraftLimit(id, money("50.00"));
        app.withdraw(id, money("60.00"));
        assertEquals(money("-50.00"), app.balance(id));
        assertThrows(InsufficientFundsException.class, () -> app.withdraw(id, money("0.01")));
        assertEquals(4, app.accounts().get(id).version());
    }

    @Test
    void closedAccountsRefuseCommands() {
        BankAccounts app = application(Map.of());
        UUID id = app.openAccount("Carol", "carol@example.com");
        app.close(id);
        assertTrue(app.accounts().get(id).isClosed());
        assertThrows(AccountClosedException.class, () -> app.deposit(id, money("1.00")));
        assertThrows(AccountClosedException.class, () -> app.close(id));
    }

    @Test
    void anAggregateCanBeGotAtAnEarlierVersion() {
        BankAccounts app = application(Map.of());
        UUID id = app.openAccount("Dan", "dan@example.com");
        app.deposit(id, money("10.00"));
        app.deposit(id, money("25.00"));
        assertEquals(money("10.00"), app.accounts().get(id, 2).balance());
        assertEquals(2, app.accounts().get(id, 2).version());
        assertEquals(money("0.00"), app.accounts().get(id, 1).balance());
        assertThrows(AggregateNotFoundException.class, () -> app.accounts().get(id, 4));
    }

    @Test
    void saveReturnsARecordingPerEventWithAscendingNotificationIds() {
        BankAccounts app = application(Map.of());
        assertEquals(List.of(), app.save());
        assertEquals(List.of(), app.save((Aggregate) null));
        List<Recording> first = app.save(BankAccount.open("A", "a@example.com"));
        assertEquals(1, first.size());
        assertEquals(1, first.get(0).notificationId());
        assertEquals(2, app.save(BankAccount.open("B", "b@example.com")).get(0).notificationId());
        List<Recording> both = app.save(BankAccount.open("C", "c@example.com"), BankAccount.open("D", "d@example.com"));
        assertEquals(List.of(3L, 4L), both.stream().map(Recording::notificationId).toList());
        assertEquals(4, app.recorder().maxNotificationId());
    }

    @Test
    void savingSeveralAggregatesIsAtomic() {
        BankAccounts app = application(Map.of());
        UUID id = app.openAccount("Erin", "erin@example.com");
        BankAccount stale = app.accounts().get(id);
        app.deposit(id, money("1.00"));
        stale.deposit(money("2.00"));
        BankAccount fresh = BankAccount.open("Frank", "frank@example.com");
        assertThrows(IntegrityException.class, () -> app.save(fresh, stale));
        assertFalse(app.accounts().contains(fresh.id()));
        assertEquals(money("1.00"), app.balance(id));
        assertEquals(2, app.recorder().maxNotificationId());
    }

    @Test
    void twoWritersOfOneVersionConflict() {
        BankAccounts app = application(Map.of());
        UUID id = app.openAccount("Gina", "gina@example.com");
        BankAccount first = app.accounts().get(id);
        BankAccount second = app.accounts().get(id);
        first.deposit(money("1.00"));
        second.deposit(money("2.00"));
        app.save(first);
        assertThrows(IntegrityException.class, () -> app.save(second));
        assertEquals(money("1.00"), app.balance(id));
    }

    @Test
    void snapshotsGiveTheSameStateAsReplay() {
        BankAccounts app = application(Map.of(Settings.SNAPSHOTTING_ENABLED, "true"));
        UUID id = app.openAccount("Hal", "hal@example.com");
        app.deposit(id, money("10.00"));
        app.deposit(id, money("25.00"));
        app.deposit(id, money("30.00"));
        assertEquals(4, app.notificationLog().select(1, 10).items().size());
        app.takeSnapshot(id, 2L);
        assertEquals(List.of(2L), snapshotVersions(app, id));
        BankAccount atThree = app.accounts().get(id, 3);
        assertEquals(3, atThree.version());
        assertEquals(money("35.00"), atThree.balance());
        app.takeSnapshot(id);
        assertEquals(List.of(2L, 4L), snapshotVersions(app, id));
        BankAccount latest = app.accounts().get(id);
        assertEquals(4, latest.version());
        assertEquals(money("65.00"), latest.balance());
        assertEquals("Hal", latest.fullName());
        app.deposit(id, money("1.00"));
        assertEquals(money("66.00"), app.balance(id));
    }

    @Test
    void anAggregateWhoseLatestVersionIsItsSnapshotLoadsFromTheSnapshotAlone() {
        BankAccounts app = application(Map.of(Settings.SNAPSHOTTING_ENABLED, "true"));
        UUID id = app.openAccount("Lou", "lou@example.com");
        app.deposit(id, money("12.50"));
        app.takeSnapshot(id);

        BankAccount loaded = app.accounts().get(id);
        assertEquals(2, loaded.version());
        assertEquals(money("12.50"), loaded.balance());
        assertEquals("Lou", loaded.fullName());
        assertEquals(1, app.accounts().get(id, 1).version());
    }

    @Test
    void anAggregateWithoutASnapshotLoadsFromItsEventsWhenSnapshotsAreKept() {
        BankAccounts app = application(Map.of(Settings.SNAPSHOTTING_ENABLED, "true"));
        UUID id = app.openAccount("Max", "max@example.com");
        app.deposit(id, money("3.00"));

        assertEquals(List.of(), snapshotVersions(app, id));
        BankAccount loaded = app.accounts().get(id);
        assertEquals(2, loaded.version());
        assertEquals(money("3.00"), loaded.balance());
        UUID unknown = UUID.randomUUID();
        assertThrows(AggregateNotFoundException.class, () -> app.accounts().get(unknown));
    }

    @Test
    void aSnapshotOfAnotherAggregateTypeIsNotFoundAsThisOne() {
        BankAccounts app = application(Map.of(Settings.SNAPSHOTTING_ENABLED, "true"));
        UUID id = app.openAccount("Ned", "ned@example.com");
        app.takeSnapshot(id);
        app.deposit(id, money("1.00"));

        AggregateNotFoundException error = assertThrows(AggregateNotFoundException.class,
                () -> app.repository(Other.class).get(id));
        assertTrue(error.getMessage().contains("BankAccount"), error.getMessage());
    }

    @Test
    void snapshotsAreTakenAtTheConfiguredInterval() {
        BankAccounts app = application(Map.of(Settings.SNAPSHOTTING_INTERVAL, "3"));
        UUID id = app.openAccount("Ida", "ida@example.com");
        for (int i = 0; i < 7; i++) {
            app.deposit(id, money("1.00"));
        }
        assertEquals(List.of(3L, 6L), snapshotVersions(app, id));
        assertEquals(money("7.00"), app.balance(id));
        assertEquals(8, app.accounts().get(id).version());
    }

    @Test
    void takingASnapshotWithoutASnapshotStoreIsRefused() {
        BankAccounts app = application(Map.of());
        UUID id = app.openAccount("Jo", "jo@example.com");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> app.takeSnapshot(id));
        assertTrue(error.getMessage().contains(Settings.SNAPSHOTTING_ENABLED), error.getMessage());
    }

    @Test
    void theNotificationLogIsReadInSections() {
        BankAccounts app = application(Map.of(Settings.SECTION_SIZE, "5"));
        Section empty = app.notificationLog().select(1, 5);
        assertEquals(List.of(), empty.items());
        assertNull(empty.next());
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(app.openAccount("N" + i, "n" + i + "@example.com"));
        }
        Section first = app.notificationLog().select(1, 5);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), first.items().stream().map(Notification::id).toList());
        assertEquals(ids.get(0), first.items().get(0).originatorId());
        assertEquals(6L, first.next());
        Section second = app.notificationLog().select(first.next(), 5);
        assertEquals(List.of(6L, 7L), second.items().stream().map(Notification::id).toList());
        assertNull(second.next());
        assertThrows(IllegalArgumentException.class, () -> app.notificationLog().select(1, 6));
        assertThrows(IllegalArgumentException.class, () -> app.notificationLog().select(0, 5));
        List<Long> all = new ArrayList<>();
        app.notificationLog().read(2).forEach(n -> all.add(n.id()));
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), all);
    }

    @Test
    void aCachedAggregateIsFastForwardedToEventsSavedElsewhere() {
        Map<String, String> cached = Map.of(Settings.CACHE_MAXSIZE, "10");
        BankAccounts app = application(cached);
        UUID id = app.openAccount("Kim", "kim@example.com");
        BankAccount first = app.accounts().get(id);
        first.deposit(money("5.00"));
        app.save(first);
        // The cache holds version 1; getting it again brings it up to the stored version 2.
        BankAccount again = app.accounts().get(id);
        assertEquals(2, again.version());
        assertEquals(money("5.00"), again.balance());
        assertNotEquals(System.identityHashCode(first), System.identityHashCode(again));
        again.deposit(money("1.00"));
        app.save(again);
        assertEquals(money("6.00"), app.balance(id));
    }

    @Test
    void withoutFastForwardTheCacheFollowsSavesAndAStaleCopyConflicts() {
        BankAccounts app = application(Map.of(Settings.CACHE_MAXSIZE, "10", Settings.CACHE_FASTFORWARD, "false"));
        UUID id = app.openAccount("Lee", "lee@example.com");
        app.deposit(id, money("5.00"));
        assertEquals(money("5.00"), app.balance(id));
        // Another writer of the same store, which this application's cache cannot see.
        BankAccount elsewhere = app.repository(BankAccount.class).get(id);
        elsewhere.deposit(money("1.00"));
        app.events().put(elsewhere.collectEvents());
        BankAccount stale = app.accounts().get(id);
        assertEquals(2, stale.version());
        stale.deposit(money("2.00"));
        assertThrows(IntegrityException.class, () -> app.save(stale));
    }

    @Test
    void aClearedCacheGivesTheStoredVersionEvenWithoutFastForward() {
        BankAccounts app = application(Map.of(Settings.CACHE_MAXSIZE, "10", Settings.CACHE_FASTFORWARD, "false"));
        UUID id = app.openAccount("Noa", "noa@example.com");
        app.deposit(id, money("5.00"));
        BankAccount elsewhere = app.repository(BankAccount.class).get(id);
        elsewhere.deposit(money("1.00"));
        app.events().put(elsewhere.collectEvents());

        app.clearCache();

        assertEquals(3, app.accounts().get(id).version());
        assertEquals(money("6.00"), app.balance(id));
    }

    @Test
    void eventsOfOneAggregateTypeAreNotFoundAsAnother() {
        BankAccounts app = application(Map.of());
        UUID id = app.openAccount("Mo", "mo@example.com");
        assertEquals(BankAccount.class, app.repository(Aggregate.class).get(id).getClass());
        AggregateNotFoundException error = assertThrows(AggregateNotFoundException.class,
                () -> app.repository(Other.class).get(id));
        assertTrue(error.getMessage().contains("BankAccount"), error.getMessage());
        assertFalse(app.repository(Other.class).contains(id));
    }

    @Test
    void compressedAndEncryptedStateReadsBackAndIsUnreadableWithoutTheKey() {
        String key = dev.eventsourcing.persistence.AesGcmCipher.generateKey();
        Map<String, String> secure = new HashMap<>();
        secure.put(Settings.CIPHER_KEY, key);
        secure.put(Settings.COMPRESSOR, "zlib");
        BankAccounts app = application(secure);
        UUID id = app.openAccount("Secret Agent", "agent@example.com");
        app.deposit(id, money("7.00"));
        assertEquals(money("7.00"), app.balance(id));
        byte[] state = app.recorder().selectEvents(id, EventSelection.all().limit(1)).get(0).state();
        assertFalse(new String(state, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Secret Agent"));
        List<DomainEvent<?>> events = app.events().get(id);
        assertEquals(2, events.size());
    }

    @Test
    void anAggregateClassBecomesKnownWithItsRepositoryAndItsStoredEventsReadFromThen() {
        BankAccounts app = application(Map.of());
        BankAccount account = BankAccount.open("Ada", "ada@example.com");
        Mapper elsewhere = Mapper.create();
        app.recorder().insertEvents(account.collectEvents().stream().map(elsewhere::toStoredEvent).toList());
        StoredEvent opened = app.recorder().selectEvents(account.id()).get(0);
        assertThrows(UnknownTopicException.class, () -> app.mapper().toDomainEvent(opened),
                "written by another mapper, and not declared by the application");

        assertEquals("Ada", app.accounts().get(account.id()).fullName());
        assertEquals(BankAccount.Opened.class, app.mapper().toDomainEvent(opened).payload().getClass());
    }

    @Test
    void aStoredEventNamingAJdkClassIsRefusedByTheRepositoryAndStartsNoThread() {
        BankAccounts app = application(Map.of());
        UUID id = UUID.randomUUID();
        app.recorder().insertEvents(List.of(Gadgets.forged(id, 1, Gadgets.TIMER)));
        long threads = Gadgets.timerThreads();

        UnknownTopicException error = assertThrows(UnknownTopicException.class, () -> app.accounts().get(id));

        assertEquals(Gadgets.TIMER, error.topic());
        assertEquals(threads, Gadgets.timerThreads(), "a Timer was made, and its thread started");
        assertEquals(1, app.recorder().selectEvents(id).size(), "the stored event is kept as it is");
    }

    @Test
    void decodingTheNotificationLogRefusesAClassTheApplicationNeverDeclared() {
        BankAccounts app = application(Map.of());
        UUID alice = app.openAccount("Alice", "alice@example.com");
        app.recorder().insertEvents(List.of(Gadgets.forged(UUID.randomUUID(), 1, Gadgets.DETONATOR),
                Gadgets.forged(UUID.randomUUID(), 1, Gadgets.TIMER)));
        int made = Gadgets.Detonator.made();
        long threads = Gadgets.timerThreads();

        List<Notification> log = app.notificationLog().select(1, 10).items();
        assertEquals(3, log.size());
        assertEquals(alice, app.mapper().toDomainEvent(log.get(0).storedEvent()).originatorId());
        for (Notification forged : log.subList(1, 3)) {
            UnknownTopicException error = assertThrows(UnknownTopicException.class,
                    () -> app.mapper().toDomainEvent(forged.storedEvent()));
            assertEquals(forged.topic(), error.topic());
            assertTrue(error.getMessage().contains("'" + forged.topic() + "'"), error.getMessage());
            assertThrows(UnknownTopicException.class, () -> app.mapper().eventType(forged.topic()));
        }
        assertEquals(made, Gadgets.Detonator.made(), "an undeclared class was instantiated");
        assertEquals(threads, Gadgets.timerThreads(), "a Timer was made, and its thread started");
    }

    private static List<Long> snapshotVersions(Application app, UUID id) {
        return app.snapshots().get(id).stream().map(DomainEvent::originatorVersion).toList();
    }

    /** An aggregate type nobody saves, to look bank account ids up under the wrong type. */
    static final class Other extends Aggregate {
    }
}
