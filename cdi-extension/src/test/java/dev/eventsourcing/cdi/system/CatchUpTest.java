package dev.eventsourcing.cdi.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.WaitTimeoutException;
import dev.eventsourcing.system.ApplicationSystem;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import dev.eventsourcing.system.Readers;
import dev.eventsourcing.system.transfers.Transfers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waiting until every reader has caught up gives up after its timeout, rather than waiting for a failing follower forever. */
class CatchUpTest {

    @Test
    void waitingUntilCaughtUpTimesOutWhileAFollowerKeepsFailing() {
        WeldContainer container = Deployments.start(Map.of("eventsourcing.projection.dispatch", "async",
                "eventsourcing.projection.poll-interval", "20", "eventsourcing.projection.retry-delay", "20"),
                StubbornSystem.class, Transfers.class, Stubborn.class);
        try {
            container.select(Transfers.class).get().request(UUID.randomUUID(), UUID.randomUUID(), BigDecimal.ONE);
            Readers projections = container.select(Readers.class).get();

            assertThrows(WaitTimeoutException.class, () -> projections.waitUntilCaughtUp(Duration.ofMillis(300)));
            assertTrue(projections.statuses().stream().anyMatch(s -> s.reader().equals("Stubborn") && s.failing()),
                    () -> "" + projections.statuses());
        } finally {
            container.shutdown();
        }
    }

    /** Follows transfers and fails on every event. */
    public static class Stubborn extends ProcessApplication {
        public Stubborn(Settings settings) {
            super(settings);
        }

        @Override
        protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
            throw new IllegalStateException("not today");
        }
    }

    @ApplicationScoped
    public static class StubbornSystem {
        @Produces
        ApplicationSystem system = ApplicationSystem.builder().pipe(Transfers.class, Stubborn.class).build();
    }
}
