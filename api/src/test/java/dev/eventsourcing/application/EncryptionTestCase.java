package dev.eventsourcing.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.application.bank.BankAccounts;
import dev.eventsourcing.application.clinic.Patient;
import dev.eventsourcing.persistence.AesGcmCipher;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.DecryptionException;
import dev.eventsourcing.persistence.EventKey;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.ShreddedException;
import dev.eventsourcing.persistence.LegacyStates;
import dev.eventsourcing.persistence.StoredEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encrypted state is bound to its event: a stored state moved to another topic, originator or
 * version, as someone with write access to the database could do, fails to decrypt instead of
 * reading as another event. Every backend runs it; subclasses say only which backend to use.
 */
public abstract class EncryptionTestCase {

    private final List<Application> opened = new ArrayList<>();
    private final String key = AesGcmCipher.generateKey();
    private final String k1 = AesGcmCipher.generateKey();
    private final String k2 = AesGcmCipher.generateKey();
    private Settings store;

    /** Settings that select the backend under test, for a fresh, empty store on every call. */
    protected abstract Settings backendSettings();

    /** A bank accounts application on a fresh store of the backend under test, with extra settings. */
    protected BankAccounts application(Map<String, String> extra) {
        BankAccounts app = new BankAccounts(Settings.of(extra).orElse(backendSettings()));
        opened.add(app);
        return app;
    }

    /**
     * A bank accounts application on the one store of this test (made on first use), with
     * extra settings: applications made so share their events as nodes share a database.
     */
    protected BankAccounts onTheStore(Map<String, String> extra) {
        BankAccounts app = new BankAccounts(storeSettings(extra));
        opened.add(app);
        return app;
    }

    private Settings storeSettings(Map<String, String> extra) {
        if (store == null) {
            store = backendSettings();
        }
        return Environment.of(Settings.of(extra).orElse(store), Environment.infrastructureOf(store));
    }

    private Application clinicOnTheStore(Map<String, String> extra) {
        Application clinic = new Application("Clinic", storeSettings(extra));
        opened.add(clinic);
        return clinic;
    }

    /** An application encrypting with this test's key on a fresh store. */
    protected BankAccounts encryptingApplication() {
        Map<String, String> settings = new HashMap<>();
        settings.put(Settings.CIPHER_KEY, key);
        return application(settings);
    }

    @AfterEach
    void closeApplications() {
        opened.forEach(Application::close);
    }

    /** An account with Opened (v1), Deposited 10 (v2), Withdrawn 3 (v3) and Deposited 5 (v4). */
    private static UUID accountWithHistory(BankAccounts app) {
        UUID id = app.openAccount("Alice", "alice@example.com");
        app.deposit(id, new BigDecimal("10.00"));
        app.withdraw(id, new BigDecimal("3.00"));
        app.deposit(id, new BigDecimal("5.00"));
        return id;
    }

    private static StoredEvent copy(StoredEvent event, UUID originatorId, long version, String topic) {
        return new StoredEvent(originatorId, version, topic, event.state());
    }

    private void assertRefusedNamingTheEvent(DecryptionException e, UUID id, long version) {
        String message = e.getMessage();
        assertTrue(message.contains("BankAccounts"), message);
        assertTrue(message.contains(id.toString()), message);
        assertTrue(message.contains("version " + version), message);
        assertFalse(message.contains(key), "no key in the message: " + message);
    }

    private static void assertNoStateIn(DecryptionException e, StoredEvent event) {
        assertFalse(e.getMessage().contains(Base64.getEncoder().encodeToString(event.state())), e.getMessage());
    }

    private static Map<String, String> keys(String keys) {
        return Map.of("cipher.keys", keys);
    }

    private static String keyIdOf(StoredEvent event) {
        return AesGcmCipher.keyIdOf(event.state()).orElse("legacy");
    }

    private static List<String> keyIds(Application app, UUID id) {
        return app.recorder().selectEvents(id).stream().map(EncryptionTestCase::keyIdOf).toList();
    }

    @Test
    void afterAKeyRotationOldEventsReadAndNewOnesAreWrittenWithTheNewKey() {
        BankAccounts before = onTheStore(keys("k1:" + k1));
        UUID id = accountWithHistory(before);
        assertEquals(List.of("k1", "k1", "k1", "k1"), keyIds(before, id));

        BankAccounts rotated = onTheStore(keys("k2:" + k2 + ", k1:" + k1));
        assertEquals(new BigDecimal("12.00"), rotated.balance(id));
        rotated.deposit(id, new BigDecimal("1.00"));

        assertEquals(List.of("k1", "k1", "k1", "k1", "k2"), keyIds(rotated, id));
        assertEquals(new BigDecimal("13.00"), rotated.balance(id));
    }

    @Test
    void aReaderWithoutTheNewKeyFailsClearlyOnEventsWrittenWithIt() {
        BankAccounts rotated = onTheStore(keys("k2:" + k2 + ",k1:" + k1));
        UUID id = accountWithHistory(rotated);
        BankAccounts stale = onTheStore(keys("k1:" + k1));

        DecryptionException e = assertThrows(DecryptionException.class, () -> stale.accounts().get(id));
        assertRefusedNamingTheEvent(e, id, 1);
        assertTrue(e.getMessage().contains("encrypted with key 'k2', which this cipher does not hold (it holds k1)"),
                e.getMessage());
        assertFalse(e.getMessage().contains(k1) || e.getMessage().contains(k2), e.getMessage());
    }

    @Test
    void statesWrittenBeforeKeyIdsReadUnlessLegacyStatesAreRefused() {
        BankAccounts plain = application(Map.of());
        UUID id = accountWithHistory(plain);
        List<StoredEvent> legacy = plain.recorder().selectEvents(id).stream()
                .map(event -> LegacyStates.encrypt(k1, event)).toList();
        onTheStore(Map.of()).recorder().insertEvents(legacy);

        assertEquals(new BigDecimal("12.00"), onTheStore(Map.of(Settings.CIPHER_KEY, k1)).balance(id));
        assertEquals(new BigDecimal("12.00"), onTheStore(keys("k2:" + k2 + ",k1:" + k1)).balance(id));
        BankAccounts refusing = onTheStore(Map.of("cipher.keys", "k2:" + k2 + ",k1:" + k1, "cipher.accept-legacy", "false"));
        DecryptionException e = assertThrows(DecryptionException.class, () -> refusing.accounts().get(id));
        assertRefusedNamingTheEvent(e, id, 1);
        assertTrue(e.getMessage().contains("legacy state"), e.getMessage());
    }

    private static Map<String, String> withSnapshots(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(Settings.SNAPSHOTTING_ENABLED, "true");
        return all;
    }

    private static List<String> snapshotKeyIds(Application app, UUID id) {
        return app.snapshots().recorder().selectEvents(id).stream().map(EncryptionTestCase::keyIdOf).toList();
    }

    /** Accounts whose events and snapshots are of key k1, of the legacy format, and of key k2. */
    private List<UUID> accountsUnderEveryKind(BankAccounts old, BankAccounts rotated) {
        UUID a = accountWithHistory(old);
        old.takeSnapshot(a, 2L);
        BankAccounts plain = application(Map.of());
        UUID legacy = accountWithHistory(plain);
        old.recorder().insertEvents(plain.recorder().selectEvents(legacy).stream()
                .map(event -> LegacyStates.encrypt(k1, event)).toList());
        UUID b = accountWithHistory(rotated);
        rotated.takeSnapshot(b, 3L);
        rotated.deposit(a, new BigDecimal("1.00"));
        rotated.takeSnapshot(a, 5L);
        return List.of(a, legacy, b);
    }

    @Test
    void afterReencryptionEveryEventAndSnapshotReadsWithTheNewKeyAlone() {
        BankAccounts old = onTheStore(withSnapshots(keys("k1:" + k1)));
        BankAccounts rotated = onTheStore(withSnapshots(keys("k2:" + k2 + ",k1:" + k1)));
        List<UUID> ids = accountsUnderEveryKind(old, rotated);
        UUID a = ids.get(0);
        assertEquals(List.of("k1", "k1", "k1", "k1", "k2"), keyIds(rotated, a));
        assertEquals(List.of("k1", "k2"), snapshotKeyIds(rotated, a));
        assertEquals(List.of("legacy", "legacy", "legacy", "legacy"), keyIds(rotated, ids.get(1)));

        Reencryption.Report report = Reencryption.of(rotated, 3).run();

        assertEquals(new Reencryption.Report(16, 9, 0, List.of()), report, "13 events and 3 snapshots, 9 not of k2");
        assertTrue(report.complete());
        BankAccounts renewed = onTheStore(withSnapshots(Map.of("cipher.keys", "k2:" + k2, "cipher.accept-legacy", "false")));
        for (UUID id : ids) {
            assertTrue(keyIds(renewed, id).stream().allMatch("k2"::equals), id::toString);
            assertTrue(snapshotKeyIds(renewed, id).stream().allMatch("k2"::equals), id::toString);
        }
        assertEquals(new BigDecimal("13.00"), renewed.balance(a));
        assertEquals(new BigDecimal("7.00"), renewed.accounts().get(a, 3L).balance(), "from the snapshot at 2");
        assertEquals(new BigDecimal("12.00"), renewed.balance(ids.get(1)));
        assertEquals(new BigDecimal("12.00"), renewed.balance(ids.get(2)));
        assertEquals(new Reencryption.Report(16, 0, 0, List.of()), Reencryption.of(renewed).run(), "nothing left to do");
    }

    @Test
    void reencryptionStoppedMidwayIsRunAgainAndCarriesOn() {
        BankAccounts old = onTheStore(withSnapshots(keys("k1:" + k1)));
        BankAccounts rotated = onTheStore(withSnapshots(keys("k2:" + k2 + ",k1:" + k1)));
        List<UUID> ids = accountsUnderEveryKind(old, rotated);
        FailingReplacements failing = new FailingReplacements(rotated.recorder(), 2);

        assertThrows(OperationalException.class,
                () -> new Reencryption(rotated.mapper(), List.of(failing), 2).run());
        // Of the 13 events, b's 4 and a's fifth were written with k2; the first batch that had
        // others re-encrypted them (1 or 2, as the originators fall in key order), then it failed.
        long done = rotated.recorder().selectAllEvents(null, 100).stream().filter(e -> keyIdOf(e).equals("k2")).count() - 5;
        assertTrue(done == 1 || done == 2, done + " re-encrypted before the failure");

        Reencryption.Report again = Reencryption.of(rotated, 2).run();
        assertEquals(16, again.examined());
        assertEquals(9 - done, again.reencrypted());
        assertTrue(again.complete());
        BankAccounts renewed = onTheStore(withSnapshots(Map.of("cipher.keys", "k2:" + k2, "cipher.accept-legacy", "false")));
        for (UUID id : ids) {
            renewed.accounts().get(id);
        }
    }

    @Test
    void aStateThatCannotBeDecryptedIsLeftAsItIsAndReportedWhileTheOthersAreReencrypted() {
        BankAccounts old = onTheStore(keys("k1:" + k1));
        UUID id = accountWithHistory(old);
        StoredEvent withdrawn = old.recorder().selectEvents(id).get(2);
        StoredEvent moved = copy(withdrawn, id, 5, BankAccount.Deposited.class.getName());
        old.recorder().insertEvents(List.of(moved));
        BankAccounts rotated = onTheStore(keys("k2:" + k2 + ",k1:" + k1));

        Reencryption.Report report = Reencryption.of(rotated).run();

        assertEquals(5, report.examined());
        assertEquals(4, report.reencrypted());
        assertEquals(1, report.failed());
        assertFalse(report.complete());
        String failure = report.firstFailures().get(0);
        assertTrue(failure.startsWith("Cannot decrypt stored event (application 'BankAccounts', originator " + id
                + ", version 5"), failure);
        assertFalse(failure.contains(k1) || failure.contains(k2), failure);
        assertEquals(moved, rotated.recorder().selectEvents(id).get(4), "left as it was");
        assertEquals(List.of("k2", "k2", "k2", "k2", "k1"), keyIds(rotated, id));
    }

    @Test
    void reencryptionRewrapsTheSubjectKeysSoThatPersonalDataReadsWithTheNewKeyAlone() {
        Application old = clinicOnTheStore(keys("k1:" + k1));
        Patient alice = Patient.register("Alice", "alice@example.com");
        Patient bob = Patient.register("Bob", "bob@example.com");
        old.save(alice, bob);
        old.shred(bob.id());
        Application rotated = clinicOnTheStore(keys("k2:" + k2 + ",k1:" + k1));
        Patient carol = Patient.register("Carol", "carol@example.com");
        rotated.save(carol);

        Reencryption.Report report = Reencryption.of(rotated).run();

        assertTrue(report.complete(), report::toString);
        assertEquals(3 + 1 + 3, report.examined(), "3 events, the shredding, and 3 subject keys (one a tombstone)");
        assertEquals(1 + 1, report.reencrypted(), "the shredding's event and Alice's key; Carol's is under k2");
        Application renewed = clinicOnTheStore(Map.of("cipher.keys", "k2:" + k2, "cipher.accept-legacy", "false"));
        assertEquals("Alice", renewed.repository(Patient.class).get(alice.id()).name());
        assertEquals("Carol", renewed.repository(Patient.class).get(carol.id()).name());
        assertThrows(ShreddedException.class, () -> renewed.repository(Patient.class).get(bob.id()));
        assertEquals(new Reencryption.Report(7, 0, 0, List.of()), Reencryption.of(renewed).run());
    }

    @Test
    void anApplicationWithoutACipherHasNothingToReencryptWith() {
        dev.eventsourcing.ConfigurationException e = assertThrows(dev.eventsourcing.ConfigurationException.class,
                () -> Reencryption.of(onTheStore(Map.of())));
        assertTrue(e.getMessage().contains("'BankAccounts' has no cipher"), e.getMessage());
    }

    /** A recorder whose replaceStates fails from its n-th call on, as when the database goes away midway. */
    private static final class FailingReplacements implements AggregateRecorder {
        private final AggregateRecorder recorder;
        private int callsLeft;

        FailingReplacements(AggregateRecorder recorder, int failingCall) {
            this.recorder = recorder;
            this.callsLeft = failingCall - 1;
        }

        @Override
        public List<Long> insertEvents(List<StoredEvent> events) {
            return recorder.insertEvents(events);
        }

        @Override
        public List<StoredEvent> selectEvents(UUID originatorId, EventSelection selection) {
            return recorder.selectEvents(originatorId, selection);
        }

        @Override
        public List<StoredEvent> selectAllEvents(EventKey after, int limit) {
            return recorder.selectAllEvents(after, limit);
        }

        @Override
        public int replaceStates(List<StoredEvent> events) {
            if (callsLeft-- <= 0) {
                throw new OperationalException("the database went away", null);
            }
            return recorder.replaceStates(events);
        }
    }

    @Test
    void aWithdrawalStoredAsADepositFailsToDecryptAndTheAccountIsNotLoaded() {
        BankAccounts original = encryptingApplication();
        UUID id = accountWithHistory(original);
        List<StoredEvent> events = original.recorder().selectEvents(id);
        String deposited = BankAccount.Deposited.class.getName();
        assertEquals(BankAccount.Withdrawn.class.getName(), events.get(2).topic());

        BankAccounts tampered = encryptingApplication();
        List<StoredEvent> swapped = new ArrayList<>(events);
        swapped.set(2, copy(events.get(2), id, 3, deposited));
        tampered.recorder().insertEvents(swapped);

        DecryptionException e = assertThrows(DecryptionException.class, () -> tampered.accounts().get(id));
        assertRefusedNamingTheEvent(e, id, 3);
        assertNoStateIn(e, events.get(2));
        assertEquals(swapped, tampered.recorder().selectEvents(id), "nothing stored is changed");
    }

    @Test
    void eventsMovedToAnotherOriginatorFailToDecrypt() {
        BankAccounts app = encryptingApplication();
        UUID id = accountWithHistory(app);
        UUID other = UUID.randomUUID();
        app.recorder().insertEvents(app.recorder().selectEvents(id).stream()
                .map(event -> copy(event, other, event.originatorVersion(), event.topic())).toList());

        DecryptionException e = assertThrows(DecryptionException.class, () -> app.accounts().get(other));
        assertRefusedNamingTheEvent(e, other, 1);
        assertEquals(new BigDecimal("12.00"), app.balance(id), "the original still reads");
    }

    @Test
    void eventsOfOneTopicSwappedBetweenVersionsFailToDecrypt() {
        BankAccounts original = encryptingApplication();
        UUID id = accountWithHistory(original);
        List<StoredEvent> events = original.recorder().selectEvents(id);

        BankAccounts tampered = encryptingApplication();
        List<StoredEvent> swapped = new ArrayList<>(events);
        swapped.set(1, copy(events.get(3), id, 2, events.get(3).topic()));
        swapped.set(3, copy(events.get(1), id, 4, events.get(1).topic()));
        tampered.recorder().insertEvents(swapped);

        DecryptionException e = assertThrows(DecryptionException.class, () -> tampered.accounts().get(id));
        assertRefusedNamingTheEvent(e, id, 2);
    }

    @Test
    void eventsCopiedIntoAnotherApplicationFailToDecrypt() {
        BankAccounts original = encryptingApplication();
        UUID id = accountWithHistory(original);
        Map<String, String> settings = new HashMap<>();
        settings.put(Settings.CIPHER_KEY, key);
        Application other = new Application("Ledger", Settings.of(settings).orElse(backendSettings()));
        opened.add(other);
        other.recorder().insertEvents(original.recorder().selectEvents(id));

        DecryptionException e = assertThrows(DecryptionException.class,
                () -> other.repository(BankAccount.class).get(id));
        assertTrue(e.getMessage().contains("Ledger"), e.getMessage());
        assertTrue(e.getMessage().contains(id.toString()), e.getMessage());
    }

    @Test
    void aSnapshotMovedToAnotherVersionFailsToDecrypt() {
        Map<String, String> settings = new HashMap<>();
        settings.put(Settings.CIPHER_KEY, key);
        settings.put(Settings.SNAPSHOTTING_ENABLED, "true");
        BankAccounts app = application(settings);
        UUID id = accountWithHistory(app);
        app.takeSnapshot(id, 2L);
        StoredEvent snapshot = app.snapshots().recorder().selectEvents(id).get(0);
        app.snapshots().recorder().insertEvents(List.of(copy(snapshot, id, 4, snapshot.topic())));

        DecryptionException e = assertThrows(DecryptionException.class, () -> app.accounts().get(id));
        assertRefusedNamingTheEvent(e, id, 4);
        assertEquals(new BigDecimal("7.00"), app.accounts().get(id, 3L).balance(), "the snapshot at version 2 still reads");
    }
}
