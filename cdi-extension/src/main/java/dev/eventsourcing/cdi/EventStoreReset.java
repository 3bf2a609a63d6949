package dev.eventsourcing.cdi;

/**
 * Empties the deployment's event store, for in-container tests that each start from nothing.
 * Injectable ({@code @Inject EventStoreReset}) in every deployment, but refused unless the
 * deployment's configuration sets {@code eventsourcing.}{@value #ENABLED}{@code =true}: put the
 * key in a test deployment only (for example in a {@code META-INF/microprofile-config.properties}
 * of a jar that only the test deployment contains), never in the configuration of a deployment
 * in use.
 *
 * <p>A reset stops the runner (waiting for handlers under way to finish), deletes in one
 * transaction every row of the library's tables (events and notifications of every application,
 * snapshots, tracking positions, parked notifications, subject keys), runs the caller's
 * {@code clearViews} in the same transaction, forgets every cached aggregate, and starts the
 * runner again, so that every reader starts from the beginning of the now empty logs.
 * Notification ids go on from where they were. It needs the JPA store
 * ({@code eventsourcing.persistence.module=jpa}): an in-memory deployment starts empty when it
 * is deployed again.
 */
public interface EventStoreReset {

    /**
     * The setting that allows a reset; {@code false} by default. With MicroProfile Config, the
     * key is {@code eventsourcing.testing.reset.enabled}.
     */
    String ENABLED = "testing.reset.enabled";

    /**
     * Empties the event store and restarts the readers, as described above. Call it while the
     * test writes nothing else: the deployment's own writers are not stopped.
     *
     * @param clearViews deletes what the deployment's projections wrote (their views), in the
     *                   same transaction as the library's rows; e.g.
     *                   {@code () -> em.createQuery("DELETE FROM AccountSummary").executeUpdate()}
     * @throws IllegalStateException when {@value #ENABLED} is not {@code true}, the store is not
     *                               the JPA store, or event sourcing is not running; nothing is
     *                               deleted then
     * @throws dev.eventsourcing.ConfigurationException when {@value #ENABLED} is neither true nor false
     * @throws RuntimeException      what deleting or {@code clearViews} threw: the transaction is
     *                               rolled back and the runner started again
     */
    void reset(Runnable clearViews);
}
