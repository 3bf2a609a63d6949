package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.example.courses.CoursesClient;
import dev.eventsourcing.example.courses.CoursesClient.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.eventsourcing.example.courses.rest.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Students over HTTP: register and read. */
interface StudentsApiContract {

    /** The client of the deployed API. */
    CoursesClient client();

    @Test
    default void aRegisteredStudentAnswers201WithItsLocationAndReadsBackWithNoCourses() {
        Reply created = client().post("students", "{\"name\":\"Dora Dörfler\"}");

        assertEquals(201, created.status(), created.text());
        String id = created.field("id");
        assertTrue(created.location().orElseThrow().endsWith("/courses/api/students/" + id), created.location().get());
        Reply student = client().get("students/" + id);
        assertEquals(200, student.status(), student.text());
        assertEquals(id, student.field("id"));
        assertEquals("Dora Dörfler", student.field("name"));
        assertEquals(List.of(), student.list("courses"));
    }

    @Test
    default void anUnknownStudentAnswers404() {
        String course = client().course("Logic", 5);
        String unknown = UUID.randomUUID().toString();

        assertError(client().get("students/" + unknown), 404, "student_not_found");
        assertError(client().join(course, unknown), 404, "student_not_found");
        assertEquals(List.of(), client().get("courses/" + course).list("students"));
    }
}
