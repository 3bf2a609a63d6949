package dev.eventsourcing.system;

import dev.eventsourcing.dcb.application.SequencedDecision;
import dev.eventsourcing.dcb.projection.DcbProjection;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.projection.FailurePolicy;
import dev.eventsourcing.projection.Projection;

import java.util.Objects;

/**
 * A {@link DcbProjection} as the runner's {@link Projection}, so that the same
 * {@link ProjectionWorker} (tracking, claims, parking, retries) feeds it from a {@link DecisionLog}.
 * The worker hands it decisions; it never follows a notification log of aggregates.
 */
record DecisionProjection(DcbProjection projection) implements Projection {

    DecisionProjection {
        Objects.requireNonNull(projection, "projection");
    }

    @Override
    public String name() {
        return projection.name();
    }

    @Override
    public boolean observes(Class<?> eventType) {
        return projection.observes(eventType);
    }

    /** Applies a decision. */
    void process(SequencedDecision decided, Object unitOfWork) {
        projection.process(decided, unitOfWork);
    }

    /** Never called: a DCB projection follows only the positions of a DCB application. */
    @Override
    public void process(DomainEvent<?> event, Notification notification, Object unitOfWork) {
        throw new IllegalStateException("The DCB projection '" + name() + "' receives decisions only, not "
                + event.payload().getClass().getName());
    }

    @Override
    public FailurePolicy failurePolicy() {
        return projection.failurePolicy();
    }
}
