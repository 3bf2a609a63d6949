package dev.eventsourcing.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event type as carrying the personal data of one subject: the mapper encrypts each
 * such event with that subject's own key, and deleting the key
 * ({@code Application.shred(subject)}) makes every one of them unreadable for good, while the
 * application's other events stay readable.
 *
 * <pre>{@code
 * @PersonalData                                  // the subject is the account (the originator id)
 * public record Opened(String fullName, String emailAddress) implements Event { ... }
 *
 * @PersonalData(subject = "customerId")          // the subject is the customer the event names
 * public record AddressGiven(UUID customerId, String address) implements Event { ... }
 * }</pre>
 *
 * <p>The subject is the event's originator (the aggregate it happened to) by default, or the
 * {@code UUID} that the record component (or public no-argument method) named by
 * {@link #subject()} returns. The subject's key is made when its first personal event is
 * written. Snapshots of an aggregate with a personal event type about its own id are encrypted
 * with the aggregate's key too, so that shredding it leaves no copy of the data readable.
 *
 * <p>Only the event's state is encrypted: its topic, originator id and version stay readable, so
 * a shredded event still holds its place in the notification log.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PersonalData {

    /**
     * The name of the record component, or public no-argument method, that returns the subject's
     * id as a {@code UUID}; empty (the default) for the event's originator id.
     *
     * @return the component or method name, or empty for the originator id
     */
    String subject() default "";
}
