package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.application.clinic.Appointment;
import dev.eventsourcing.application.clinic.Patient;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.projection.ShreddedEvent;
import dev.eventsourcing.system.Readers;
import jakarta.enterprise.event.Observes;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A {@code @Projection} bean erases a shredded subject through its
 * {@code @Observes Shredding.SubjectShredded} method, and receives an event it had not read
 * before its subject was shredded through its {@code @Observes ShreddedEvent<E>} method.
 */
class ShreddingProjectionTest {

    @Test
    void aProjectionBeanErasesAShreddedSubjectAndReceivesItsUnreadEventsShredded() {
        WeldContainer container = Deployments.start(Map.of("eventsourcing.projection.dispatch", "async",
                "eventsourcing.projection.poll-interval", "20", "eventsourcing.projection.retry-delay", "20",
                "eventsourcing.projection.attempts", "1000"), Patients.class);
        try {
            Application clinic = container.select(Application.class).get();
            Readers readers = container.select(Readers.class).get();
            Patients patients = container.select(Patients.class).get();
            Patient alice = Patient.register("Alice", "alice@example.com");
            clinic.save(alice);
            readers.waitUntilCaughtUp(Duration.ofSeconds(10));
            assertEquals("Alice", patients.name(alice.id()));

            clinic.save(Appointment.book(alice.id(), "a sore throat")); // refused while it can be read
            clinic.shred(alice.id());
            readers.waitUntilCaughtUp(Duration.ofSeconds(10));

            assertNull(patients.name(alice.id()));
            assertEquals(List.of(alice.id()), patients.erased());
            assertEquals(List.of(Appointment.Booked.class), patients.shreddedBookings(), readers.statuses().toString());
        } finally {
            container.shutdown();
        }
    }

    /** Patients' names, and bookings that arrived shredded. */
    @Projection("patients")
    public static class Patients {
        final Map<UUID, String> names = new ConcurrentHashMap<>();
        final List<UUID> erased = new CopyOnWriteArrayList<>();
        final List<Class<?>> shreddedBookings = new CopyOnWriteArrayList<>();

        void registered(@Observes Patient.Registered registered, Notification notification) {
            names.put(notification.originatorId(), registered.name());
        }

        // Refuses every booking it can read, so that it is retried until the shredding makes it unreadable.
        void booked(@Observes Appointment.Booked booked) {
            throw new IllegalStateException("not yet");
        }

        void bookedButShredded(@Observes ShreddedEvent<Appointment.Booked> booked, Notification notification) {
            shreddedBookings.add(booked.type());
        }

        void erase(@Observes Shredding.SubjectShredded shredded) {
            names.remove(shredded.subject());
            erased.add(shredded.subject());
        }

        // Read through methods: the test holds the bean's client proxy, whose fields are not the bean's.
        public String name(UUID patient) {
            return names.get(patient);
        }

        public List<UUID> erased() {
            return List.copyOf(erased);
        }

        public List<Class<?>> shreddedBookings() {
            return List.copyOf(shreddedBookings);
        }
    }
}
