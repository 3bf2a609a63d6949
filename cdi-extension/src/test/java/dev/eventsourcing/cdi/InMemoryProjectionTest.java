package dev.eventsourcing.cdi;

import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
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
import static org.junit.jupiter.api.Assertions.assertFalse;

@EventSourcingWeldTest
@AddBeanClasses(Balances.class)
class InMemoryProjectionTest {

    @Inject
    Teller teller;

    @Inject
    Balances balances;

    @Inject
    Readers projections;

    @Test
    void aProjectionHasProcessedEachSaveWhenSaveReturns() {
        UUID id = teller.open("Alice");
        assertEquals(new BigDecimal("0.00"), balances.balance(id));

        teller.deposit(id, "10.00");
        teller.deposit(id, "5.00");

        assertEquals(new BigDecimal("15.00"), balances.balance(id));
        assertEquals(List.of(2L, 3L), balances.seen());
    }

    @Test
    void theStatusShowsThePositionOfEachProjection() {
        UUID id = teller.open("Alice");
        long last = teller.deposit(id, "1.00");

        projections.waitFor("balances", "Application", last, Duration.ofSeconds(1));
        List<ReaderStatus> statuses = projections.statuses();
        assertEquals(1, statuses.size());
        assertEquals("balances", statuses.get(0).reader());
        assertEquals("Application", statuses.get(0).upstream());
        assertEquals(last, statuses.get(0).position());
        assertFalse(statuses.get(0).failing());
    }
}
