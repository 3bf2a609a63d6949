package dev.eventsourcing.dcb.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Several enduring objects that one decision concerns together: its boundary is the union of
 * theirs, and a decision it triggers carries all their ids, so it is applied to each of them and
 * saved on the condition that none of them changed since they were read.
 *
 * <pre>{@code
 * public class Enrolment extends Group {
 *     private final Course course;
 *     private final Student student;
 *
 *     public Enrolment(Course course, Student student) {
 *         super(course, student);
 *         this.course = course;
 *         this.student = student;
 *     }
 *
 *     public void join() {
 *         if (course.isFull()) throw new IllegalStateException("course full");
 *         trigger(new StudentJoinedCourse(course.id(), student.id()));
 *     }
 * }
 * }</pre>
 *
 * <p>The repository's {@code getGroup} reads the members in one read and calls the group's
 * constructor, which takes them in the order of the ids asked for. A group made of members read at
 * different times starts at the lowest of their last known positions, so its condition covers what
 * each of them may have missed. Decisions the members trigger themselves are saved with the group's,
 * in the order they were triggered.
 */
public abstract class Group extends Perspective {

    private final List<EnduringObject> members;

    /**
     * A group of created or rebuilt objects.
     *
     * @param members the objects, each with an id
     * @throws IllegalArgumentException when there is no member or two have the same id
     */
    protected Group(EnduringObject... members) {
        this.members = List.of(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("A group needs at least one member");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (EnduringObject member : this.members) {
            if (!ids.add(Objects.requireNonNull(member.id(), "a member's id"))) {
                throw new IllegalArgumentException("A group cannot have two members with id " + member.id());
            }
        }
        startAt(this.members.stream().mapToLong(Perspective::lastKnownPosition).min().orElse(0));
    }

    /** @return the members, in the order the group was made with */
    public final List<EnduringObject> members() {
        return members;
    }

    /** @return the members' boundaries together: the decisions that carry one of their ids */
    @Override
    public List<Selector> consistencyBoundary() {
        List<Selector> boundary = new ArrayList<>();
        members.forEach(member -> boundary.addAll(member.consistencyBoundary()));
        return boundary;
    }

    /**
     * Folds a decision into the group's own state, if it keeps any besides its members'; the
     * members are given the decision first. Does nothing by default.
     *
     * @param decision the decision
     */
    @Override
    protected void apply(Decision decision) {
    }

    @Override
    public boolean hasPendingDecisions() {
        return super.hasPendingDecisions() || members.stream().anyMatch(Perspective::hasPendingDecisions);
    }

    @Override
    final Set<String> ownTags() {
        Set<String> ids = new LinkedHashSet<>();
        members.forEach(member -> ids.add(member.id()));
        return ids;
    }

    @Override
    final void applyTriggered(TaggedDecision decision) {
        members.forEach(member -> member.applyTriggered(decision));
        super.applyTriggered(decision);
    }

    @Override
    final void receive(TaggedDecision decision, long position) {
        for (EnduringObject member : members) {
            if (decision.tags().contains(member.id())) {
                member.receive(decision, position);
            }
        }
        super.receive(decision, position);
    }

    @Override
    final void advancedTo(long position) {
        members.forEach(member -> member.advancedTo(position));
        super.advancedTo(position);
    }

    @Override
    final List<Pending> drain() {
        List<Pending> drained = new ArrayList<>(super.drain());
        members.forEach(member -> drained.addAll(member.drain()));
        return drained;
    }
}
