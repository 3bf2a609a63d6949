package dev.eventsourcing.testing;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A condition on one triggered event: of a type, and satisfying a predicate. Use it where exact
 * equality is too strict, e.g. for an event holding a new random id or a time.
 *
 * <pre>{@code
 * fixture.when(account -> account.transferOut(transferId, amount))
 *        .thenEventsMatch(EventMatcher.of(Account.TransferredOut.class, out -> out.transferId().equals(transferId)));
 * }</pre>
 *
 * @param type        the class the event must be an instance of
 * @param description what the matcher expects, for failure messages
 * @param condition   what the event must also satisfy
 * @param <E>         the event type
 */
public record EventMatcher<E>(Class<E> type, String description, Predicate<? super E> condition) {

    /**
     * Checks that no part is missing.
     *
     * @param type        the class the event must be an instance of
     * @param description what the matcher expects, for failure messages
     * @param condition   what the event must also satisfy
     * @throws NullPointerException when a part is null
     */
    public EventMatcher {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(condition, "condition");
    }

    /**
     * Matches any event of the type.
     *
     * @param type the event class
     * @param <E>  the event type
     * @return the matcher
     */
    public static <E> EventMatcher<E> of(Class<E> type) {
        return new EventMatcher<>(type, "any " + Events.name(type), event -> true);
    }

    /**
     * Matches an event of the type that satisfies the condition.
     *
     * @param type      the event class
     * @param condition what the event must satisfy
     * @param <E>       the event type
     * @return the matcher
     */
    public static <E> EventMatcher<E> of(Class<E> type, Predicate<? super E> condition) {
        return new EventMatcher<>(type, Events.name(type) + " satisfying a condition", condition);
    }

    /**
     * Matches an event of the type that satisfies the condition, described in failure messages
     * as {@code description}.
     *
     * @param type        the event class
     * @param description what the condition asks, e.g. {@code "an amount of 10.00"}
     * @param condition   what the event must satisfy
     * @param <E>         the event type
     * @return the matcher
     */
    public static <E> EventMatcher<E> of(Class<E> type, String description, Predicate<? super E> condition) {
        return new EventMatcher<>(type, Events.name(type) + " with " + description, condition);
    }

    /**
     * Matches an event equal to the given one.
     *
     * @param expected the event expected
     * @return the matcher
     */
    public static EventMatcher<Object> equalTo(Object expected) {
        Objects.requireNonNull(expected, "expected");
        return new EventMatcher<>(Object.class, Events.describe(expected), expected::equals);
    }

    /**
     * Whether the event is of the type and satisfies the condition.
     *
     * @param event a triggered event
     * @return true when it matches
     */
    public boolean matches(Object event) {
        return type.isInstance(event) && condition.test(type.cast(event));
    }

    @Override
    public String toString() {
        return description;
    }
}
