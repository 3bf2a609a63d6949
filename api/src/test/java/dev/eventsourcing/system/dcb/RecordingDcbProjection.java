package dev.eventsourcing.system.dcb;

import dev.eventsourcing.dcb.application.SequencedDecision;
import dev.eventsourcing.dcb.projection.DcbProjection;
import dev.eventsourcing.projection.FailurePolicy;
import dev.eventsourcing.system.fixtures.ModelDatabase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A DCB projection for tests: records the decisions it handles, observes the given decision types
 * (all when none are given), and refuses those a predicate picks. In a {@link ModelDatabase}'s
 * transaction, a decision counts as handled once the transaction commits.
 */
final class RecordingDcbProjection implements DcbProjection {

    private final String name;
    private final Set<Class<?>> observed;
    private final List<SequencedDecision> handled = Collections.synchronizedList(new ArrayList<>());
    private volatile Predicate<SequencedDecision> refused = decided -> false;
    private volatile FailurePolicy policy = FailurePolicy.PARK;

    RecordingDcbProjection(String name, Class<?>... observed) {
        this.name = name;
        this.observed = Set.of(observed);
    }

    /** Refuses (throws for) the decisions the predicate picks, until changed. */
    RecordingDcbProjection refusing(Predicate<SequencedDecision> refused) {
        this.refused = refused;
        return this;
    }

    RecordingDcbProjection policy(FailurePolicy policy) {
        this.policy = policy;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean observes(Class<?> decisionType) {
        return observed.isEmpty() || observed.stream().anyMatch(type -> type.isAssignableFrom(decisionType));
    }

    @Override
    public void process(SequencedDecision decided, Object unitOfWork) {
        if (refused.test(decided)) {
            throw new IllegalStateException("refused decision " + decided.position());
        }
        if (unitOfWork instanceof ModelDatabase.Tx transaction) {
            transaction.onCommit(() -> handled.add(decided)); // the view's write commits with the position
        } else {
            handled.add(decided);
        }
    }

    @Override
    public FailurePolicy failurePolicy() {
        return policy;
    }

    /** The decisions handled successfully, in order. */
    List<SequencedDecision> handled() {
        synchronized (handled) {
            return List.copyOf(handled);
        }
    }

    /** The positions handled successfully, in order. */
    List<Long> positions() {
        return handled().stream().map(SequencedDecision::position).toList();
    }
}
