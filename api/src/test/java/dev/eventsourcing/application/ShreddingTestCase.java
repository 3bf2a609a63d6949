package dev.eventsourcing.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.clinic.Appointment;
import dev.eventsourcing.application.clinic.Patient;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.AesGcmCipher;
import dev.eventsourcing.persistence.DecryptionException;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ShreddedException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.projection.Projection;
import dev.eventsourcing.projection.ShreddedEvent;
import dev.eventsourcing.system.MultiThreadedRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crypto-shredding: events of {@link dev.eventsourcing.domain.PersonalData} types are encrypted
 * with their subject's key; {@link Application#shred} deletes it, so that those events, and the
 * subject's aggregates, can never be read again, while every other event stays readable; the
 * log marks the shredded events and records the shredding, which projections erase in log order.
 * Every backend runs it; subclasses say only which backend to use.
 */
public abstract class ShreddingTestCase {

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Settings that select the backend under test, for a fresh, empty store on every call. */
    protected abstract Settings backendSettings();

    /** The rows of the patients view, as the backend keeps them (closed after the test when closeable); in memory by default. */
    protected PatientRows patientRows(Settings store) {
        return new InMemoryRows();
    }

    /** The rows of a view of patients, written in the projection's unit of work. */
    protected interface PatientRows {
        void insert(Object unitOfWork, UUID patient, String name);

        void deleteAll(Object unitOfWork, UUID patient);

        /** The names in the patient's rows, read outside any projection. */
        List<String> namesOf(UUID patient);
    }

    private static final class InMemoryRows implements PatientRows {
        private final Map<UUID, List<String>> rows = new ConcurrentHashMap<>();

        @Override
        public void insert(Object unitOfWork, UUID patient, String name) {
            rows.computeIfAbsent(patient, p -> new CopyOnWriteArrayList<>()).add(name);
        }

        @Override
        public void deleteAll(Object unitOfWork, UUID patient) {
            rows.remove(patient);
        }

        @Override
        public List<String> namesOf(UUID patient) {
            return List.copyOf(rows.getOrDefault(patient, List.of()));
        }
    }

    private Application clinic(Settings store, Map<String, String> extra) {
        Application clinic = new Application("Clinic", Settings.of(extra).orElse(store));
        opened.add(clinic);
        return clinic;
    }

    private Application clinic(Map<String, String> extra) {
        return clinic(backendSettings(), extra);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private static UUID registered(Application clinic, String name) {
        Patient patient = Patient.register(name, name.toLowerCase() + "@example.com");
        patient.visit();
        clinic.save(patient);
        return patient.id();
    }

    private static StoredEvent stored(Application clinic, UUID id, long version) {
        return clinic.recorder().selectEvents(id, EventSelection.all()).get((int) version - 1);
    }

    @Test
    void personalEventsAreEncryptedWithTheSubjectsKeyAndTheOthersAreNot() {
        Application clinic = clinic(Map.of());
        UUID alice = registered(clinic, "Alice");

        String registered = new String(stored(clinic, alice, 1).state(), StandardCharsets.ISO_8859_1);
        String visited = new String(stored(clinic, alice, 2).state(), StandardCharsets.UTF_8);

        assertFalse(registered.contains("Alice"), registered);
        assertTrue(registered.contains("subject:" + alice), "the state names its key: " + registered);
        assertTrue(visited.startsWith("{"), visited);
        assertEquals("Alice", clinic.repository(Patient.class).get(alice).name());
    }

    @Test
    void aShreddedAggregateCannotBeReadAndTheErrorSaysWhoseDataWasShredded() {
        Application clinic = clinic(Map.of());
        UUID alice = registered(clinic, "Alice");
        UUID bob = registered(clinic, "Bob");

        assertTrue(clinic.shred(alice));

        ShreddedException error = assertThrows(ShreddedException.class, () -> clinic.repository(Patient.class).get(alice));
        assertEquals(alice, error.subject());
        assertTrue(error.getMessage().startsWith("Patient " + alice + " cannot be read"), error.getMessage());
        assertTrue(clinic.repository(Patient.class).contains(alice), "the aggregate is still there");
        assertEquals("Bob", clinic.repository(Patient.class).get(bob).name());
    }

    @Test
    void theSubjectsOtherEventsStayReadable() {
        Application clinic = clinic(Map.of());
        UUID alice = registered(clinic, "Alice");

        clinic.shred(alice);

        Mapper mapper = clinic.mapper();
        assertEquals(new Patient.Visited(), mapper.toDomainEvent(stored(clinic, alice, 2)).payload());
        assertThrows(ShreddedException.class, () -> mapper.toDomainEvent(stored(clinic, alice, 1)));
        assertTrue(mapper.shredded(stored(clinic, alice, 1)));
        assertFalse(mapper.shredded(stored(clinic, alice, 2)));
    }

    @Test
    void eventsThatNameAnotherSubjectAreShreddedWithThatSubject() {
        Application clinic = clinic(Map.of());
        UUID alice = registered(clinic, "Alice");
        Appointment appointment = Appointment.book(alice, "a sore throat");
        appointment.attend();
        clinic.save(appointment);

        clinic.shred(alice);

        assertThrows(ShreddedException.class, () -> clinic.repository(Appointment.class).get(appointment.id()));
        assertEquals(new Appointment.Attended(),
                clinic.mapper().toDomainEvent(stored(clinic, appointment.id(), 2)).payload());
    }

    @Test
    void noPersonalDataOfAShreddedSubjectIsWrittenAgain() {
        Application clinic = clinic(Map.of());
        UUID alice = registered(clinic, "Alice");
        clinic.shred(alice);
        long before = clinic.recorder().maxNotificationId();

        ShreddedException refused = assertThrows(ShreddedException.class,
                () -> clinic.save(Appointment.book(alice, "a relapse")));

        assertEquals(alice, refused.subject());
        assertEquals(before, clinic.recorder().maxNotificationId(), "nothing was stored");
    }

    @Test
    void aSubjectIsShreddedOnceAndTheShreddingIsInTheLogAfterItsEvents() {
        Application clinic = clinic(Map.of());
        UUID alice = registered(clinic, "Alice");

        assertTrue(clinic.shred(alice));
        assertFalse(clinic.shred(alice));

        List<Notification> log = clinic.notificationLog().select(1, 10).items();
        assertEquals(3, log.size(), log.toString());
        Notification shredding = log.get(2);
        assertEquals(Shredding.idOf(alice), shredding.originatorId());
        assertEquals(new Shredding.SubjectShredded(alice), clinic.mapper().toDomainEvent(shredding.storedEvent()).payload());
    }

    @Test
    void aSubjectWithoutPersonalDataYetIsShreddedAndGetsNoKeyLater() {
        Application clinic = clinic(Map.of());
        UUID carol = UUID.randomUUID();

        assertTrue(clinic.shred(carol));

        assertThrows(ShreddedException.class, () -> clinic.save(Appointment.book(carol, "a check-up")));
    }

    @Test
    void theNotificationLogMarksShreddedEventsAndKeepsTheirPlace() {
        Application clinic = clinic(Map.of());
        UUID alice = registered(clinic, "Alice");
        clinic.shred(alice);

        List<Notification> log = clinic.notificationLog().select(1, 10).items();

        Notification registered = log.get(0);
        assertTrue(registered.shredded());
        assertEquals(0, registered.state().length);
        assertEquals(List.of(1L, alice, 1L), List.of(registered.id(), registered.originatorId(), registered.originatorVersion()));
        assertEquals(stored(clinic, alice, 1).topic(), registered.topic());
        assertFalse(log.get(1).shredded());
    }

    @Test
    void theNotificationLogServesPersonalEventsReadableWithTheApplicationKeyAlone() {
        String key = AesGcmCipher.generateKey();
        Application clinic = clinic(Map.of(Settings.CIPHER_KEY, key));
        UUID alice = registered(clinic, "Alice");
        Mapper follower = Mapper.builder(Settings.of(Map.of(Settings.CIPHER_KEY, key))).applicationName("Clinic")
                .declare(Patient.class).build();

        Notification registered = clinic.notificationLog().select(1, 1).items().get(0);

        assertEquals(new Patient.Registered("Alice", "alice@example.com"),
                follower.toDomainEvent(registered.storedEvent()).payload());
        assertThrows(DecryptionException.class, () -> follower.toDomainEvent(stored(clinic, alice, 1)),
                "as stored, it needs the subject's key");
    }

    @Test
    void keysAreWrappedWithTheApplicationsKeyAndBoundToTheirSubject() {
        Application clinic = clinic(Map.of(Settings.CIPHER_KEY, AesGcmCipher.generateKey()));
        UUID alice = registered(clinic, "Alice");
        UUID bob = registered(clinic, "Bob");
        var keys = clinic.mapper().subjectKeyRecorder().orElseThrow();

        byte[] wrapped = keys.select(alice).orElseThrow().wrappedKey();
        assertTrue(wrapped.length > 32, "wrapped: " + wrapped.length + " bytes");
        assertArrayEquals("ESC".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(wrapped, 3));

        // Bob's wrapped key moved to Alice does not unwrap: keys are bound to their subject.
        UUID mallory = UUID.randomUUID();
        keys.insertIfAbsent(mallory, keys.select(bob).orElseThrow().wrappedKey());
        Appointment appointment = Appointment.book(mallory, "anything");
        MapperError error = new MapperError(assertThrows(RuntimeException.class, () -> clinic.save(appointment)));
        assertTrue(error.says("does not unwrap"), error.toString());
    }

    private record MapperError(RuntimeException error) {
        boolean says(String text) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains(text)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void snapshotsAndCachedStatesOfAShreddedAggregateCannotBeReadEither() {
        Application clinic = clinic(Map.of(Settings.SNAPSHOTTING_ENABLED, "true", Settings.CACHE_MAXSIZE, "10"));
        UUID alice = registered(clinic, "Alice");
        clinic.takeSnapshot(alice);
        clinic.repository(Patient.class).get(alice); // now cached
        StoredEvent snapshot = clinic.snapshots().recorder().selectEvents(alice, EventSelection.all()).get(0);
        assertFalse(new String(snapshot.state(), StandardCharsets.ISO_8859_1).contains("Alice"), "the snapshot is encrypted");

        clinic.shred(alice);

        assertThrows(ShreddedException.class, () -> clinic.repository(Patient.class).get(alice));
        assertThrows(ShreddedException.class, () -> clinic.snapshots().get(alice));
    }

    @Test
    void aProjectionErasesTheSubjectsRowsAndOneRebuiltLaterNeverShowsThem() {
        Settings store = backendSettings();
        Application clinic = clinic(store, Map.of());
        PatientRows rows = rows(store);
        PatientsView live = new PatientsView("patients", rows);
        MultiThreadedRunner runner = start(store, clinic, live);
        UUID alice = registered(clinic, "Alice");
        UUID bob = registered(clinic, "Bob");
        runner.catchUp();
        assertEquals(List.of("Alice"), rows.namesOf(alice));

        clinic.shred(alice);
        runner.catchUp();

        assertEquals(List.of(), rows.namesOf(alice));
        assertEquals(List.of("Bob"), rows.namesOf(bob));
        assertEquals(List.of(alice), live.erased);
        assertEquals(List.of(), live.shredded);

        PatientRows rebuiltRows = rows(store);
        PatientsView rebuilt = new PatientsView("patients-rebuilt", rebuiltRows);
        start(store, clinic, rebuilt).catchUp();

        assertEquals(List.of(), rebuiltRows.namesOf(alice));
        assertEquals(List.of("Bob"), rebuiltRows.namesOf(bob));
        assertEquals(List.of(alice), rebuilt.erased);
        assertEquals(List.of(alice), rebuilt.shredded, "Alice's registration reached it shredded");
    }

    private PatientRows rows(Settings store) {
        PatientRows rows = patientRows(store);
        if (rows instanceof AutoCloseable closeable) {
            opened.add(closeable);
        }
        return rows;
    }

    private MultiThreadedRunner start(Settings store, Application clinic, Projection projection) {
        MultiThreadedRunner runner = MultiThreadedRunner.builder().settings(store).application(clinic)
                .projection(projection, "Clinic").synchronous().build();
        opened.add(runner::stop);
        runner.start();
        return runner;
    }

    /** A view with one row per registration; it erases a patient's rows when the patient is shredded. */
    private static final class PatientsView implements Projection {
        private final String name;
        private final PatientRows rows;
        final List<UUID> erased = new CopyOnWriteArrayList<>();
        final List<UUID> shredded = new CopyOnWriteArrayList<>();

        PatientsView(String name, PatientRows rows) {
            this.name = name;
            this.rows = rows;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean observes(Class<?> eventType) {
            return eventType == Patient.Registered.class;
        }

        @Override
        public void process(DomainEvent<?> event, Notification notification, Object unitOfWork) {
            rows.insert(unitOfWork, event.originatorId(), ((Patient.Registered) event.payload()).name());
        }

        @Override
        public void processShredded(ShreddedEvent<?> event, Object unitOfWork) {
            assertEquals(Patient.Registered.class, event.type());
            shredded.add(event.originatorId());
        }

        @Override
        public void erase(DomainEvent<Shredding.SubjectShredded> shredding, Notification notification, Object unitOfWork) {
            rows.deleteAll(unitOfWork, shredding.payload().subject());
            erased.add(shredding.payload().subject());
        }
    }
}
