package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.example.courses.CoursesClient;
import dev.eventsourcing.example.courses.CoursesClient.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.eventsourcing.example.courses.rest.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Courses over HTTP: register, read, change the capacity. */
interface CoursesApiContract {

    /** The client of the deployed API. */
    CoursesClient client();

    @Test
    default void aRegisteredCourseAnswers201WithItsLocationAndReadsBackWithNoStudents() {
        Reply created = client().post("courses", "{\"title\":\"  Event Sourcing 101 \",\"capacity\":30}");

        assertEquals(201, created.status(), created.text());
        String id = created.field("id");
        assertEquals(UUID.fromString(id).toString(), id);
        assertTrue(created.location().orElseThrow().endsWith("/courses/api/courses/" + id), created.location().get());
        Reply course = client().get("courses/" + id);
        assertEquals(200, course.status(), course.text());
        assertEquals(id, course.field("id"));
        assertEquals("Event Sourcing 101", course.field("title"));
        assertEquals(30, course.body().get("capacity").asInt());
        assertEquals(List.of(), course.list("students"));
    }

    @Test
    default void changingTheCapacityAnswersTheCourseWithTheNewCapacity() {
        String id = client().course("Algebra", 2);

        Reply raised = client().put("courses/" + id + "/capacity", "{\"capacity\":10000}");
        Reply lowered = client().put("courses/" + id + "/capacity", "{\"capacity\":1}");

        assertEquals(200, raised.status(), raised.text());
        assertEquals(10000, raised.body().get("capacity").asInt());
        assertEquals(200, lowered.status(), lowered.text());
        assertEquals(1, lowered.body().get("capacity").asInt());
        assertEquals("Algebra", lowered.field("title"));
        assertEquals(1, client().get("courses/" + id).body().get("capacity").asInt());
    }

    @Test
    default void aCapacityBelowTheCourseSubscriptionsAnswers409AndChangesNothing() {
        String id = client().course("Geometry", 3);
        client().join(id, client().student("Ann"));
        client().join(id, client().student("Ben"));

        Reply belowTwo = client().put("courses/" + id + "/capacity", "{\"capacity\":1}");
        Reply two = client().put("courses/" + id + "/capacity", "{\"capacity\":2}");

        assertError(belowTwo, 409, "capacity_below_subscriptions");
        assertEquals(200, two.status(), two.text());
        assertEquals(2, client().get("courses/" + id).body().get("capacity").asInt());
    }

    @Test
    default void anUnknownCourseAnswers404() {
        String unknown = UUID.randomUUID().toString();
        String student = client().student("Cid");

        assertAll(
                () -> assertError(client().get("courses/" + unknown), 404, "course_not_found"),
                () -> assertError(client().put("courses/" + unknown + "/capacity", "{\"capacity\":5}"), 404,
                        "course_not_found"),
                () -> assertError(client().join(unknown, student), 404, "course_not_found"));
    }
}
