package dev.eventsourcing.cdi.jpa;

import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.cdi.dcb.Enrolment;
import dev.eventsourcing.dcb.application.SequencedDecision;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A projection of decisions writing its view through the dispatch transaction's entity manager.
 * The static knobs survive container restarts: failures after the write, and a count of the
 * decisions handled.
 */
@Projection("roster-view")
public class RosterView {

    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    static final AtomicInteger HANDLED = new AtomicInteger();

    void on(@Observes Enrolment.StudentJoined joined, SequencedDecision decided, EntityManager em) {
        em.persist(new JoinRow(decided.position(), joined.course(), joined.student()));
        em.flush();
        if (FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("failing after the view was written");
        }
        HANDLED.incrementAndGet();
    }
}
