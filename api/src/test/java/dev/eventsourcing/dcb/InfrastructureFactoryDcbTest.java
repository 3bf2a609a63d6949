package dev.eventsourcing.dcb;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.ParkingRecorder;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.SubjectKeyRecorder;
import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.inmemory.InMemoryInfrastructureFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfrastructureFactoryDcbTest {

    @Test
    void aBackendWithoutDcbStorageSaysSoNamingItselfAndTheBackendsThatHaveIt() {
        InfrastructureFactory factory = new WithoutDcb(Settings.of(Map.of(Settings.PERSISTENCE_MODULE, "files")));

        ConfigurationException refused = assertThrows(ConfigurationException.class, factory::dcbRecorder);

        for (String expected : new String[] {WithoutDcb.class.getName(), "'files'", "courses", "inmemory", "jpa"}) {
            assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        }
    }

    @Test
    void theInMemoryFactoryServesOneDcbRecorderToAllItsCallers() {
        try (InMemoryInfrastructureFactory factory = new InMemoryInfrastructureFactory("courses", Settings.empty())) {
            assertSame(factory.dcbRecorder(), factory.dcbRecorder());
        }
    }

    private static final class WithoutDcb extends InfrastructureFactory {

        WithoutDcb(Settings settings) {
            super("courses", settings);
        }

        @Override
        public ApplicationRecorder applicationRecorder() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProcessRecorder processRecorder() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrackingRecorder trackingRecorder() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AggregateRecorder snapshotRecorder() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ParkingRecorder parkingRecorder() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SubjectKeyRecorder subjectKeyRecorder() {
            throw new UnsupportedOperationException();
        }
    }
}
