package dev.eventsourcing.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The topic under which an event record, or an aggregate class for its snapshots, is stored:
 * a stable name of its own, so that renaming or moving the class changes nothing stored.
 *
 * <pre>{@code
 * @Topic("bank.AccountOpened")
 * public record Opened(String owner) implements Event { ... }
 * }</pre>
 *
 * <p>Classes without it are stored under their binary name ({@code com.example.Account$Opened}).
 * A topic must not be blank, and two classes known to one mapper must not share a topic: the
 * mapper refuses both at declaration. Events stored under the binary name before the annotation
 * was added still read as the class, as long as the class keeps that name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Topic {

    /** @return the topic; not blank, e.g. {@code "bank.AccountOpened"} */
    String value();
}
