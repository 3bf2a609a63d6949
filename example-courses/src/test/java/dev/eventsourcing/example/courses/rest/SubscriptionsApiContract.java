package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.example.courses.CoursesClient;
import dev.eventsourcing.example.courses.CoursesClient.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.eventsourcing.example.courses.rest.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Students joining and leaving courses over HTTP, and the rules that refuse a join or a leave. */
interface SubscriptionsApiContract {

    /** The client of the deployed API. */
    CoursesClient client();

    @Test
    default void aJoinAnswers201WithTheCourseAndBothSidesListEachOther() {
        String course = client().course("Databases", 5);
        String eve = client().student("Eve");
        String fay = client().student("Fay");

        Reply first = client().join(course, eve);
        Reply second = client().join(course, fay);

        assertEquals(201, first.status(), first.text());
        assertEquals(List.of(eve), first.list("students"));
        assertEquals(201, second.status(), second.text());
        assertEquals(List.of(eve, fay), second.list("students"));
        assertEquals("Databases", second.field("title"));
        assertEquals(List.of(course), client().get("students/" + eve).list("courses"));
        assertEquals(List.of(eve, fay), client().get("courses/" + course).list("students"));
    }

    @Test
    default void joiningTwiceAnswers409AlreadyJoined() {
        String course = client().course("Compilers", 5);
        String gus = client().student("Gus");
        client().join(course, gus);

        assertError(client().join(course, gus), 409, "already_joined");
        assertEquals(List.of(gus), client().get("courses/" + course).list("students"));
    }

    @Test
    default void joiningAFullCourseAnswers409CourseFull() {
        String course = client().course("Seminar", 1);
        client().join(course, client().student("Hal"));
        String ida = client().student("Ida");

        assertError(client().join(course, ida), 409, "course_full");
        assertEquals(List.of(), client().get("students/" + ida).list("courses"));
    }

    @Test
    default void aSixthCourseAnswers409StudentLimit() {
        String jan = client().student("Jan");
        List<String> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(client().course("Course " + i, 10));
            assertEquals(201, client().join(five.get(i), jan).status());
        }
        String sixth = client().course("Course 5", 10);

        assertError(client().join(sixth, jan), 409, "student_limit");
        assertEquals(five, client().get("students/" + jan).list("courses"));
        assertEquals(List.of(), client().get("courses/" + sixth).list("students"));
    }

    @Test
    default void leavingAnswers204AndFreesThePlaceAndTheStudentsCount() {
        String course = client().course("Poetry", 1);
        String kim = client().student("Kim");
        String lee = client().student("Lee");
        client().join(course, kim);

        Reply left = client().delete("courses/" + course + "/students/" + kim);

        assertEquals(204, left.status(), left.text());
        assertEquals(List.of(), client().get("students/" + kim).list("courses"));
        assertEquals(201, client().join(course, lee).status());
        assertEquals(List.of(lee), client().get("courses/" + course).list("students"));
        assertError(client().join(course, kim), 409, "course_full");
    }

    @Test
    default void aStudentWhoLeftMayJoinAgain() {
        String course = client().course("Drawing", 3);
        String max = client().student("Max");
        client().join(course, max);
        client().delete("courses/" + course + "/students/" + max);

        Reply again = client().join(course, max);

        assertEquals(201, again.status(), again.text());
        assertEquals(List.of(max), again.list("students"));
        assertEquals(List.of(course), client().get("students/" + max).list("courses"));
    }

    @Test
    default void leavingACourseNotJoinedAnswers404NotJoined() {
        String course = client().course("Rhetoric", 3);
        String ned = client().student("Ned");
        String unknown = UUID.randomUUID().toString();

        assertError(client().delete("courses/" + course + "/students/" + ned), 404, "not_joined");
        client().join(course, ned);
        client().delete("courses/" + course + "/students/" + ned);
        assertError(client().delete("courses/" + course + "/students/" + ned), 404, "not_joined");
        assertError(client().delete("courses/" + unknown + "/students/" + ned), 404, "not_joined");
    }
}
