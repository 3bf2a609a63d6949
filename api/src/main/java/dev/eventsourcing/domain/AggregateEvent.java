package dev.eventsourcing.domain;

/**
 * What happened to an aggregate of type {@code A}, as the aggregate's author writes it: a record
 * nested in the aggregate holding only the domain data. The originator id, version and timestamp
 * travel beside it in a {@link DomainEvent}.
 *
 * <p>{@link #apply} changes the aggregate's state. It runs when a command triggers the event and
 * again each time the aggregate is rebuilt from its stored events, so it must depend on nothing
 * but the event and the aggregate.
 *
 * @param <A> the aggregate type this event belongs to
 */
public interface AggregateEvent<A extends Aggregate> {

    /**
     * Changes the aggregate's state to reflect this event. By default, changes nothing.
     *
     * @param aggregate the aggregate this event happened to, at the version before it
     */
    default void apply(A aggregate) {
    }
}
