package dev.eventsourcing.dcb.application;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbQueryItem;
import dev.eventsourcing.dcb.DcbRecorder;
import dev.eventsourcing.dcb.courses.Course;
import dev.eventsourcing.dcb.courses.CourseDecision;
import dev.eventsourcing.dcb.courses.JoinCourse;
import dev.eventsourcing.dcb.courses.Student;
import dev.eventsourcing.dcb.inmemory.InMemoryDcbRecorder;
import dev.eventsourcing.persistence.Infrastructure;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.UnknownTopicException;
import dev.eventsourcing.persistence.inmemory.InMemoryInfrastructureFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DcbApplicationTest {

    /** The application as a user writes it. */
    static class Courses extends DcbApplication {
        Courses(Settings settings) {
            super(settings);
        }

        @Override
        protected Set<Class<?>> domainClasses() {
            return Set.of(CourseDecision.class);
        }
    }

    private final Courses courses = new Courses(Settings.empty());

    @Test
    void anApplicationIsNamedByItsClassAndStoresInMemoryByDefault() {
        assertEquals("Courses", courses.name());
        assertInstanceOf(InMemoryDcbRecorder.class, courses.recorder());
        assertSame(courses.recorder(), courses.repository().recorder());
        assertEquals("Registry", new DcbApplication("Registry", Settings.empty()).name());
        assertEquals("DcbApplication", new DcbApplication().name());
    }

    @Test
    void anApplicationRunsOnTheInfrastructureAndMetricsItsEnvironmentGivesWithSettingsScopedToItsName() {
        List<String> made = new ArrayList<>();
        List<String> appends = new ArrayList<>();
        Infrastructure infrastructure = (name, settings) -> {
            made.add(name);
            return new InMemoryInfrastructureFactory(name, settings);
        };
        MetricsListener metrics = new MetricsListener() {
            @Override
            public void appended(String application, int events, Duration duration) {
                appends.add(application + " " + events);
            }
        };
        Settings settings = Environment.of(
                Settings.of(Map.of("Courses.compressor", "zlib")), infrastructure, metrics);
        try (Courses inContainer = new Courses(settings)) {
            assertEquals(List.of("Courses"), made);
            assertTrue(inContainer.mapper().mapper().compressor().isPresent());
            assertEquals(Optional.of("zlib"), inContainer.settings().get(Settings.COMPRESSOR));
            inContainer.repository().save(Course.register("Algebra", 3), Student.register("Ada"));
            assertEquals(List.of("Courses 2"), appends);
        }
    }

    @Test
    void executingASliceAdvancesItDecidesAndSavesOnItsBoundary() {
        Course course = Course.register("Algebra", 2);
        Student student = Student.register("Ada");
        courses.repository().save(course, student);

        List<Long> appended = new ArrayList<>();
        courses.addAppendListener(appended::add);
        assertEquals(3, courses.execute(new JoinCourse(course.id(), student.id())));
        assertEquals(List.of(3L), appended);
        assertEquals(List.of(student.id()), courses.repository().get(course.id(), Course.class).students());
        assertEquals(1, courses.evaluate(new JoinCourse(course.id(), student.id())).studentsOfCourse());
    }

    @Test
    void aSliceThatRefusesSavesNothing() {
        Course course = Course.register("Algebra", 1);
        Student ada = Student.register("Ada");
        Student bob = Student.register("Bob");
        courses.repository().save(course, ada, bob);
        courses.execute(new JoinCourse(course.id(), ada.id()));

        IllegalStateException full = assertThrows(IllegalStateException.class,
                () -> courses.execute(new JoinCourse(course.id(), bob.id())));
        assertEquals("course full", full.getMessage());
        assertEquals(4, courses.recorder().head().getAsLong());
    }

    @Test
    void aNewObjectsIdIsUniqueUnderARace() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = "course:race-" + round;
            List<Boolean> outcomes = race(8, () -> {
                try {
                    courses.repository().save(Course.register(id, "Course", 10));
                    return true;
                } catch (DcbConditionFailedException e) {
                    return false;
                }
            });
            assertEquals(1, outcomes.stream().filter(won -> won).count(), "winners of round " + round);
            assertEquals(1, courses.recorder().read(DcbQuery.of(DcbQueryItem.tags(id)), 0)
                    .events().size());
        }
    }

    @Test
    void concurrentJoinsNeverExceedACoursesCapacity() throws Exception {
        Course course = Course.register("Algebra", 3);
        courses.repository().save(course);
        List<String> students = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Student student = Student.register("Student " + i);
            courses.repository().save(student);
            students.add(student.id());
        }
        List<String> queue = new CopyOnWriteArrayList<>(students);
        List<Boolean> outcomes = race(10, () -> joinWithRetries(course.id(), queue.remove(0)));
        assertEquals(3, outcomes.stream().filter(joined -> joined).count());
        assertEquals(3, courses.repository().get(course.id(), Course.class).students().size());
    }

    @Test
    void aStudentJoiningEightCoursesAtOnceJoinsFive() throws Exception {
        Student student = Student.register("Ada");
        courses.repository().save(student);
        List<String> queue = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            Course course = Course.register("Course " + i, 10);
            courses.repository().save(course);
            queue.add(course.id());
        }
        List<Boolean> outcomes = race(8, () -> joinWithRetries(queue.remove(0), student.id()));
        assertEquals(Student.MAX_COURSES, outcomes.stream().filter(joined -> joined).count());
        assertEquals(Student.MAX_COURSES, courses.repository().get(student.id(), Student.class).courses().size());
    }

    private boolean joinWithRetries(String courseId, String studentId) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                courses.execute(new JoinCourse(courseId, studentId));
                return true;
            } catch (DcbConditionFailedException e) {
                // Another join won the race: decide again on what it stored.
            } catch (IllegalStateException refused) {
                return false;
            }
        }
        throw new AssertionError("no decision after 50 attempts");
    }

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aDecisionOfAnUndeclaredClassIsReadOnlyOnceDeclared() {
        Course course = Course.register("Algebra", 2);
        courses.repository().save(course);
        DcbApplication reader = new DcbApplication("Reader", Settings.empty()) {
            @Override
            protected DcbRecorder constructRecorder(InfrastructureFactory factory) {
                return courses.recorder();
            }
        };
        var stored = courses.recorder().read(DcbQuery.all(), 0).events().get(0);
        UnknownTopicException unknown = assertThrows(
                UnknownTopicException.class, () -> reader.mapper().toDecision(stored));
        assertEquals("courses.CourseRegistered", unknown.topic());
        assertTrue(unknown.getMessage().startsWith("Cannot read the decision at position 1: its type"
                + " 'courses.CourseRegistered' names no decision class this application knows"), unknown.getMessage());
        assertThrows(UnknownTopicException.class,
                () -> reader.repository().get(course.id(), Course.class));

        reader.mapper().declare(CourseDecision.class);
        assertEquals("Algebra", reader.repository().get(course.id(), Course.class).title());
    }
}
