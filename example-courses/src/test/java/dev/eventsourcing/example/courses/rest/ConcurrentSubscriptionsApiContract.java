package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.example.courses.CoursesClient;
import dev.eventsourcing.example.courses.CoursesClient.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The courses' invariants under many concurrent clients: a course never has more students than
 * its capacity, a student never more than five courses, a student never joins one course twice.
 * Every client gets a real answer: races lost inside the server are decided again there.
 */
interface ConcurrentSubscriptionsApiContract {

    /** The client of the deployed API. */
    CoursesClient client();

    @Test
    default void thirtyStudentsJoiningACourseOfTenConcurrentlyLeaveExactlyTenJoined() throws Exception {
        String course = client().course("Popular", 10);
        List<String> students = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            students.add(client().student("Student " + i));
        }

        Map<String, Integer> answers = concurrently(students.stream()
                .<Callable<Reply>>map(student -> () -> client().join(course, student)).toList());

        assertEquals(Map.of("201", 10, "409 course_full", 20), answers);
        List<String> joined = client().get("courses/" + course).list("students");
        assertEquals(10, joined.size());
        assertEquals(10, new HashSet<>(joined).size());
    }

    @Test
    default void aStudentJoiningEightCoursesConcurrentlyJoinsExactlyFive() throws Exception {
        String student = client().student("Eager");
        List<String> courses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            courses.add(client().course("Elective " + i, 10));
        }

        Map<String, Integer> answers = concurrently(courses.stream()
                .<Callable<Reply>>map(course -> () -> client().join(course, student)).toList());

        assertEquals(Map.of("201", 5, "409 student_limit", 3), answers);
        List<String> joined = client().get("students/" + student).list("courses");
        assertEquals(5, joined.size());
        int listing = 0;
        for (String course : courses) {
            listing += client().get("courses/" + course).list("students").size();
        }
        assertEquals(5, listing);
    }

    @Test
    default void theSameJoinSentTenTimesConcurrentlyJoinsOnce() throws Exception {
        String course = client().course("Once", 10);
        String student = client().student("Twin");
        List<Callable<Reply>> joins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            joins.add(() -> client().join(course, student));
        }

        Map<String, Integer> answers = concurrently(joins);

        assertEquals(Map.of("201", 1, "409 already_joined", 9), answers);
        assertEquals(List.of(student), client().get("courses/" + course).list("students"));
        assertEquals(List.of(course), client().get("students/" + student).list("courses"));
    }

    /** Sends all requests at once, one client thread each; counts the answers by status and code. */
    private static Map<String, Integer> concurrently(List<Callable<Reply>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (Callable<Reply> request : requests) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "the requests did not finish in time");
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> answers = new TreeMap<>();
        for (Future<Reply> reply : replies) {
            Reply answer = reply.get();
            String key = answer.status() == 201 ? "201" : answer.status() + " " + answer.field("error");
            answers.merge(key, 1, Integer::sum);
        }
        return answers;
    }
}
