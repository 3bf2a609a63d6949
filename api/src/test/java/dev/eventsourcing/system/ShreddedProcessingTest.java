package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.application.clinic.Patient;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.projection.ShreddedEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A process application meets an upstream event whose personal data was shredded before it read
 * it through its shredded-event policy, records its position all the same, and receives the
 * shredding itself as an event: whether it reads the leader's log directly (a runner) or through
 * the leader's notification log, where the event arrives marked shredded.
 */
class ShreddedProcessingTest {

    @Test
    void aFollowerReadingTheNotificationLogGetsTheShreddedEventAndThenTheShredding() {
        try (Clinic clinic = new Clinic(Settings.empty()); Mailer mailer = new Mailer(Settings.empty())) {
            mailer.follow(clinic);
            UUID alice = registeredAndShredded(clinic);

            assertEquals(3, mailer.pullAndProcess("Clinic"));

            assertEquals(List.of(Patient.Registered.class), mailer.shredded);
            assertEquals(List.of(Patient.Visited.class, Shredding.SubjectShredded.class), mailer.read);
            assertEquals(List.of(alice), mailer.forgotten);
            assertEquals(3, mailer.processRecorder().maxTrackingId("Clinic"));
        }
    }

    @Test
    void aFollowerRunByARunnerGetsTheShreddedEventAndThenTheShredding() {
        MultiThreadedRunner runner = MultiThreadedRunner.builder()
                .system(ApplicationSystem.builder().pipe(Clinic.class, Mailer.class).build()).synchronous().build();
        runner.start();
        try {
            Mailer mailer = runner.get(Mailer.class);
            Clinic clinic = runner.get(Clinic.class);
            mailer.refuseRegistrations = true; // so that it gets past Alice's only once it is shredded
            UUID alice = registeredAndShredded(clinic);
            runner.catchUp();

            assertEquals(List.of(Patient.Registered.class), mailer.shredded);
            assertEquals(List.of(Patient.Visited.class, Shredding.SubjectShredded.class), mailer.read);
            assertEquals(List.of(alice), mailer.forgotten);
            assertEquals(List.of(), runner.parked(null, null, 10));
        } finally {
            runner.stop();
        }
    }

    private static UUID registeredAndShredded(Clinic clinic) {
        Patient alice = Patient.register("Alice", "alice@example.com");
        alice.visit();
        clinic.save(alice);
        clinic.shred(alice.id());
        return alice.id();
    }

    /** The leader. */
    public static class Clinic extends Application {
        public Clinic(Settings settings) {
            super(settings);
        }
    }

    /** A follower that would write to patients, and forgets those shredded. */
    public static class Mailer extends ProcessApplication {
        final List<Class<?>> read = new CopyOnWriteArrayList<>();
        final List<Class<?>> shredded = new CopyOnWriteArrayList<>();
        final List<UUID> forgotten = new CopyOnWriteArrayList<>();
        volatile boolean refuseRegistrations;

        public Mailer(Settings settings) {
            super(settings);
        }

        @Override
        protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
            if (refuseRegistrations && event.payload() instanceof Patient.Registered) {
                throw new IllegalStateException("not yet");
            }
            read.add(event.payload().getClass());
            if (event.payload() instanceof Shredding.SubjectShredded forget) {
                forgotten.add(forget.subject());
            }
        }

        @Override
        protected void policy(ShreddedEvent<?> event, ProcessingEvent processing) {
            shredded.add(event.type());
        }
    }
}
