package dev.eventsourcing.cdi;

import dev.eventsourcing.cdi.internal.RunningSystem;
import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import dev.eventsourcing.cdi.support.TestConfig;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A projection bean is divided into segments by MicroProfile Config keys scoped by its name,
 * and the deployment holds them under the node id that {@code eventsourcing.node} gives it.
 */
@EventSourcingWeldTest
@AddBeanClasses(Balances.class)
@TestConfig({"eventsourcing.node=node-a", "eventsourcing.balances.projection.segments=4",
        "eventsourcing.balances.projection.lease=5000"})
class SegmentsConfigTest {

    @Inject
    Teller teller;

    @Inject
    Balances balances;

    @Inject
    Readers readers;

    @Inject
    RunningSystem system;

    @Test
    void theProjectionIsDividedAsItsScopedKeysSayAndHeldByTheConfiguredNode() {
        UUID id = teller.open("Alice");
        long last = teller.deposit(id, "10.00");
        readers.waitFor("balances", "Application", last, Duration.ofSeconds(5));

        ReaderStatus status = readers.statuses().stream().filter(s -> s.reader().equals("balances")).findFirst()
                .orElseThrow();
        assertEquals(4, status.segments());
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(status.held()), "the only node holds every segment");
        assertEquals("node-a", system.runner().node());
        assertEquals(new BigDecimal("10.00"), balances.balance(id));
    }
}
