package dev.eventsourcing.testing;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.DomainEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a fixture's command did: the events it triggered (stored and read back already), or the
 * exception it threw, and the aggregate it ran on. Each {@code then…} method checks one
 * expectation, throws an {@link AssertionError} that shows what was expected and what happened
 * when it is not met, and returns this outcome, so checks chain.
 *
 * @param <A> the aggregate type
 */
public final class Outcome<A extends Aggregate> {

    private final A aggregate;
    private final Exception thrown;
    private final List<DomainEvent<?>> triggered;

    private Outcome(A aggregate, Exception thrown, List<DomainEvent<?>> triggered) {
        this.aggregate = aggregate;
        this.thrown = thrown;
        this.triggered = List.copyOf(triggered);
    }

    static <A extends Aggregate> Outcome<A> succeeded(A aggregate, List<DomainEvent<?>> triggered) {
        return new Outcome<>(aggregate, null, triggered);
    }

    static <A extends Aggregate> Outcome<A> failed(A aggregate, Exception thrown) {
        return new Outcome<>(aggregate, thrown, List.of());
    }

    /**
     * Checks that the command triggered exactly these events, in this order, by {@code equals}.
     *
     * @param expected the events expected, as the aggregate's author writes them
     * @return this outcome
     * @throws AssertionError when the command threw, or triggered other events
     */
    @SafeVarargs
    public final Outcome<A> then(AggregateEvent<? super A>... expected) {
        List<Object> wanted = new ArrayList<>();
        for (AggregateEvent<? super A> event : expected) {
            wanted.add(event);
        }
        String expectation = "Expected the command to trigger:\n" + Events.list(wanted);
        succeeded(expectation);
        List<Object> actual = events();
        if (!actual.equals(wanted)) {
            throw new AssertionError(expectation + "\nbut it triggered:\n" + Events.list(actual)
                    + "\n" + Differences.between(wanted, actual));
        }
        return this;
    }

    /**
     * Checks that the command triggered one event per matcher, in this order, each matching.
     *
     * @param matchers conditions on the events, e.g. {@link EventMatcher#of(Class, java.util.function.Predicate)}
     * @return this outcome
     * @throws AssertionError when the command threw, triggered another number of events, or an
     *                        event does not match
     */
    public Outcome<A> thenEventsMatch(EventMatcher<?>... matchers) {
        List<EventMatcher<?>> wanted = List.of(matchers);
        String expectation = "Expected the command to trigger events matching:\n" + Events.matchers(wanted);
        succeeded(expectation);
        List<Object> actual = events();
        String problem = actual.size() != wanted.size()
                ? "it triggered " + actual.size() + (actual.size() == 1 ? " event" : " events") + ", not " + wanted.size()
                : null;
        for (int i = 0; problem == null && i < wanted.size(); i++) {
            if (!wanted.get(i).matches(actual.get(i))) {
                problem = "event " + (i + 1) + " is not " + wanted.get(i).description();
            }
        }
        if (problem != null) {
            throw new AssertionError(expectation + "\nbut it triggered:\n" + Events.list(actual) + "\n" + problem);
        }
        return this;
    }

    /**
     * Checks that the command succeeded without triggering any event.
     *
     * @return this outcome
     * @throws AssertionError when the command threw or triggered events
     */
    public Outcome<A> thenNoEvents() {
        String expectation = "Expected the command to trigger no event";
        succeeded(expectation);
        if (!triggered.isEmpty()) {
            throw new AssertionError(expectation + ", but it triggered:\n" + Events.list(events()));
        }
        return this;
    }

    /**
     * Checks that the command threw an exception of the type (or a subtype).
     *
     * @param type the exception class expected
     * @return this outcome
     * @throws AssertionError when the command succeeded or threw another exception
     */
    public Outcome<A> thenThrows(Class<? extends Throwable> type) {
        Objects.requireNonNull(type, "type");
        String expectation = "Expected the command to throw " + type.getName();
        if (thrown == null) {
            throw new AssertionError(expectation + ", but it succeeded and triggered:\n" + Events.list(events()));
        }
        if (!type.isInstance(thrown)) {
            throw new AssertionError(expectation + ", but it threw " + thrown, thrown);
        }
        return this;
    }

    /**
     * Checks that the command threw an exception of the type (or a subtype) with exactly this message.
     *
     * @param type    the exception class expected
     * @param message the message expected
     * @return this outcome
     * @throws AssertionError when the command succeeded, threw another exception, or another message
     */
    public Outcome<A> thenThrows(Class<? extends Throwable> type, String message) {
        thenThrows(type);
        if (!Objects.equals(message, thrown.getMessage())) {
            throw new AssertionError("Expected the command to throw " + type.getName() + " with the message:\n    "
                    + message + "\nbut its message was:\n    " + thrown.getMessage(), thrown);
        }
        return this;
    }

    /**
     * Runs checks on the aggregate the command ran on (or created), e.g. JUnit assertions on its
     * state. After a command that threw, it is the aggregate as the command left it.
     *
     * @param check the checks, which throw {@link AssertionError} when not met
     * @return this outcome
     * @throws AssertionError when a creation command threw, so that there is no aggregate, or a
     *                        check fails
     */
    public Outcome<A> thenState(Consumer<? super A> check) {
        Objects.requireNonNull(check, "check");
        check.accept(aggregate());
        return this;
    }

    /**
     * The aggregate the command ran on, or created.
     *
     * @return the aggregate, with the triggered events applied and collected
     * @throws AssertionError when a creation command threw, so that there is no aggregate
     */
    public A aggregate() {
        if (aggregate == null) {
            throw new AssertionError("There is no aggregate: the creation command threw " + thrown, thrown);
        }
        return aggregate;
    }

    /**
     * The events the command triggered, as the aggregate's author writes them.
     *
     * @return the events, oldest first; empty when the command threw
     */
    public List<Object> events() {
        return triggered.stream().<Object>map(DomainEvent::payload).toList();
    }

    /**
     * The events the command triggered with their originator ids, versions and times.
     *
     * @return the domain events, oldest first; empty when the command threw
     */
    public List<DomainEvent<?>> domainEvents() {
        return triggered;
    }

    /**
     * The exception the command threw.
     *
     * @return the exception, or {@code null} when the command succeeded
     */
    public Exception thrown() {
        return thrown;
    }

    private void succeeded(String expectation) {
        if (thrown != null) {
            throw new AssertionError(expectation + "\nbut it threw " + thrown, thrown);
        }
    }
}
