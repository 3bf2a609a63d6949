package dev.eventsourcing.testing;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Tests an aggregate in a plain unit test: given its past events, when a command runs, then
 * the events it triggered, no event, or the exception it threw.
 *
 * <pre>{@code
 * AggregateFixture.of(Account.class)
 *         .given(new Account.Opened("Alice", "alice@example.com"), new Account.Deposited(new BigDecimal("50.00")))
 *         .when(account -> account.withdraw(new BigDecimal("20.00")))
 *         .then(new Account.Withdrawn(new BigDecimal("20.00")))
 *         .thenState(account -> assertEquals(new BigDecimal("30.00"), account.balance()));
 * }</pre>
 *
 * <p>It runs what a deployment runs: the given events are stored in an application's event
 * store and the aggregate is got from its {@link dev.eventsourcing.application.Repository};
 * the events a command triggers are stored, read back, compared with those triggered, and
 * replayed into a second instance whose state must equal the one the command left. So an event
 * the {@link dev.eventsourcing.persistence.Mapper} cannot write or read back, an {@code apply}
 * that fails on replay, or a command that changes state outside an event fails the test, with
 * an {@link AssertionError} that says which event and why. The application is a new in-memory
 * {@link Application} unless one is given, e.g. the user's own subclass with its topics and
 * upcasters.
 *
 * <p>A fixture is for one test: give it events, then call {@code when} or {@code whenCreating}
 * once. Mistakes in using it (events of another aggregate, ids or versions that could not have
 * been stored) are {@link IllegalArgumentException}s or {@link IllegalStateException}s. Not
 * thread-safe.
 *
 * @param <A> the aggregate type
 */
public final class AggregateFixture<A extends Aggregate> {

    private final Class<A> type;
    private final Application application;
    private final GivenEvents given;
    private boolean ran;

    private AggregateFixture(Class<A> type, Application application) {
        this.type = Objects.requireNonNull(type, "type");
        this.application = Objects.requireNonNull(application, "application");
        this.given = new GivenEvents(type, Ids.random());
    }

    /**
     * A fixture for an aggregate class, storing events in a new in-memory application.
     *
     * @param type the aggregate class
     * @param <A>  the aggregate type
     * @return the fixture, with no given events and a random aggregate id
     */
    public static <A extends Aggregate> AggregateFixture<A> of(Class<A> type) {
        return new AggregateFixture<>(type, new Application());
    }

    /**
     * A fixture for an aggregate class, storing events in the given application: its mapper
     * (topics, upcasters, transcoder, cipher) is then the one tested. Give an application whose
     * store is empty or at least holds nothing under the fixture's aggregate id.
     *
     * @param type        the aggregate class
     * @param application the application whose event store and repository to use
     * @param <A>         the aggregate type
     * @return the fixture, with no given events and a random aggregate id
     */
    public static <A extends Aggregate> AggregateFixture<A> of(Class<A> type, Application application) {
        return new AggregateFixture<>(type, application);
    }

    /**
     * Chooses the aggregate's id, e.g. for events that hold it, instead of a random one.
     *
     * @param id the id the given events are stored under
     * @return this fixture
     * @throws IllegalStateException when events of another id were given already
     */
    public AggregateFixture<A> withId(UUID id) {
        given.chooseId(Objects.requireNonNull(id, "id"));
        return this;
    }

    /**
     * The aggregate's id: chosen with {@link #withId}, taken from the first event given with an
     * id, or else random. A creation command makes its own id, see {@link Outcome#aggregate()}.
     *
     * @return the id the given events are stored under
     */
    public UUID id() {
        return given.id();
    }

    /**
     * Adds events to the aggregate's history, as the aggregate's author writes them: the fixture
     * gives each the aggregate's id, the next version (the first is 1, the creation event) and the
     * time now.
     *
     * @param events events of this aggregate type, oldest first
     * @return this fixture
     * @throws IllegalArgumentException when an event belongs to another aggregate type
     */
    @SafeVarargs
    public final AggregateFixture<A> given(AggregateEvent<? super A>... events) {
        for (AggregateEvent<? super A> event : events) {
            given.add(event);
        }
        return this;
    }

    /**
     * Adds events to the aggregate's history with their own ids, versions and times, e.g. events
     * taken from a log. They must be what a store could hold: one originator id (the first
     * event's, or the one chosen with {@link #withId}) and versions 1, 2, 3, … in order.
     *
     * @param events domain events whose payloads are events of this aggregate type, oldest first
     * @return this fixture
     * @throws IllegalArgumentException when an event belongs to another aggregate or aggregate
     *                                  type, or its version is not the next one
     */
    public AggregateFixture<A> given(DomainEvent<?>... events) {
        for (DomainEvent<?> event : events) {
            given.add(event);
        }
        return this;
    }

    /**
     * Runs a command on the aggregate rebuilt from the given events, and stores what it triggered.
     *
     * @param command what to do with the aggregate, e.g. {@code account -> account.withdraw(amount)}
     * @return the outcome, to check with its {@code then…} methods
     * @throws IllegalStateException when no event was given (a command needs an aggregate; see
     *                               {@link #whenCreating}) or the fixture ran already
     * @throws AssertionError        when the given or triggered events do not survive a round
     *                               trip through the mapper, or do not rebuild the aggregate
     */
    public Outcome<A> when(Command<? super A> command) {
        Objects.requireNonNull(command, "command");
        if (given.isEmpty()) {
            throw new IllegalStateException("when(...) runs a command on an existing " + Events.name(type)
                    + ": give its events first, or test a command that creates one with whenCreating(...)");
        }
        start();
        List<DomainEvent<?>> history = new RoundTrip(application).check("given event", given.events());
        A aggregate = existing();
        try {
            command.execute(aggregate);
        } catch (Exception e) {
            return Outcome.failed(aggregate, e);
        }
        return saved(aggregate, history, aggregate.collectEvents());
    }

    /**
     * Runs a command that creates an aggregate, e.g. {@code () -> Account.open("Alice", "a@example.com")},
     * and stores what it triggered.
     *
     * @param creation makes a new aggregate of this type
     * @return the outcome, to check with its {@code then…} methods
     * @throws IllegalStateException when events were given (a creation starts a new history), the
     *                               fixture ran already, or the command returned no new aggregate
     * @throws AssertionError        when the triggered events do not survive a round trip through
     *                               the mapper, or do not rebuild the aggregate
     */
    public Outcome<A> whenCreating(Creation<? extends A> creation) {
        Objects.requireNonNull(creation, "creation");
        if (!given.isEmpty()) {
            throw new IllegalStateException("whenCreating(...) starts a new " + Events.name(type)
                    + ", so it takes no given events; use when(...) for a command on an existing one");
        }
        start();
        A created;
        try {
            created = creation.create();
        } catch (Exception e) {
            return Outcome.failed(null, e);
        }
        List<DomainEvent<?>> triggered = created == null ? List.of() : created.collectEvents();
        if (triggered.isEmpty() || triggered.get(0).originatorVersion() != 1) {
            throw new IllegalStateException("The creation command returned " + created + ", not a new " + Events.name(type)
                    + " made with Aggregate.create(...) and not yet saved");
        }
        return saved(created, List.of(), triggered);
    }

    private A existing() {
        try {
            return application.repository(type).get(given.id());
        } catch (RuntimeException e) {
            throw new AssertionError("The given events do not rebuild " + Events.name(type) + " " + given.id()
                    + " as its repository would: " + e, e);
        }
    }

    private void start() {
        if (ran) {
            throw new IllegalStateException("This fixture ran its command already: make a new fixture for each test");
        }
        ran = true;
        application.repository(type);
    }

    private Outcome<A> saved(A aggregate, List<DomainEvent<?>> history, List<DomainEvent<?>> triggered) {
        List<DomainEvent<?>> read = new RoundTrip(application).check("triggered event", triggered);
        List<DomainEvent<?>> all = new ArrayList<>(history);
        all.addAll(read);
        @SuppressWarnings("unchecked")
        Class<A> actualType = (Class<A>) aggregate.getClass();
        Rebuild.check(actualType, aggregate, all, application.mapper().transcoder());
        return Outcome.succeeded(aggregate, triggered);
    }

    /**
     * A command on an existing aggregate; unlike a {@link java.util.function.Consumer}, it may
     * throw checked exceptions, which the fixture catches for {@link Outcome#thenThrows}.
     *
     * @param <A> the aggregate type
     */
    @FunctionalInterface
    public interface Command<A> {

        /**
         * Runs the command.
         *
         * @param aggregate the aggregate rebuilt from the given events
         * @throws Exception whatever the command throws
         */
        void execute(A aggregate) throws Exception;
    }

    /**
     * A command that creates an aggregate; it may throw checked exceptions, which the fixture
     * catches for {@link Outcome#thenThrows}.
     *
     * @param <A> the aggregate type
     */
    @FunctionalInterface
    public interface Creation<A> {

        /**
         * Runs the command.
         *
         * @return the new aggregate, with its creation event (and any other) not yet saved
         * @throws Exception whatever the command throws
         */
        A create() throws Exception;
    }
}
