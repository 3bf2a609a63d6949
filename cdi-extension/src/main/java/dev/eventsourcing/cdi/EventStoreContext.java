package dev.eventsourcing.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the container-managed entity manager the JPA event store works through, when the
 * deployment hands it over itself with a resource producer:
 *
 * <pre>{@code
 * @Produces @EventStoreContext @PersistenceContext(unitName = "bank")
 * EntityManager eventStore;
 * }</pre>
 *
 * <p>Exactly one such bean may exist; it may live in any archive of the deployment. Without one,
 * the extension asks the container to inject the unit named by
 * {@code eventsourcing.jpa.persistence-unit} (or the deployment's only unit) by itself. That is
 * enough on WildFly; Payara injects {@code @PersistenceContext} only where its own scan of the
 * class files or a deployment descriptor declares it, never where an extension added it, so
 * there the producer is needed. Either way the event store joins the container's JTA
 * transactions.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface EventStoreContext {

    /** The qualifier as a value, for programmatic lookup. */
    final class Literal extends AnnotationLiteral<EventStoreContext> implements EventStoreContext {
        private static final long serialVersionUID = 1L;

        /** The one instance. */
        public static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}
