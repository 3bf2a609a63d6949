package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Perspective;
import dev.eventsourcing.testing.DcbOutcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks that an outcome of the fixture is a refusal for a given reason. */
final class RefusalAssertions {

    private RefusalAssertions() {
    }

    static void assertRefused(DcbOutcome<? extends Perspective> outcome, Refusal.Reason reason) {
        outcome.thenThrows(Refusal.class);
        assertEquals(reason, ((Refusal) outcome.thrown()).reason(), outcome.thrown().getMessage());
    }
}
