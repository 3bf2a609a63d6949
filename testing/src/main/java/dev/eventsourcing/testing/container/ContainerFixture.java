package dev.eventsourcing.testing.container;

import dev.eventsourcing.cdi.EventStoreReset;
import dev.eventsourcing.persistence.WaitTimeoutException;
import dev.eventsourcing.system.Readers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Objects;

/**
 * Helps in-container tests: waits until the deployment's readers (projections, and process
 * applications following their leaders) have caught up, failing with a message that says which
 * reader lags where, and empties the event store so that each test starts from nothing.
 *
 * <pre>{@code
 * @Inject ContainerFixture fixture;
 * @PersistenceContext EntityManager em;
 *
 * @BeforeEach
 * void startFromAnEmptyStore() {
 *     fixture.emptyStore(() -> em.createQuery("DELETE FROM AccountSummary").executeUpdate());
 * }
 *
 * @Test
 * void anOpenedAccountIsSummarised() {
 *     UUID id = accounts.open("Alice", "alice@example.com");
 *     fixture.waitUntilCaughtUp();
 *     assertEquals(1, summaries.count());
 * }
 * }</pre>
 *
 * <p>Waiting fails with an {@link AssertionError} after the timeout ({@link #DEFAULT_TIMEOUT}
 * unless one is given); asking for a reader or log that does not exist is an
 * {@link IllegalArgumentException}. Emptying the store is refused unless the test deployment
 * sets {@code eventsourcing.testing.reset.enabled=true} (see {@link EventStoreReset}).
 * Thread-safe.
 */
@ApplicationScoped
public class ContainerFixture {

    /** How long the waits without a timeout wait: ten seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Readers readers;
    private EventStoreReset store;

    /** For the container's proxy; not for use. */
    protected ContainerFixture() {
    }

    /**
     * A fixture on the deployment's readers and store: made by the container, or by hand.
     *
     * @param readers the deployment's readers
     * @param store   the deployment's event store reset
     */
    @Inject
    public ContainerFixture(Readers readers, EventStoreReset store) {
        this.readers = Objects.requireNonNull(readers, "readers");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Empties the event store, for a deployment whose projections write no views (or whose views
     * the test clears itself); see {@link #emptyStore(Runnable)}.
     *
     * @throws IllegalStateException when the deployment does not allow it, or its store is not the JPA store
     */
    public void emptyStore() {
        emptyStore(() -> { });
    }

    /**
     * Empties the event store and, in the same transaction, the views the deployment's
     * projections wrote: stops the readers, deletes every event, snapshot, tracking position,
     * parked notification and subject key, runs {@code clearViews}, forgets cached aggregates and
     * starts the readers again, from the beginning. Call it before each test (e.g. in a
     * {@code @BeforeEach} method), while nothing else writes.
     *
     * @param clearViews deletes the rows of the deployment's views, e.g. with an injected entity manager
     * @throws IllegalStateException when the deployment does not set
     *                               {@code eventsourcing.testing.reset.enabled=true}, or its store
     *                               is not the JPA store; nothing is deleted then
     */
    public void emptyStore(Runnable clearViews) {
        store.reset(Objects.requireNonNull(clearViews, "clearViews"));
    }

    /**
     * Waits until every reader has processed every log it follows to its end, including what
     * process applications record meanwhile, for at most {@link #DEFAULT_TIMEOUT}.
     *
     * @throws AssertionError when the readers have not caught up in time; it lists every reader's status
     */
    public void waitUntilCaughtUp() {
        waitUntilCaughtUp(DEFAULT_TIMEOUT);
    }

    /**
     * Waits until every reader has processed every log it follows to its end, including what
     * process applications record meanwhile.
     *
     * @param timeout how long to wait at most
     * @throws AssertionError when the readers have not caught up in time; it lists every reader's status
     */
    public void waitUntilCaughtUp(Duration timeout) {
        try {
            readers.waitUntilCaughtUp(timeout);
        } catch (WaitTimeoutException e) {
            throw Lag.report("The readers have not caught up within " + Lag.format(timeout), readers, e);
        }
    }

    /**
     * Waits until a reader has processed a log up to a notification id (a parked notification
     * counts as processed), for at most {@link #DEFAULT_TIMEOUT}.
     *
     * @param reader         the projection's or process application's name
     * @param upstream       the name of the log it follows: an application's name
     * @param notificationId the id to wait for, e.g. a {@code Recording}'s
     * @throws AssertionError           when the reader has not got there in time; it says where it is
     * @throws IllegalArgumentException when no reader of that name follows that log
     */
    public void waitFor(String reader, String upstream, long notificationId) {
        waitFor(reader, upstream, notificationId, DEFAULT_TIMEOUT);
    }

    /**
     * Waits until a reader has processed a log up to a notification id (a parked notification
     * counts as processed).
     *
     * @param reader         the projection's or process application's name
     * @param upstream       the name of the log it follows: an application's name
     * @param notificationId the id to wait for, e.g. a {@code Recording}'s
     * @param timeout        how long to wait at most
     * @throws AssertionError           when the reader has not got there in time; it says where it is
     * @throws IllegalArgumentException when no reader of that name follows that log
     */
    public void waitFor(String reader, String upstream, long notificationId, Duration timeout) {
        try {
            readers.waitFor(reader, upstream, notificationId, timeout);
        } catch (WaitTimeoutException e) {
            throw Lag.report("Reader '" + reader + "' has not processed log '" + upstream + "' up to notification "
                    + notificationId + " within " + Lag.format(timeout), readers, e);
        }
    }

    /**
     * Waits until every reader of a log has processed it up to a notification id, for at most
     * {@link #DEFAULT_TIMEOUT}.
     *
     * @param upstream       the name of the log: an application's name
     * @param notificationId the id to wait for
     * @throws AssertionError when a reader has not got there in time; it lists where each is
     */
    public void waitForAll(String upstream, long notificationId) {
        waitForAll(upstream, notificationId, DEFAULT_TIMEOUT);
    }

    /**
     * Waits until every reader of a log has processed it up to a notification id.
     *
     * @param upstream       the name of the log: an application's name
     * @param notificationId the id to wait for
     * @param timeout        how long to wait at most
     * @throws AssertionError when a reader has not got there in time; it lists where each is
     */
    public void waitForAll(String upstream, long notificationId, Duration timeout) {
        try {
            readers.waitForAll(upstream, notificationId, timeout);
        } catch (WaitTimeoutException e) {
            throw Lag.report("The readers of log '" + upstream + "' have not processed it up to notification "
                    + notificationId + " within " + Lag.format(timeout), readers, e);
        }
    }
}
