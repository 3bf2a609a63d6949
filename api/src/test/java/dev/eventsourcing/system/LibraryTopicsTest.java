package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.application.clinic.Patient;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.AesGcmCipher;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.projection.Projection;
import dev.eventsourcing.system.fixtures.FilteredLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A log also holds records of the library's own, such as a {@link Shredding}: a follower of
 * another deployment's log reads them with a mapper that was given only the domain's classes.
 */
class LibraryTopicsTest {

    private MultiThreadedRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
    }

    @Test
    void aShreddingInAnotherDeploymentsLogReachesAProjectionWhoseMapperKnowsOnlyTheDomain() {
        Settings keyed = Settings.of(Map.of(Settings.CIPHER_KEY, AesGcmCipher.generateKey()));
        Application clinic = new Application("Clinic", keyed);
        Patient alice = Patient.register("Alice", "alice@example.com");
        clinic.save(alice);
        clinic.shred(alice.id());
        Erasing erasing = new Erasing();
        Mapper domainOnly = Mapper.builder(keyed).applicationName("Clinic").declare(Patient.class).build();

        runner = MultiThreadedRunner.builder().projection(erasing)
                .follow("erasing", "Clinic", FilteredLog.of(clinic.notificationLog()), domainOnly)
                .synchronous().build();
        runner.start();
        runner.waitUntilCaughtUp(Duration.ofSeconds(10));

        assertEquals(List.of(), runner.parked("erasing", ParkedNotification.Status.PARKED, 10));
        assertEquals(List.of(alice.id()), erasing.erased);
        clinic.close();
    }

    /** A projection that notes whom it was asked to erase. */
    static final class Erasing implements Projection {
        final List<UUID> erased = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "erasing";
        }

        @Override
        public boolean observes(Class<?> eventType) {
            return false;
        }

        @Override
        public void process(DomainEvent<?> event, Notification notification, Object unitOfWork) {
        }

        @Override
        public void erase(DomainEvent<Shredding.SubjectShredded> shredding, Notification notification, Object unitOfWork) {
            erased.add(shredding.payload().subject());
        }
    }
}
