package dev.eventsourcing.dcb.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The steps that a repository, or a test fixture, takes on perspectives from outside: rebuilding an
 * enduring object, folding stored decisions into a perspective, recording the position it is up to
 * date with, and collecting the decisions of several perspectives in the order they were triggered.
 * User code rarely needs it.
 */
public final class Perspectives {

    private Perspectives() {
    }

    /**
     * An empty enduring object with an id, to fold its decisions into.
     *
     * @param type the object's class; needs a no-argument constructor of any visibility
     * @param id   the object's id
     * @param <E>  the object's type
     * @return a new instance with the id, at position 0
     * @throws IllegalArgumentException when the class has no no-argument constructor
     * @throws IllegalStateException    when the constructor fails or cannot be called
     */
    public static <E extends EnduringObject> E newInstance(Class<E> type, String id) {
        E object;
        try {
            Constructor<E> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            object = constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Enduring object class " + type.getName()
                    + " needs a no-argument constructor so that it can be rebuilt from its decisions", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Constructor of " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot construct enduring object class " + type.getName(), e);
        }
        object.identify(id);
        return object;
    }

    /**
     * Folds a stored decision into a perspective, unless the perspective has seen its position
     * already; a group hands it to the members whose ids it carries.
     *
     * @param perspective the perspective
     * @param decision    the decision with its tags
     * @param position    its position in the store
     */
    public static void fold(Perspective perspective, TaggedDecision decision, long position) {
        perspective.receive(decision, position);
    }

    /**
     * Records that a perspective (and a group's members) is up to date with the store at a
     * position; a lower position than the one it has changes nothing.
     *
     * @param perspective the perspective
     * @param position    the head of its read, or the position of its save
     */
    public static void advancedTo(Perspective perspective, long position) {
        perspective.advancedTo(position);
    }

    /**
     * Takes the pending decisions of several perspectives (a group's members' included), in the
     * order they were triggered, and forgets them.
     *
     * @param perspectives the perspectives
     * @param owner        told, for each decision in order, which of the perspectives triggered it
     * @return their decisions with their tags, oldest first
     */
    public static List<TaggedDecision> collect(List<? extends Perspective> perspectives,
                                               BiConsumer<Perspective, TaggedDecision> owner) {
        List<Owned> pending = new ArrayList<>();
        for (Perspective perspective : perspectives) {
            perspective.drain().forEach(one -> pending.add(new Owned(perspective, one)));
        }
        pending.sort(Comparator.comparingLong(owned -> owned.pending().order()));
        pending.forEach(owned -> owner.accept(owned.perspective(), owned.pending().decision()));
        return pending.stream().map(owned -> owned.pending().decision()).toList();
    }

    private record Owned(Perspective perspective, Perspective.Pending pending) {
    }
}
