package dev.eventsourcing.cdi;

import dev.eventsourcing.projection.FailurePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean as a projection: a materialised view that receives each stored event exactly
 * once, in notification order, through its {@code @Observes} methods.
 *
 * <pre>{@code
 * @Projection("balances")
 * public class Balances {
 *     @PersistenceContext EntityManager em;
 *     void on(@Observes BankAccount.Deposited e, Notification n) { ... }
 * }
 * }</pre>
 *
 * <p>The annotation is a stereotype that makes the class an {@code @ApplicationScoped} bean, so
 * it is discovered in every bean archive. The name keys the projection's tracking position: keep
 * it constant, and unique in the deployment. Each observer method observes an event type (an
 * {@link dev.eventsourcing.domain.AggregateEvent} record, or an interface such as an aggregate's
 * sealed {@code Event}), synchronously, and may also declare parameters of these types:
 * <ul>
 * <li>{@link dev.eventsourcing.persistence.Notification}: the stored event with its id in the
 *     application's log, originator id and version;</li>
 * <li>{@link dev.eventsourcing.domain.DomainEvent}: the event with its originator id, version and
 *     timestamp;</li>
 * <li>{@code jakarta.persistence.EntityManager}: with the JPA backend, the entity manager of the
 *     transaction in which the position is recorded; write the view through it in Java SE. In a
 *     container, an injected {@code @PersistenceContext} entity manager joins the same JTA
 *     transaction too.</li>
 * </ul>
 * The extension calls these methods itself (the CDI event bus never does), on the bean instance,
 * so interceptors on them do not apply: the runner already owns the transaction. Deployment
 * fails (ids {@code ESCDI}) for a blank or duplicate name, an observed type that is no event, a
 * parameter of another type, an asynchronous or transactional observer, or another scope.
 */
@Stereotype
@ApplicationScoped
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Projection {

    /** @return the projection's name, which keys its tracking position and its parked notifications; not blank */
    String value();

    /**
     * What happens to a notification whose handler keeps failing, or that cannot be decoded:
     * parked (the default: later notifications of its originator are parked behind it, the rest
     * of the log goes on) or the projection stops at it until it succeeds (for views that need
     * the log's total order). The setting {@code eventsourcing.<name>.projection.failure-policy}
     * overrides it.
     *
     * @return {@link FailurePolicy#PARK} (the default) or {@link FailurePolicy#STOP}
     */
    FailurePolicy failurePolicy() default FailurePolicy.PARK;
}
