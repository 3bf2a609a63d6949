package dev.eventsourcing.testing;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.EnduringObject;
import dev.eventsourcing.dcb.domain.Group;
import dev.eventsourcing.dcb.domain.Perspective;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;
import dev.eventsourcing.dcb.domain.TaggedDecision;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.dcb.application.EnduringObjectNotFoundException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Tests the decisions of a DCB application in a plain unit test: given decisions with their tags,
 * when a slice executes (or a command runs on an enduring object or a group of them, or an object is
 * created), then the new decisions with their tags, none, or the exception that refused.
 *
 * <pre>{@code
 * DcbFixture.of()
 *         .given(new CourseRegistered(courseId, "Algebra", 1), courseId)
 *         .given(new StudentRegistered(studentId, "Ada"), studentId)
 *         .when(new JoinCourse(courseId, studentId))
 *         .then(TaggedDecision.of(new StudentJoinedCourse(courseId, studentId), courseId, studentId));
 * }</pre>
 *
 * <p>It runs what a deployment runs: each given decision must lie inside the boundary of what is
 * tested (one that would never be read is a mistake in the test, and the error names it); the
 * given decisions are stored through the application's {@link dev.eventsourcing.dcb.application.DcbMapper}
 * in its recorder, read back and compared, and the slice or object is read from its repository; the
 * new decisions are appended on the condition of the boundary, read back and compared with those
 * triggered. So a decision its mapper cannot write or read back fails the test with an
 * {@link AssertionError} that names it. The application is a new in-memory {@link DcbApplication}
 * unless one is given, e.g. the user's own subclass with its mapper configuration.
 *
 * <p>A fixture is for one test: give it decisions, then call a {@code when…} method once. Not
 * thread-safe.
 */
public final class DcbFixture {

    private final DcbApplication application;
    private final List<TaggedDecision> given = new ArrayList<>();
    private boolean ran;

    private DcbFixture(DcbApplication application) {
        this.application = Objects.requireNonNull(application, "application");
    }

    /** @return a fixture storing decisions in a new in-memory application */
    public static DcbFixture of() {
        return new DcbFixture(new DcbApplication("DcbFixture", Settings.empty()));
    }

    /**
     * A fixture storing decisions in the given application, whose mapper is then the one tested.
     * Give it an empty store.
     *
     * @param application the application whose recorder, mapper and repository to use
     * @return the fixture
     */
    public static DcbFixture of(DcbApplication application) {
        return new DcbFixture(application);
    }

    /**
     * Adds decisions with their tags to what happened before, oldest first.
     *
     * @param decisions the decisions with their tags
     * @return this fixture
     */
    public DcbFixture given(TaggedDecision... decisions) {
        for (TaggedDecision decision : decisions) {
            given.add(Objects.requireNonNull(decision, "given decision " + (given.size() + 1)));
        }
        return this;
    }

    /**
     * Adds one decision with its tags to what happened before.
     *
     * @param decision the decision
     * @param tags     its tags
     * @return this fixture
     */
    public DcbFixture given(Decision decision, String... tags) {
        return given(TaggedDecision.of(decision, tags));
    }

    /**
     * Executes a slice on the given decisions, and appends what it decided.
     *
     * @param slice a new slice
     * @param <S>   its type
     * @return the outcome, to check with its {@code then…} methods
     * @throws AssertionError when a given decision lies outside the slice's boundary, or a decision
     *                        does not survive a round trip through the mapper
     */
    public <S extends Slice> DcbOutcome<S> when(S slice) {
        Objects.requireNonNull(slice, "slice");
        start(slice.consistencyBoundary(), "the boundary of slice " + Events.name(slice.getClass()));
        application.repository().advance(slice);
        return ran(slice, slice::execute);
    }

    /**
     * Runs a command on an enduring object rebuilt from the given decisions that carry its id, and
     * appends what it decided.
     *
     * @param type    the object's class
     * @param id      its id
     * @param command what to do with it, e.g. {@code course -> course.changeCapacity(12)}
     * @param <E>     its type
     * @return the outcome, to check with its {@code then…} methods
     * @throws AssertionError        when a given decision does not carry the id, or a decision
     *                               does not survive a round trip through the mapper
     * @throws IllegalStateException when no decision was given
     */
    public <E extends EnduringObject> DcbOutcome<E> when(Class<E> type, String id, Command<? super E> command) {
        Objects.requireNonNull(command, "command");
        if (given.isEmpty()) {
            throw new IllegalStateException("when(type, id, command) runs a command on an existing " + Events.name(type)
                    + ": give the decisions that created it first, or test its creation with whenCreating(...)");
        }
        start(List.of(Selector.tags(id)), "the boundary of " + Events.name(type) + " " + id + " (its id as a tag)");
        E object;
        try {
            object = application.repository().get(id, type);
        } catch (EnduringObjectNotFoundException e) {
            throw new AssertionError("The given decisions do not rebuild " + Events.name(type) + " " + id + ": " + e.getMessage(), e);
        }
        return ran(object, () -> command.execute(object));
    }

    /**
     * Runs a command on a group of enduring objects read in one read from the given decisions (see
     * {@code DcbRepository.getGroup}), and appends what it decided.
     *
     * @param type    the group's class, with a constructor taking one object per id
     * @param command what to do with the group, e.g. {@code Enrolment::join}
     * @param ids     the members' ids, in the order of the constructor's parameters
     * @param <G>     its type
     * @return the outcome, to check with its {@code then…} methods
     * @throws AssertionError when a given decision carries none of the ids, a member has no
     *                        decision, or a decision does not survive a round trip through the mapper
     */
    public <G extends Group> DcbOutcome<G> whenGroup(Class<G> type, Command<? super G> command, String... ids) {
        Objects.requireNonNull(command, "command");
        String what = "the boundary of " + Events.name(type) + " " + String.join(" and ", ids) + " (their ids as tags)";
        start(Arrays.stream(ids).map(Selector::tags).toList(), what);
        G group;
        try {
            group = application.repository().getGroup(type, ids);
        } catch (EnduringObjectNotFoundException e) {
            throw new AssertionError("The given decisions do not rebuild " + Events.name(type) + ": " + e.getMessage(), e);
        }
        return ran(group, () -> command.execute(group));
    }

    /**
     * Runs a command that creates an enduring object, e.g. {@code () -> Course.register("Algebra", 10)},
     * and appends what it decided on the condition that no decision carries its id: given decisions
     * that carry it make the outcome a {@link DcbConditionFailedException}.
     *
     * @param creation makes the new object
     * @param <E>      its type
     * @return the outcome, to check with its {@code then…} methods
     * @throws AssertionError when a decision does not survive a round trip through the mapper
     */
    public <E extends EnduringObject> DcbOutcome<E> whenCreating(Creation<? extends E> creation) {
        Objects.requireNonNull(creation, "creation");
        start(List.of(), "");
        E created;
        try {
            created = creation.create();
        } catch (Exception e) {
            return DcbOutcome.failed(null, e);
        }
        if (created == null || !created.hasPendingDecisions()) {
            throw new IllegalStateException("The creation command returned " + created
                    + ", not a new enduring object made with create(...) and not yet saved");
        }
        return ran(created, () -> { });
    }

    private void start(List<Selector> boundary, String what) {
        if (ran) {
            throw new IllegalStateException("This fixture ran already: make a new fixture for each test");
        }
        ran = true;
        if (!what.isEmpty()) {
            DecisionText.checkInside(given, boundary, what);
        }
        new DecisionRoundTrip(application).store(given);
    }

    private <P extends Perspective> DcbOutcome<P> ran(P perspective, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            return DcbOutcome.failed(perspective, e);
        }
        List<TaggedDecision> triggered = perspective.collectDecisions();
        try {
            new DecisionRoundTrip(application).append(triggered, perspective);
        } catch (DcbConditionFailedException e) {
            // Only given decisions can be in the way, e.g. an object created under an id they carry.
            return DcbOutcome.failed(perspective, e);
        }
        return DcbOutcome.succeeded(perspective, triggered);
    }

    /** What runs between reading and appending. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * A command on an enduring object; it may throw checked exceptions, which the fixture catches
     * for {@link DcbOutcome#thenThrows}.
     *
     * @param <E> the object's type
     */
    @FunctionalInterface
    public interface Command<E> {

        /**
         * Runs the command.
         *
         * @param object the object rebuilt from the given decisions
         * @throws Exception whatever the command throws
         */
        void execute(E object) throws Exception;
    }

    /**
     * A command that creates an enduring object; it may throw checked exceptions, which the fixture
     * catches for {@link DcbOutcome#thenThrows}.
     *
     * @param <E> the object's type
     */
    @FunctionalInterface
    public interface Creation<E> {

        /**
         * Runs the command.
         *
         * @return the new object, with its creating decision not yet saved
         * @throws Exception whatever the command throws
         */
        E create() throws Exception;
    }
}
