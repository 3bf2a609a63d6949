package dev.eventsourcing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The base class of event-sourced aggregates: a consistency boundary whose state changes only by
 * events. A command method checks its arguments against the current state, then
 * {@linkplain #trigger triggers} an event; the event's {@link AggregateEvent#apply apply} step
 * changes the state, both now and whenever the aggregate is rebuilt from its stored events.
 * Creating an aggregate is itself an event (see {@link #create(Supplier, AggregateEvent)}).
 *
 * <pre>{@code
 * public class Dog extends Aggregate {
 *     private String name;
 *     private final List<String> tricks = new ArrayList<>();
 *
 *     public static Dog register(String name) { return create(Dog::new, new Registered(name)); }
 *     public void addTrick(String trick) { trigger(new TrickAdded(trick)); }
 *
 *     public sealed interface Event extends AggregateEvent<Dog> permits Registered, TrickAdded {}
 *     public record Registered(String name) implements Event { public void apply(Dog d) { d.name = name; } }
 *     public record TrickAdded(String trick) implements Event { public void apply(Dog d) { d.tricks.add(trick); } }
 * }
 * }</pre>
 *
 * <p>Subclasses need a no-argument constructor (of any visibility): rebuilding an aggregate
 * starts from it and replays the events. Their fields are the aggregate's state, copied as they
 * are into snapshots. Triggered events wait in the aggregate until
 * {@link #collectEvents()} hands them to the application's {@code save}. Aggregates are not
 * thread-safe; each command runs on an instance of its own, got from a repository.
 */
public abstract class Aggregate {

    private UUID id;
    private long version;
    private Instant createdOn;
    private Instant modifiedOn;
    // Not state: transient keeps it out of snapshots.
    private transient List<DomainEvent<?>> pendingEvents = new ArrayList<>();

    /**
     * An empty aggregate, with no id and version 0 until its creation event is applied: what a
     * subclass's no-argument constructor makes before {@code create} or a replay fills it.
     */
    protected Aggregate() {
    }

    /**
     * Creates an aggregate with a new random id by triggering its creation event.
     *
     * @param constructor makes the empty instance, usually a constructor reference
     * @param created     the event that created it; its {@code apply} sets the initial state
     * @param <A>         the aggregate type
     * @return the new aggregate at version 1, with the creation event pending
     * @throws IllegalStateException when {@code constructor} returns an aggregate that was
     *         created already
     */
    protected static <A extends Aggregate> A create(Supplier<A> constructor, AggregateEvent<? super A> created) {
        return create(Ids.random(), constructor, created);
    }

    /**
     * Creates an aggregate with the given id, e.g. one made by {@link Ids#fromName}, by triggering
     * its creation event. A second aggregate created with the same id cannot be saved: the
     * application rejects it as a version conflict.
     *
     * @param id          the aggregate's id; not null
     * @param constructor makes the empty instance, usually a constructor reference
     * @param created     the event that created it; its {@code apply} sets the initial state
     * @param <A>         the aggregate type
     * @return the new aggregate at version 1, with the creation event pending
     * @throws IllegalStateException when {@code constructor} returns an aggregate that was
     *         created already
     */
    protected static <A extends Aggregate> A create(UUID id, Supplier<A> constructor, AggregateEvent<? super A> created) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        A aggregate = Objects.requireNonNull(constructor.get(), "constructor returned null");
        Aggregate base = aggregate;
        if (base.version != 0) {
            throw new IllegalStateException("The constructor returned an aggregate that exists already: " + aggregate);
        }
        base.id = id;
        base.record(created);
        return aggregate;
    }

    /**
     * Triggers an event: applies it to this aggregate now, as the next version, and keeps it for
     * {@link #collectEvents()}.
     *
     * @param event an event of this aggregate's type
     * @throws IllegalStateException    when the aggregate was not made by {@code create}
     * @throws IllegalArgumentException when the event belongs to another aggregate type
     */
    protected final void trigger(AggregateEvent<?> event) {
        Objects.requireNonNull(event, "event");
        if (version == 0) {
            throw new IllegalStateException(getClass().getName() + " was not created: make aggregates with create(...)");
        }
        record(event);
    }

    private void record(AggregateEvent<?> event) {
        Instant now = Instant.now();
        // Clocks can step back; a later event never gets an earlier timestamp than its aggregate.
        Instant timestamp = modifiedOn != null && now.isBefore(modifiedOn) ? modifiedOn : now;
        DomainEvent<?> domainEvent = new DomainEvent<>(id, version + 1, timestamp, event);
        mutate(domainEvent);
        pendingEvents.add(domainEvent);
    }

    /**
     * Applies one event as the next version. Used when triggering and when replaying: the same
     * code path both times, so replayed state equals the state that was saved.
     */
    @SuppressWarnings("unchecked")
    final void mutate(DomainEvent<?> event) {
        if (!(event.payload() instanceof AggregateEvent<?> payload)) {
            throw new IllegalArgumentException("Not an aggregate event: " + event.payload().getClass().getName());
        }
        Class<? extends Aggregate> owner = Aggregates.aggregateTypeOf(payload.getClass());
        if (!owner.isInstance(this)) {
            throw new IllegalArgumentException(payload.getClass().getName() + " is an event of " + owner.getName()
                    + ", not of " + getClass().getName());
        }
        if (version != 0 && !event.originatorId().equals(id)) {
            throw new IllegalArgumentException("Event of " + event.originatorId() + " applied to aggregate " + id);
        }
        if (event.originatorVersion() != version + 1) {
            throw new IllegalStateException("Event version " + event.originatorVersion() + " does not follow aggregate "
                    + event.originatorId() + " at version " + version);
        }
        ((AggregateEvent<Aggregate>) payload).apply(this);
        id = event.originatorId();
        version = event.originatorVersion();
        if (createdOn == null) {
            createdOn = event.timestamp();
        }
        modifiedOn = event.timestamp();
    }

    /**
     * Hands over the events triggered since the last call, oldest first, and forgets them. The
     * application's {@code save} calls this; user code rarely needs to.
     *
     * @return the pending events, oldest first; empty when there are none
     */
    public final List<DomainEvent<?>> collectEvents() {
        List<DomainEvent<?>> collected = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return collected;
    }

    /** @return whether events were triggered that have not been collected yet */
    public final boolean hasPendingEvents() {
        return !pendingEvents.isEmpty();
    }

    /** @return the aggregate's id; {@code null} only before its creation event is applied */
    public final UUID id() {
        return id;
    }

    /** @return the version of the last event applied: 1 after creation, one more for each event */
    public final long version() {
        return version;
    }

    /** @return when the creation event happened */
    public final Instant createdOn() {
        return createdOn;
    }

    /** @return when the last event happened; never before {@link #createdOn()} */
    public final Instant modifiedOn() {
        return modifiedOn;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id + ", version=" + version + "]";
    }
}
