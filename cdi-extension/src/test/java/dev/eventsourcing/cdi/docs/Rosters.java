package dev.eventsourcing.cdi.docs;

import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.dcb.application.SequencedDecision;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

@Projection("rosters")
public class Rosters {
    void on(@Observes StudentJoined joined, SequencedDecision decided, EntityManager em) {
        em.persist(new RosterRow(joined.course(), joined.student(), decided.position()));
    }
}
