package dev.eventsourcing.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The then-checks of an outcome: what passes, and what each failure says. */
class ExpectationsTest {

    private static Outcome<Order> addingTwoPens() {
        return AggregateFixture.of(Order.class)
                .given(new Order.Placed("Alice"))
                .when(order -> order.add("pen", 2));
    }

    private static String failure(Runnable check) {
        return assertThrows(AssertionError.class, check::run).getMessage();
    }

    @Test
    void theExactEventsTriggeredPassAndTheStateReflectsThem() {
        Outcome<Order> outcome = addingTwoPens()
                .then(new Order.ItemAdded("pen", 2))
                .thenState(order -> assertEquals(List.of("2 pen"), order.items()));

        assertEquals(List.of(new Order.ItemAdded("pen", 2)), outcome.events());
        assertEquals(2, outcome.domainEvents().get(0).originatorVersion());
        assertEquals("Alice", outcome.aggregate().customer());
        assertNull(outcome.thrown());
    }

    @Test
    void anEventThatDiffersIsShownWithBothListsAndTheComponentThatDiffers() {
        String message = failure(() -> addingTwoPens().then(new Order.ItemAdded("pen", 3)));

        assertEquals("""
                Expected the command to trigger:
                    1. Order.ItemAdded[item=pen, quantity=3]
                but it triggered:
                    1. Order.ItemAdded[item=pen, quantity=2]
                First difference at event 1: Order.ItemAdded differs in quantity expected <3> but was <2>""", message);
    }

    @Test
    void aMissingOrAnUnexpectedEventIsNamed() {
        String missing = failure(() -> addingTwoPens().then(new Order.ItemAdded("pen", 2), new Order.ItemAdded("ink", 1)));
        String unexpected = failure(() -> addingTwoPens().then());

        assertTrue(missing.endsWith("Missing from event 2: Order.ItemAdded[item=ink, quantity=1]"), missing);
        assertTrue(unexpected.startsWith("Expected the command to trigger:\n    (none)\nbut it triggered:"), unexpected);
        assertTrue(unexpected.endsWith("Unexpected from event 1: Order.ItemAdded[item=pen, quantity=2]"), unexpected);
    }

    @Test
    void anEventOfAnotherClassIsShownWhole() {
        String message = failure(() -> addingTwoPens().then(new Order.Placed("Alice")));

        assertTrue(message.endsWith("First difference at event 1: expected Order.Placed[customer=Alice]"
                + " but was Order.ItemAdded[item=pen, quantity=2]"), message);
    }

    @Test
    void expectingEventsOfACommandThatThrewFailsWithTheExceptionAsCause() {
        AssertionError error = assertThrows(AssertionError.class, () -> AggregateFixture.of(Order.class)
                .given(new Order.Placed("Alice"))
                .when(Order::ship)
                .then(new Order.Shipped(null)));

        assertTrue(error.getMessage().endsWith("but it threw dev.eventsourcing.testing.Order$ShippingException:"
                + " nothing to ship"), error.getMessage());
        assertInstanceOf(Order.ShippingException.class, error.getCause());
    }

    @Test
    void matchersCheckEachEventInOrderAndSayWhichDoesNotMatch() {
        Outcome<Order> shipped = AggregateFixture.of(Order.class)
                .given(new Order.Placed("Alice"), new Order.ItemAdded("pen", 2))
                .when(Order::ship);

        shipped.thenEventsMatch(EventMatcher.of(Order.Shipped.class, event -> event.parcelId() != null));
        String wrongType = failure(() -> shipped.thenEventsMatch(EventMatcher.of(Order.ItemAdded.class)));
        String wrongValue = failure(() -> shipped.thenEventsMatch(
                EventMatcher.of(Order.Shipped.class, "no parcel id", event -> event.parcelId() == null)));
        String wrongCount = failure(() -> shipped.thenEventsMatch(EventMatcher.of(Order.Shipped.class),
                EventMatcher.equalTo(new Order.ItemAdded("ink", 1))));

        assertTrue(wrongType.startsWith("Expected the command to trigger events matching:\n    1. any Order.ItemAdded\n"),
                wrongType);
        assertTrue(wrongType.endsWith("event 1 is not any Order.ItemAdded"), wrongType);
        assertTrue(wrongValue.endsWith("event 1 is not Order.Shipped with no parcel id"), wrongValue);
        assertTrue(wrongCount.contains("    2. Order.ItemAdded[item=ink, quantity=1]\n"), wrongCount);
        assertTrue(wrongCount.endsWith("it triggered 1 event, not 2"), wrongCount);
    }

    @Test
    void noEventsPassesForACommandThatChangedNothingAndFailsListingWhatWasTriggered() {
        AggregateFixture.of(Order.class)
                .given(new Order.Placed("Alice"), new Order.ItemAdded("pen", 2), new Order.Shipped(null))
                .when(Order::ship)
                .thenNoEvents()
                .thenState(order -> assertTrue(order.isShipped()));

        String message = failure(() -> addingTwoPens().thenNoEvents());

        assertEquals("Expected the command to trigger no event, but it triggered:\n"
                + "    1. Order.ItemAdded[item=pen, quantity=2]", message);
    }

    @Test
    void anExpectedExceptionPassesByTypeAndMessageAndLeavesTheAggregateAsItWas() {
        Outcome<Order> outcome = AggregateFixture.of(Order.class)
                .given(new Order.Placed("Alice"))
                .when(Order::ship)
                .thenThrows(Exception.class)
                .thenThrows(Order.ShippingException.class, "nothing to ship")
                .thenState(order -> assertEquals(1, order.version()));

        assertInstanceOf(Order.ShippingException.class, outcome.thrown());
        assertTrue(outcome.events().isEmpty());
    }

    @Test
    void anExpectedExceptionFailsWhenTheCommandSucceededOrThrewAnotherOrAnotherMessage() {
        Outcome<Order> refused = AggregateFixture.of(Order.class)
                .given(new Order.Placed("Alice"), new Order.ItemAdded("pen", 1), new Order.Shipped(null))
                .when(order -> order.add("ink", 1));

        String succeeded = failure(() -> addingTwoPens().thenThrows(IllegalStateException.class));
        AssertionError other = assertThrows(AssertionError.class, () -> refused.thenThrows(IllegalArgumentException.class));
        String otherMessage = failure(() -> refused.thenThrows(IllegalStateException.class, "order is shipped"));

        assertEquals("Expected the command to throw java.lang.IllegalStateException, but it succeeded and triggered:\n"
                + "    1. Order.ItemAdded[item=pen, quantity=2]", succeeded);
        assertTrue(other.getMessage().startsWith("Expected the command to throw java.lang.IllegalArgumentException,"
                + " but it threw java.lang.IllegalStateException: order "), other.getMessage());
        assertInstanceOf(IllegalStateException.class, other.getCause());
        assertTrue(otherMessage.startsWith("Expected the command to throw java.lang.IllegalStateException with the"
                + " message:\n    order is shipped\nbut its message was:\n    order "), otherMessage);
    }

    @Test
    void aFailingStateCheckFailsTheTestWithItsOwnMessage() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> addingTwoPens().thenState(order -> assertEquals(List.of(), order.items(), "the items")));

        assertTrue(error.getMessage().startsWith("the items"), error.getMessage());
    }
}
