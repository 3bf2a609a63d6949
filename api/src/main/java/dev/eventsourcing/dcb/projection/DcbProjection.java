package dev.eventsourcing.dcb.projection;

import dev.eventsourcing.dcb.application.SequencedDecision;
import dev.eventsourcing.projection.FailurePolicy;

/**
 * Writes a materialised view from the decisions of a DCB application. A runner
 * ({@link dev.eventsourcing.system.MultiThreadedRunner.Builder#projection(DcbProjection, String)})
 * feeds it each decision exactly once, in order of position, inside a transaction in which it
 * also records the projection's position; so every decision is applied once, also across
 * restarts and nodes, as for a {@link dev.eventsourcing.projection.Projection} of an
 * application's notification log.
 *
 * <pre>{@code
 * class Rosters implements DcbProjection {
 *     public String name() { return "rosters"; }
 *     public boolean observes(Class<?> type) { return type == StudentJoined.class; }
 *     public void process(SequencedDecision decided, Object unitOfWork) {
 *         var joined = (StudentJoined) decided.decision();
 *         ((EntityManager) unitOfWork).persist(new RosterRow(joined.course(), joined.student(), decided.position()));
 *     }
 * }
 * }</pre>
 *
 * <p>Decisions whose type the projection does not {@linkplain #observes observe} are passed over
 * without being decoded; their position is recorded all the same. A decision whose processing
 * keeps failing is parked, or stops the projection, as its {@linkplain #failurePolicy() failure
 * policy} says. A decision has no single originator: a parked decision holds up no other, so
 * later decisions with the same tags go on to the projection; retrying the parked one applies it
 * out of order. A projection that must never see decisions out of order uses
 * {@link FailurePolicy#STOP}. For the same reason a DCB projection is never divided into
 * segments.
 */
public interface DcbProjection {

    /**
     * The projection's name: it keys the projection's tracking positions and parked decisions, so
     * keep it constant. It must differ from the name of every application and every other
     * projection of the runner.
     *
     * @return the name, the same on every call
     */
    String name();

    /**
     * Whether the projection receives decisions of this class; others are passed over undecoded.
     *
     * @param decisionType the class of the decision, as the application's mapper names its type
     * @return true to receive such decisions in {@link #process}
     */
    boolean observes(Class<?> decisionType);

    /**
     * Applies one decision to the view.
     *
     * @param decided    the decoded decision with its tags, position, id, time and metadata
     * @param unitOfWork the transaction's resource: for JPA the {@code EntityManager} of the
     *                   transaction in which the position is recorded; {@code null} in memory
     * @throws RuntimeException to refuse the decision: nothing of the transaction is kept, and the
     *         runner tries again later, or parks the decision
     */
    void process(SequencedDecision decided, Object unitOfWork);

    /**
     * What the runner does with a decision that keeps failing.
     *
     * @return {@link FailurePolicy#PARK} (the default) or {@link FailurePolicy#STOP}
     */
    default FailurePolicy failurePolicy() {
        return FailurePolicy.PARK;
    }
}
