package dev.eventsourcing.dcb.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A thing in the world with an identity, whose consistency boundary is its id as a tag: the DCB
 * take on an aggregate. Its id is a string that serves as the tag of every decision about it, such
 * as {@code course:0b8a…}; the decisions it triggers carry it automatically, and the repository
 * rebuilds it from the decisions that carry it (see {@code DcbRepository.get}).
 *
 * <pre>{@code
 * public class Course extends EnduringObject {
 *     private int capacity;
 *     private final Set<String> students = new HashSet<>();
 *
 *     public static Course register(String title, int capacity) {
 *         String id = newId("course");
 *         return create(Course::new, id, new CourseRegistered(id, title, capacity));
 *     }
 *
 *     public void changeCapacity(int capacity) {
 *         if (capacity < students.size()) throw new IllegalStateException("capacity below subscriptions");
 *         trigger(new CapacityChanged(id(), capacity));
 *     }
 *
 *     protected void apply(Decision decision) {
 *         if (decision instanceof CourseRegistered registered) capacity = registered.capacity();
 *         else if (decision instanceof CapacityChanged changed) capacity = changed.capacity();
 *         else if (decision instanceof StudentJoinedCourse joined) students.add(joined.studentId());
 *     }
 * }
 * }</pre>
 *
 * <p>An object is created by a decision carrying its id ({@link #create}); saving it appends on
 * the condition that no decision carries its id yet, so two objects can never be created under one
 * id. Subclasses need a no-argument constructor (of any visibility), from which the repository
 * rebuilds them.
 */
public abstract class EnduringObject extends Perspective {

    private String id;

    /** An object without an id, until {@link #create} or the repository gives it one. */
    protected EnduringObject() {
    }

    /**
     * Creates an object under an id by triggering the decision that creates it.
     *
     * @param constructor makes the empty instance, usually a constructor reference
     * @param id          the new object's id, the tag of every decision about it; see {@link #newId}
     * @param created     the decision that created it, tagged with the id
     * @param tags        more tags for the creating decision
     * @param <E>         the object's type
     * @return the new object, with the creating decision applied and pending
     * @throws IllegalStateException when the constructor returns an object with an id
     * @throws IllegalArgumentException when the id is blank
     */
    protected static <E extends EnduringObject> E create(Supplier<E> constructor, String id, Decision created,
                                                         String... tags) {
        Objects.requireNonNull(created, "created");
        E object = Objects.requireNonNull(constructor.get(), "constructor returned null");
        if (object.id() != null) {
            throw new IllegalStateException("The constructor returned an object that has an id already: " + object);
        }
        object.identify(id);
        object.trigger(created, tags);
        return object;
    }

    /**
     * A new random id with a prefix naming the kind of thing, e.g. {@code newId("course")} gives
     * {@code course:} and a random UUID.
     *
     * @param kind the kind of thing; not blank
     * @return the id
     */
    public static String newId(String kind) {
        if (Objects.requireNonNull(kind, "kind").isBlank()) {
            throw new IllegalArgumentException("The kind of an id must not be blank");
        }
        return kind + ":" + UUID.randomUUID();
    }

    /** @return the object's id; {@code null} only before it is created or rebuilt */
    public final String id() {
        return id;
    }

    /** @return one selector: the decisions that carry this object's id */
    @Override
    public final List<Selector> consistencyBoundary() {
        if (id == null) {
            throw new IllegalStateException(getClass().getName() + " has no id: make enduring objects with create(...)");
        }
        return List.of(Selector.tags(id));
    }

    @Override
    final Set<String> ownTags() {
        if (id == null) {
            throw new IllegalStateException(getClass().getName() + " has no id: make enduring objects with create(...)");
        }
        return Set.of(id);
    }

    /** Gives the object its id, once. */
    final void identify(String newId) {
        Objects.requireNonNull(newId, "id");
        if (newId.isBlank()) {
            throw new IllegalArgumentException("An enduring object's id must not be blank");
        }
        this.id = newId;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id + ", lastKnownPosition=" + lastKnownPosition() + "]";
    }
}
