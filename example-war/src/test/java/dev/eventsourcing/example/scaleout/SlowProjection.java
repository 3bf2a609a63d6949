package dev.eventsourcing.example.scaleout;

import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The scale-out test's projection: each sample event takes it a fixed
 * {@value #HANDLING_MILLIS} ms (a stand-in for a call to a remote service, which waits rather
 * than computes; the server's system property {@value #HANDLING_MILLIS_PROPERTY} may set another), and it records which node handled which notification, and when, in a row of
 * {@code scaleout_handled} written in the transaction that records its position. The table has
 * no unique key but its sequence, so a notification handled twice would show as two rows.
 */
@Projection(SlowProjection.NAME)
public class SlowProjection {

    /** The projection's name, which keys its positions and scopes its settings. */
    public static final String NAME = "SlowProjection";
    /** How long handling one notification takes. */
    public static final long HANDLING_MILLIS = 5;
    /** The system property that sets another handling time, in milliseconds, for measurements. */
    public static final String HANDLING_MILLIS_PROPERTY = "scaleout.handling-millis";

    private static final long HANDLING = Long.getLong(HANDLING_MILLIS_PROPERTY, HANDLING_MILLIS);

    // The name the harness gives each server; one server's readers all write it.
    private static final String NODE = System.getProperty("jboss.node.name", "unnamed");

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    void on(@Observes Sample.Event change, DomainEvent<?> event, Notification notification) throws InterruptedException {
        Thread.sleep(HANDLING);
        em.createNativeQuery("INSERT INTO scaleout_handled (notification_id, originator_id, originator_version, node,"
                        + " handled_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, notification.id())
                .setParameter(2, event.originatorId().toString())
                .setParameter(3, event.originatorVersion())
                .setParameter(4, NODE)
                .setParameter(5, Timestamp.from(Instant.now()))
                .executeUpdate();
    }
}
