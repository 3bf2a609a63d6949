package dev.eventsourcing.application;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.Ids;

import java.util.Objects;
import java.util.UUID;

/**
 * The record, in an application's notification log, that a subject's personal data was
 * shredded: {@link Application#shred} saves one in the transaction that deletes the subject's
 * key. Its {@link SubjectShredded} event reaches every projection (as
 * {@link dev.eventsourcing.projection.Projection#erase}) and process application in log order,
 * after every event of the subject that was recorded before, so a view erases what it holds of
 * the subject also when it is rebuilt from the log later.
 *
 * <p>Its id is derived from the subject's ({@link #idOf}), so a subject is shredded once per
 * application.
 */
public final class Shredding extends Aggregate {

    // The namespace of shredding ids: a fixed random UUID, so that they collide with no other ids.
    private static final UUID NAMESPACE = UUID.fromString("0b6f1f8e-3c1a-4a7e-9a55-5d2c3f1e8b70");

    private UUID subject;

    private Shredding() {
    }

    static Shredding of(UUID subject) {
        return create(idOf(subject), Shredding::new, new SubjectShredded(subject));
    }

    /**
     * The id of the shredding of a subject, the same in every application.
     *
     * @param subject the subject's id; not null
     * @return the id derived from the subject's
     */
    public static UUID idOf(UUID subject) {
        return Ids.fromName(NAMESPACE, Objects.requireNonNull(subject, "subject").toString());
    }

    /** @return the subject whose personal data was shredded */
    public UUID subject() {
        return subject;
    }

    /**
     * A subject's key was deleted, and with it every event that carried its personal data.
     *
     * @param subject the subject whose personal data was shredded
     */
    public record SubjectShredded(UUID subject) implements AggregateEvent<Shredding> {
        /**
         * The shredding of a subject.
         *
         * @param subject the subject whose personal data was shredded; not null
         */
        public SubjectShredded {
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public void apply(Shredding shredding) {
            shredding.subject = subject;
        }
    }
}
