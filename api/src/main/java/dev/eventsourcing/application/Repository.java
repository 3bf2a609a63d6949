package dev.eventsourcing.application;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.EventStore;
import dev.eventsourcing.persistence.ShreddedException;
import dev.eventsourcing.persistence.SnapshotAndEvents;
import dev.eventsourcing.persistence.SnapshotJoiningRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Transactions;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Gets aggregates of one type by id, rebuilt from their stored events, starting from the latest
 * suitable snapshot when the application keeps snapshots, and from the cache when it has one.
 * Each call returns a new instance that the caller may change and save.
 *
 * @param <A> the aggregate type; {@link Aggregate} itself accepts aggregates of every type
 */
public final class Repository<A extends Aggregate> {

    private final Class<A> type;
    private final EventStore events;
    private final EventStore snapshots;
    private final SnapshotJoiningRecorder joined;
    private final AggregateCache cache;
    private final boolean fastForward;
    private final Transactions transactions;
    private final AggregateLocks locks;

    Repository(Class<A> type, EventStore events, EventStore snapshots, AggregateCache cache, boolean fastForward,
               Transactions transactions, AggregateLocks locks) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = locks;
        this.type = Objects.requireNonNull(type, "type");
        this.events = Objects.requireNonNull(events, "events");
        this.snapshots = snapshots;
        this.joined = snapshots != null && events.recorder() instanceof SnapshotJoiningRecorder joining
                && joining.joins(snapshots.recorder()) ? joining : null;
        this.cache = cache;
        this.fastForward = fastForward;
    }

    /**
     * The aggregate at its latest version.
     *
     * <p>Inside a transaction, the aggregate is first locked in this JVM for that transaction,
     * until it commits or rolls back ({@value dev.eventsourcing.Settings#AGGREGATE_LOCK_ENABLED},
     * on by default): a command that gets, changes and saves an aggregate in one transaction
     * then waits for the one before it on the same aggregate, instead of losing the version
     * check to it. Getting it again in the same transaction does not wait. The lock is the
     * application's (see {@link Application#update} for commands outside a transaction); other
     * nodes do not see it, and their saves are still refused by the version check.
     *
     * @param id the aggregate's id; not null
     * @return a new instance of the aggregate, for the caller to change and save
     * @throws AggregateNotFoundException when no aggregate of this type has that id
     * @throws ShreddedException          when one of its events (or its snapshot) carried personal
     *                                    data that was shredded: the aggregate can never be read again
     */
    public A get(UUID id) {
        Objects.requireNonNull(id, "id");
        if (locks != null) {
            locks.lockForTransaction(id, transactions);
        }
        try {
            return latest(id);
        } catch (ShreddedException e) {
            throw shredded(id, e);
        }
    }

    private A latest(UUID id) {
        if (cache != null) {
            StoredEvent cached = cache.get(id);
            if (cached != null) {
                A aggregate = fromCache(id, cached);
                if (fastForward) {
                    aggregate = replay(id, aggregate, events.get(id, EventSelection.all().after(aggregate.version())));
                    cache(aggregate);
                }
                return aggregate;
            }
        }
        A aggregate = load(id, null);
        if (cache != null) {
            cache(aggregate);
        }
        return aggregate;
    }

    /**
     * The aggregate at its latest version, if there is one.
     *
     * @param id the aggregate's id; not null
     * @return a new instance of the aggregate, or empty when no aggregate of this type has that id
     * @throws ShreddedException when one of its events (or its snapshot) carried personal data
     *                           that was shredded
     */
    public Optional<A> find(UUID id) {
        try {
            return Optional.of(get(id));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The aggregate as it was at {@code version}: after the event with that version was applied.
     *
     * @param id the aggregate's id; not null
     * @param version the version to rebuild; from 1
     * @return a new instance of the aggregate at exactly that version
     * @throws IllegalArgumentException   when {@code version} is below 1
     * @throws AggregateNotFoundException when no aggregate of this type has that id, or it has
     *                                    not reached that version
     * @throws ShreddedException          when an event up to that version carried personal data
     *                                    that was shredded
     */
    public A get(UUID id, long version) {
        Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("Aggregate versions start at 1, was asked for " + version);
        }
        A aggregate;
        try {
            aggregate = load(id, version);
        } catch (ShreddedException e) {
            throw shredded(id, e);
        }
        if (aggregate.version() != version) {
            throw new AggregateNotFoundException(id, type.getSimpleName() + " " + id + " has no version " + version
                    + "; its latest version is " + aggregate.version());
        }
        return aggregate;
    }

    /**
     * Whether an aggregate of this type has events under the id; also one whose personal data
     * was shredded (its first event's topic tells its type, without decoding it).
     *
     * @param id the id to look for
     * @return whether the id has events of an aggregate of this type (or a subtype)
     */
    public boolean contains(UUID id) {
        List<StoredEvent> first = events.recorder().selectEvents(id, EventSelection.all().limit(1));
        return !first.isEmpty() && type.isAssignableFrom(
                Aggregates.aggregateTypeOf(events.mapper().eventType(first.get(0).topic())));
    }

    private ShreddedException shredded(UUID id, ShreddedException e) {
        return new ShreddedException(e.subject(), type.getSimpleName() + " " + id + " cannot be read: the personal data"
                + " of subject " + e.subject() + " that it holds was shredded", e);
    }

    /** @return the aggregate type this repository gets */
    public Class<A> aggregateType() {
        return type;
    }

    /** Puts an aggregate that was just saved into the cache (when not fast-forwarding). */
    void saved(Aggregate aggregate) {
        if (cache != null && !fastForward) {
            cache(aggregate);
        }
    }

    // Only what is committed goes into the cache: inside a transaction, the aggregate may hold
    // versions that a rollback takes back, and a cached version that was never stored would
    // make the next save leave a gap. So the put waits for the commit, and a rollback drops it.
    private void cache(Aggregate aggregate) {
        StoredEvent snapshot = events.mapper().toStoredEvent(Aggregates.snapshotOf(aggregate));
        transactions.afterCommit(() -> cache.put(snapshot));
    }

    private A load(UUID id, Long upTo) {
        SnapshotAndEvents stored = read(id, upTo);
        A aggregate = stored.snapshot() == null ? null
                : checkType(id, snapshots.mapper().toDomainEvent(stored.snapshot()).payload());
        List<DomainEvent<?>> loaded = events.decode(stored.events());
        if (aggregate == null) {
            if (loaded.isEmpty()) {
                throw new AggregateNotFoundException(id, type.getSimpleName() + " " + id + " not found");
            }
            checkType(id, aggregateTypeOf(loaded.get(0)));
        }
        return replay(id, aggregate, loaded);
    }

    // The stored events an aggregate is rebuilt from; decoding waits until they are all read.
    private SnapshotAndEvents read(UUID id, Long upTo) {
        if (snapshots == null) {
            EventSelection selection = upTo == null ? EventSelection.all() : EventSelection.all().upTo(upTo);
            return new SnapshotAndEvents(null, events.recorder().selectEvents(id, selection));
        }
        if (joined != null) {
            // The recorder reads the snapshot and the events after it together (on a database in
            // one statement, consistent on its own), so no unit of work is needed around it.
            return joined.selectFromSnapshot(id, snapshots.recorder(), upTo);
        }
        // Two selects in one unit of work: one transaction (and one connection) instead of two,
        // and a consistent pair. The caller's transaction when there is one.
        return transactions.active() ? SnapshotAndEvents.selectSeparately(id, snapshots.recorder(), events.recorder(), upTo)
                : transactions.inNewTransaction(unitOfWork ->
                        SnapshotAndEvents.selectSeparately(id, snapshots.recorder(), events.recorder(), upTo));
    }

    private A fromCache(UUID id, StoredEvent cached) {
        return checkType(id, events.mapper().toDomainEvent(cached).payload());
    }

    @SuppressWarnings("unchecked")
    private A replay(UUID id, A start, List<DomainEvent<?>> loaded) {
        Class<A> replayType = start == null ? (Class<A>) aggregateTypeOf(loaded.get(0)) : (Class<A>) start.getClass();
        DomainEvent<A> snapshot = start == null ? null : new DomainEvent<>(id, start.version(), start.modifiedOn(), start);
        return Aggregates.replay(replayType, snapshot, loaded);
    }

    private A checkType(UUID id, Object payload) {
        checkType(id, payload.getClass());
        return type.cast(payload);
    }

    private void checkType(UUID id, Class<?> found) {
        if (!type.isAssignableFrom(found)) {
            throw new AggregateNotFoundException(id, type.getSimpleName() + " " + id + " not found: the id belongs to a "
                    + found.getSimpleName());
        }
    }

    private static Class<? extends Aggregate> aggregateTypeOf(DomainEvent<?> event) {
        return Aggregates.aggregateTypeOf(event.payload().getClass());
    }
}
