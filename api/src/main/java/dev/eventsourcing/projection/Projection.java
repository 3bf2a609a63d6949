package dev.eventsourcing.projection;

import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;

import java.util.Set;

/**
 * Writes a materialised view from the events of a notification log. A runner feeds it each
 * notification exactly once, in log order, inside a transaction in which the runner also records
 * the projection's position; so every event is applied once, also across restarts and nodes.
 *
 * <pre>{@code
 * class Balances implements Projection {
 *     public String name() { return "balances"; }
 *     public boolean observes(Class<?> eventType) { return Account.Deposited.class.isAssignableFrom(eventType); }
 *     public void process(DomainEvent<?> event, Notification notification, Object unitOfWork) {
 *         var deposited = (Account.Deposited) event.payload();
 *         ((EntityManager) unitOfWork).merge(...);
 *     }
 * }
 * }</pre>
 *
 * <p>Notifications whose event type the projection does not {@linkplain #observes observe} are
 * passed over without being decoded: their position is recorded all the same. A notification
 * whose processing keeps failing is parked, or stops the projection, as its
 * {@linkplain #failurePolicy() failure policy} says.
 *
 * <p>Crypto-shredding: an observed event whose personal data was shredded reaches
 * {@link #processShredded} instead of {@link #process}, and each shredding reaches
 * {@link #erase}, where the view forgets what it holds of the subject.
 */
public interface Projection {

    /**
     * The projection's name: it keys the projection's tracking positions and parked
     * notifications, so keep it constant. It must differ from the name of every application and
     * every other projection of the system.
     *
     * @return the name, the same on every call
     */
    String name();

    /**
     * Whether the projection receives events of this class; others are passed over undecoded.
     *
     * @param eventType the class the notification's topic names
     * @return true to receive such events in {@link #process} (or {@link #processShredded})
     */
    boolean observes(Class<?> eventType);

    /**
     * The event types the projection observes, when it can name them: then only their
     * notifications are read from the log (filtered where the log is read: by the database, or
     * by the server of a remote log), and the position moves past the others without fetching
     * them. Each type is a final class (an event record) or a sealed type, whose permitted
     * subclasses are then observed too; the topics read are those of the classes the log's
     * mapper knows under these types, with the old topics registered for them and the topics of
     * {@link Shredding.SubjectShredded}. {@link #observes} must not accept any other class:
     * its notifications are no longer read.
     *
     * <p>By default, and whenever a type is of another kind (an open interface, a catch-all
     * such as {@code Object}), every notification is read and {@link #observes} picks.
     *
     * @return the observed types; empty (the default) to read every notification
     */
    default Set<Class<?>> observedTypes() {
        return Set.of();
    }

    /**
     * Applies one event to the view.
     *
     * @param event        the decoded event, with its originator id, version and timestamp
     * @param notification the stored event with its position in the log
     * @param unitOfWork   the transaction's resource: for JPA the {@code EntityManager} of the
     *                     transaction in which the position is recorded; {@code null} in memory
     * @throws RuntimeException to refuse the event: nothing of the transaction is kept, and the
     *         runner tries again later, or parks the notification
     */
    void process(DomainEvent<?> event, Notification notification, Object unitOfWork);

    /**
     * Applies an observed event whose personal data was shredded before the projection read it:
     * its type and place in the log are known, its data is not. A view keeps what it can without
     * the data, such as a row with the personal columns left empty. Called instead of
     * {@link #process}; does nothing by default, and the position moves past it all the same.
     *
     * @param event      the event's type and notification
     * @param unitOfWork as for {@link #process}
     * @throws RuntimeException as for {@link #process}
     */
    default void processShredded(ShreddedEvent<?> event, Object unitOfWork) {
    }

    /**
     * Erases or redacts what the view holds of a subject whose personal data was shredded: called
     * once per shredding, at the notification that the application recorded with it (see
     * {@link dev.eventsourcing.application.Shredding}), in log order, after every event of the
     * subject recorded before, whatever {@link #observes} says, and again when the projection is
     * rebuilt from the log. Does nothing by default.
     *
     * @param shredding    the shredding, whose payload names the subject
     * @param notification the shredding's notification
     * @param unitOfWork   as for {@link #process}
     * @throws RuntimeException as for {@link #process}
     */
    default void erase(DomainEvent<Shredding.SubjectShredded> shredding, Notification notification, Object unitOfWork) {
    }

    /**
     * What the runner does with a notification that keeps failing.
     *
     * @return {@link FailurePolicy#PARK} (the default) or {@link FailurePolicy#STOP}
     */
    default FailurePolicy failurePolicy() {
        return FailurePolicy.PARK;
    }
}
