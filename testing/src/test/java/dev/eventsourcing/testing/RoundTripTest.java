package dev.eventsourcing.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mistakes that only storing and rebuilding reveal fail the command's test, saying which and why. */
class RoundTripTest {

    private static AggregateFixture<Faulty> made() {
        return AggregateFixture.of(Faulty.class).given(new Faulty.Made());
    }

    @Test
    void anEventTheMapperCannotWriteFailsNamingTheEvent() {
        AssertionError error = assertThrows(AssertionError.class, () -> made().when(Faulty::attachOpaque));

        assertTrue(error.getMessage().startsWith("The triggered event 1 (Faulty.OpaqueAttached[opaque="), error.getMessage());
        assertTrue(error.getMessage().contains(") cannot be stored by the mapper of application 'Application': Cannot write"
                + " event dev.eventsourcing.testing.Faulty$OpaqueAttached"), error.getMessage());
        assertTrue(error.getMessage().endsWith("Every event must survive a round trip through the mapper, or saving it fails."),
                error.getMessage());
        assertNotNull(error.getCause());
    }

    @Test
    void anEventTheMapperCannotReadBackFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> made().when(faulty -> faulty.attachShape(new Faulty.Circle(2))));

        assertTrue(error.getMessage().startsWith("A triggered event was stored but cannot be read back by the mapper of"
                + " application 'Application': Cannot read stored event "), error.getMessage());
        assertTrue(error.getMessage().endsWith("Every event must survive a round trip through the mapper, or getting its"
                + " aggregate fails."), error.getMessage());
    }

    @Test
    void anEventReadBackAsAnotherValueFailsShowingBoth() {
        java.util.UUID value = java.util.UUID.randomUUID();

        AssertionError error = assertThrows(AssertionError.class, () -> made().when(faulty -> faulty.attachValue(value)));

        assertTrue(error.getMessage().startsWith("The triggered event 1 does not survive a round trip through the mapper:\n"
                + "    stored:     Faulty.ValueAttached[value=" + value + "]\n"
                + "    read back:  Faulty.ValueAttached[value=" + value + "]\n"), error.getMessage());
    }

    @Test
    void anEventReadBackAsAnUnequalValueFailsShowingBoth() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> made().when(faulty -> faulty.attachBytes(new byte[] {1, 2})));

        assertTrue(error.getMessage().startsWith("The triggered event 1 does not survive a round trip through the mapper:\n"
                + "    stored:     Faulty.BytesAttached[bytes=[B@"), error.getMessage());
        assertTrue(error.getMessage().contains("\n    read back:  Faulty.BytesAttached[bytes=[B@"), error.getMessage());
    }

    @Test
    void aGivenEventTheMapperCannotWriteFailsBeforeTheCommandRuns() {
        AssertionError error = assertThrows(AssertionError.class, () -> AggregateFixture.of(Faulty.class)
                .given(new Faulty.Made(), new Faulty.OpaqueAttached(new Faulty.Opaque()))
                .when(faulty -> { throw new AssertionError("the command ran"); }));

        assertTrue(error.getMessage().startsWith("The given event 2 (Faulty.OpaqueAttached"), error.getMessage());
    }

    @Test
    void givenEventsThatFailToApplyFailAsTheRepositoryFails() {
        AssertionError error = assertThrows(AssertionError.class, () -> AggregateFixture.of(Faulty.class)
                .given(new Faulty.Made(), new Faulty.Unreplayable())
                .when(faulty -> { }));

        assertTrue(error.getMessage().startsWith("The given events do not rebuild Faulty "), error.getMessage());
        assertTrue(error.getMessage().endsWith(" as its repository would: java.lang.IllegalStateException: apply needs a"
                + " service that is not there"), error.getMessage());
    }

    @Test
    void aCommandThatChangesStateOutsideAnEventFailsShowingBothStates() {
        AssertionError error = assertThrows(AssertionError.class, () -> made().when(Faulty::countOutsideAnEvent));

        assertTrue(error.getMessage().contains(" rebuilt from its events differs from the aggregate the command left:\n"
                + "    after the command:  {"), error.getMessage());
        assertTrue(error.getMessage().contains("\"count\":101"), error.getMessage());
        assertTrue(error.getMessage().contains("\"count\":1"), error.getMessage());
        assertTrue(error.getMessage().endsWith("A command must change state only by triggering events, and apply(...) must"
                + " depend on nothing but its event and the aggregate."), error.getMessage());
    }

    @Test
    void aWellMadeAggregatePassesEveryRoundTrip() {
        Outcome<Faulty> outcome = made().when(faulty -> faulty.attachValue("text"));

        assertEquals(1, outcome.events().size());
    }
}
