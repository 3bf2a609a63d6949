package dev.eventsourcing.dcb.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbQueryItem;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.dcb.courses.Course;
import dev.eventsourcing.dcb.courses.JoinCourse;
import dev.eventsourcing.dcb.courses.Student;
import dev.eventsourcing.persistence.AesGcmCipher;
import dev.eventsourcing.persistence.DecryptionException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of a {@link DcbApplication} on every backend, as a courses scenario: its
 * repository's reads and saves (see {@link DcbRepositoryTestCase} and {@link DcbGroupTestCase}),
 * commands executed as slices, the invariants that conditional appends keep under concurrent
 * commands, and compressed, encrypted decisions read back after a restart. A backend runs it by
 * extending this class and implementing {@link #backendSettings()}.
 */
public abstract class DcbApplicationTestCase extends DcbGroupTestCase {

    /** How long the commands of one race may take together, on a slow database too. */
    private static final Duration RACE_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void executingASliceAdvancesItDecidesAndSavesOnItsBoundary() {
        Course course = Course.register("Algebra", 2);
        Student student = Student.register("Ada");
        repository().save(course, student);

        List<Long> appended = new ArrayList<>();
        courses().addAppendListener(appended::add);
        assertEquals(3, courses().execute(new JoinCourse(course.id(), student.id())));
        assertEquals(List.of(3L), appended);
        assertEquals(List.of(student.id()), repository().get(course.id(), Course.class).students());
        assertEquals(1, courses().evaluate(new JoinCourse(course.id(), student.id())).studentsOfCourse());
    }

    @Test
    void aSliceThatRefusesSavesNothing() {
        Course course = Course.register("Algebra", 1);
        Student ada = Student.register("Ada");
        Student bob = Student.register("Bob");
        repository().save(course, ada, bob);
        courses().execute(new JoinCourse(course.id(), ada.id()));

        IllegalStateException full = assertThrows(IllegalStateException.class,
                () -> courses().execute(new JoinCourse(course.id(), bob.id())));
        assertEquals("course full", full.getMessage());
        assertEquals(4, recorder().head().getAsLong());
    }

    @Test
    void aNewObjectsIdIsUniqueUnderARace() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = "course:race-" + round;
            List<Boolean> outcomes = race(8, () -> {
                try {
                    repository().save(Course.register(id, "Course", 10));
                    return true;
                } catch (DcbConditionFailedException e) {
                    return false;
                }
            });
            assertEquals(1, outcomes.stream().filter(won -> won).count(), "winners of round " + round);
            assertEquals(1, recorder().read(DcbQuery.of(DcbQueryItem.tags(id)), 0).events().size());
        }
    }

    @Test
    void aNewObjectsIdIsUniqueUnderARaceBetweenApplicationsOnOneStore() throws Exception {
        List<Courses> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(courses(Map.of()));
        }
        for (int round = 0; round < 10; round++) {
            String id = "course:nodes-" + round;
            List<Courses> queue = new CopyOnWriteArrayList<>(nodes);
            List<Boolean> outcomes = race(nodes.size(), () -> {
                Courses node = queue.remove(0);
                try {
                    node.repository().save(Course.register(id, "Course", 10));
                    return true;
                } catch (DcbConditionFailedException e) {
                    return false;
                }
            });
            assertEquals(1, outcomes.stream().filter(won -> won).count(), "winners of round " + round);
            assertEquals(1, recorder().read(DcbQuery.of(DcbQueryItem.tags(id)), 0).events().size());
        }
    }

    @Test
    void concurrentJoinsNeverExceedACoursesCapacity() throws Exception {
        Course course = Course.register("Algebra", 3);
        repository().save(course);
        List<String> students = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            Student student = Student.register("Student " + i);
            repository().save(student);
            students.add(student.id());
        }
        List<Boolean> outcomes = race(10, () -> joinWithRetries(course.id(), students.remove(0)));
        assertEquals(3, outcomes.stream().filter(joined -> joined).count());
        assertEquals(3, repository().get(course.id(), Course.class).students().size());
    }

    @Test
    void aStudentJoiningEightCoursesAtOnceJoinsFive() throws Exception {
        Student student = Student.register("Ada");
        repository().save(student);
        List<String> courseIds = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            Course course = Course.register("Course " + i, 10);
            repository().save(course);
            courseIds.add(course.id());
        }
        List<Boolean> outcomes = race(8, () -> joinWithRetries(courseIds.remove(0), student.id()));
        assertEquals(Student.MAX_COURSES, outcomes.stream().filter(joined -> joined).count());
        assertEquals(Student.MAX_COURSES, repository().get(student.id(), Student.class).courses().size());
    }

    private boolean joinWithRetries(String courseId, String studentId) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                courses().execute(new JoinCourse(courseId, studentId));
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
            long deadline = System.nanoTime() + RACE_TIMEOUT.toNanos();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aCompressedAndEncryptedApplicationStoresNoPlainDataAndReadsItsDecisionsBackAfterARestart() {
        Map<String, String> secure = Map.of(Settings.COMPRESSOR, "zlib", Settings.CIPHER_KEY, AesGcmCipher.generateKey());
        Courses writer = courses(secure);
        Course course = Course.register("Algebra", 3);
        Student ada = Student.register("Ada Lovelace");
        writer.repository().save(course, ada);
        assertEquals(3, writer.execute(new JoinCourse(course.id(), ada.id())));
        List<DcbSequencedEvent> stored = writer.recorder().read(DcbQuery.all(), 0).events();
        for (DcbSequencedEvent event : stored) {
            String data = new String(event.event().data(), StandardCharsets.ISO_8859_1);
            assertFalse(data.contains("Algebra") || data.contains("Lovelace") || data.contains(ada.id()), data);
        }
        assertEquals(List.of("courses.CourseRegistered", "courses.StudentRegistered", "courses.StudentJoinedCourse"),
                stored.stream().map(event -> event.event().type()).toList());
        writer.close();

        Courses restarted = courses(secure);
        assertTrue(restarted.mapper().mapper().compressor().isPresent());
        assertTrue(restarted.mapper().mapper().cipher().isPresent());
        assertEquals(stored, restarted.recorder().read(DcbQuery.all(), 0).events());
        Course read = restarted.repository().get(course.id(), Course.class);
        assertEquals("Algebra", read.title());
        assertEquals(List.of(ada.id()), read.students());
        assertEquals(List.of(course.id()), restarted.repository().get(ada.id(), Student.class).courses());

        Courses otherKey = courses(Map.of(Settings.COMPRESSOR, "zlib", Settings.CIPHER_KEY, AesGcmCipher.generateKey()));
        assertThrows(DecryptionException.class, () -> otherKey.repository().get(course.id(), Course.class));
    }
}
