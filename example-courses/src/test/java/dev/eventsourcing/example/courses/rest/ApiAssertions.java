package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.example.courses.CoursesClient.Reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Assertions on the API's answers. */
final class ApiAssertions {

    private ApiAssertions() {
    }

    /** The reply is the JSON error {@code {"error": code, "message": "…"}} with the status. */
    static void assertError(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.text());
        assertEquals(code, reply.field("error"), reply.text());
        assertFalse(reply.field("message") == null || reply.field("message").isBlank(), reply.text());
    }
}
