package dev.eventsourcing.dcb.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbRecorder;
import dev.eventsourcing.dcb.courses.Course;
import dev.eventsourcing.dcb.courses.CourseDecision;
import dev.eventsourcing.dcb.courses.Enrolment;
import dev.eventsourcing.dcb.courses.Student;
import dev.eventsourcing.persistence.Infrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a DCB application's repository does with enduring objects on a store of the backend under
 * test: saving and getting them by their ids, refusing a second object under a taken id, reading
 * several in one read and routing each decision by its tags, and advancing one by reading only
 * what is new. Part of {@link DcbApplicationTestCase}; extend that class, not this one.
 *
 * <p>Each test works on one store of its own, made on first use from {@link #backendSettings()};
 * the applications a test makes with {@link #courses(Map)} share it, as the nodes of a deployment
 * share a database, and are closed after the test.
 */
public abstract class DcbRepositoryTestCase {

    private final List<DcbApplication> opened = new CopyOnWriteArrayList<>();
    private Settings store;
    private Courses courses;

    /**
     * Settings that select the backend under test, for a fresh, empty store on every call. An
     * {@link Environment} keeps its infrastructure for every application made on the store.
     *
     * @return the settings of a new store
     */
    protected abstract Settings backendSettings();

    /**
     * A new courses application on this test's store, with extra settings on top: after another
     * one was closed, it is that one restarted. Synchronized, as the first call may come from the
     * threads of a race, which must all work on one store.
     */
    synchronized Courses courses(Map<String, String> extra) {
        if (store == null) {
            store = backendSettings();
        }
        Settings settings = Settings.of(extra).orElse(store);
        Infrastructure infrastructure = store instanceof Environment environment ? environment.infrastructure()
                : Infrastructure.FROM_SETTINGS;
        Courses application = new Courses(Environment.of(settings, infrastructure));
        opened.add(application);
        return application;
    }

    /** The test's courses application with default settings, made on first use. */
    synchronized Courses courses() {
        if (courses == null) {
            courses = courses(Map.of());
        }
        return courses;
    }

    DcbRepository repository() {
        return courses().repository();
    }

    DcbRecorder recorder() {
        return courses().recorder();
    }

    @AfterEach
    void closeApplications() {
        opened.forEach(DcbApplication::close);
    }

    @Test
    void aNewEnduringObjectIsSavedWithItsIdAsTagAndGotBackFromIt() {
        Course course = Course.register("Algebra", 10);
        assertEquals(1, repository().save(course));
        assertEquals(1, course.lastKnownPosition());
        assertFalse(course.hasPendingDecisions());

        Course again = repository().get(course.id(), Course.class);
        assertEquals("Algebra", again.title());
        assertEquals(10, again.capacity());
        assertEquals(1, again.lastKnownPosition());
        assertEquals(Set.of(course.id()), recorder().read(DcbQuery.all(), 0).events().get(0).event().tags());
        assertEquals("courses.CourseRegistered", recorder().read(DcbQuery.all(), 0).events().get(0).event().type());
    }

    @Test
    void anObjectSavedAgainAppendsAfterItsOwnDecisions() {
        Course course = Course.register("Algebra", 10);
        repository().save(course);
        course.changeCapacity(12);
        assertEquals(2, repository().save(course));
        assertEquals(12, repository().get(course.id(), Course.class).capacity());
    }

    @Test
    void anObjectNoDecisionIsTaggedWithIsNotFound() {
        EnduringObjectNotFoundException e = assertThrows(EnduringObjectNotFoundException.class,
                () -> repository().get("course:none", Course.class));
        assertEquals("course:none", e.id());
        assertEquals("No Course with id 'course:none': no decision is tagged with it", e.getMessage());
    }

    @Test
    void aSecondObjectCreatedUnderATakenIdIsRefused() {
        repository().save(Course.register("course:1", "Algebra", 10));
        Course twin = Course.register("course:1", "Geometry", 20);
        assertThrows(DcbConditionFailedException.class, () -> repository().save(twin));
        assertEquals(1, recorder().head().getAsLong());
        assertEquals("Algebra", repository().get("course:1", Course.class).title());
    }

    @Test
    void getManyReadsOnceAndRoutesEachDecisionToTheObjectsWhoseIdsItCarries() {
        Course algebra = Course.register("Algebra", 10);
        Course geometry = Course.register("Geometry", 10);
        Student ada = Student.register("Ada");
        repository().save(algebra, geometry, ada);
        Enrolment enrolment = repository().getGroup(Enrolment.class, geometry.id(), ada.id());
        enrolment.join();
        repository().save(enrolment);

        CountingRecorder counting = new CountingRecorder(recorder());
        DcbRepository counted = new DcbRepository(counting, repository().mapper());
        List<Course> many = counted.getMany(Course.class, algebra.id(), geometry.id());
        assertEquals(1, counting.afters().size());
        assertEquals(3, counting.returned());
        assertEquals(List.of("Algebra", "Geometry"), many.stream().map(Course::title).toList());
        assertEquals(List.of(), many.get(0).students());
        assertEquals(List.of(ada.id()), many.get(1).students());
        assertEquals(List.of(4L, 4L), many.stream().map(Course::lastKnownPosition).toList());
        EnduringObjectNotFoundException missing = assertThrows(EnduringObjectNotFoundException.class,
                () -> counted.getMany(Course.class, algebra.id(), "course:none"));
        assertEquals("course:none", missing.id());
        assertThrows(IllegalArgumentException.class, () -> counted.getMany(Course.class, algebra.id(), algebra.id()));
    }

    @Test
    void advanceReadsOnlyWhatIsNewAfterTheLastKnownPosition() {
        Course course = Course.register("Algebra", 10);
        repository().save(course);
        repository().save(Course.register("Unrelated", 3));
        Course copy = repository().get(course.id(), Course.class);
        assertEquals(2, copy.lastKnownPosition());

        course.changeCapacity(20);
        repository().save(course);
        repository().save(Course.register("Unrelated too", 3));

        CountingRecorder counting = new CountingRecorder(recorder());
        DcbRepository counted = new DcbRepository(counting, repository().mapper());
        counted.advance(copy);
        assertEquals(List.of(2L), counting.afters());
        assertEquals(1, counting.returned());
        assertEquals(20, copy.capacity());
        assertEquals(4, copy.lastKnownPosition());

        counted.advance(copy);
        assertEquals(List.of(2L, 4L), counting.afters());
        assertEquals(1, counting.returned());
        assertEquals(20, copy.capacity());
    }

    @Test
    void perspectivesSavedTogetherAreAppendedAtOnceInTheOrderTriggered() {
        Course course = Course.register("Algebra", 10);
        Student student = Student.register("Ada");
        assertEquals(2, repository().save(student, course));
        assertEquals(2, course.lastKnownPosition());
        assertEquals(2, student.lastKnownPosition());
        assertEquals(List.of(CourseDecision.CourseRegistered.class, CourseDecision.StudentRegistered.class),
                recorder().read(DcbQuery.all(), 0).events().stream()
                        .map(event -> repository().mapper().toDecision(event).decision().getClass()).toList());
    }
}
