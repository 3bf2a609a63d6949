package dev.eventsourcing.persistence;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfrastructureFactoryLeasesTest {

    @Test
    void aBackendThatKeepsNoLeasesSaysSoNamingItself() {
        InfrastructureFactory factory = new WithoutLeases(Settings.of(Map.of(Settings.PERSISTENCE_MODULE, "files")));

        ConfigurationException refused = assertThrows(ConfigurationException.class, factory::leaseRecorder);

        assertTrue(refused.getMessage().contains(WithoutLeases.class.getName()), refused.getMessage());
        assertTrue(refused.getMessage().contains("'files'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("balances"), refused.getMessage());
    }

    private static final class WithoutLeases extends InfrastructureFactory {

        WithoutLeases(Settings settings) {
            super("balances", settings);
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
