package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.example.courses.CoursesClient;
import dev.eventsourcing.example.courses.CoursesClient.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.eventsourcing.example.courses.rest.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input over HTTP: each gets a 400 with a specific error code, and changes nothing. */
interface BadRequestsApiContract {

    /** The client of the deployed API. */
    CoursesClient client();

    @Test
    default void malformedJsonAnswers400() {
        String course = client().course("Chemistry", 5);

        assertAll(
                () -> assertError(client().post("courses", "{\"title\":"), 400, "malformed_json"),
                () -> assertError(client().post("courses", "not json"), 400, "malformed_json"),
                () -> assertError(client().post("courses", "[1,2]"), 400, "malformed_json"),
                () -> assertError(client().post("courses", ""), 400, "malformed_json"),
                () -> assertError(client().post("courses", "{\"title\":\"A\",\"title\":\"B\",\"capacity\":3}"), 400,
                        "malformed_json"),
                () -> assertError(client().post("students", "{\"name\":\"Una\"} {}"), 400, "malformed_json"),
                () -> assertError(client().put("courses/" + course + "/capacity", "{"), 400, "malformed_json"),
                () -> assertError(client().post("courses/" + course + "/students", "\"x\""), 400, "malformed_json"));
    }

    @Test
    default void missingOrBlankFieldsAnswer400() {
        String course = client().course("Physics", 5);

        assertAll(
                () -> assertError(client().post("courses", "{\"capacity\":3}"), 400, "missing_field"),
                () -> assertError(client().post("courses", "{\"title\":\"Physics II\"}"), 400, "missing_field"),
                () -> assertError(client().post("courses", "{\"title\":\"  \",\"capacity\":3}"), 400, "missing_field"),
                () -> assertError(client().post("students", "{}"), 400, "missing_field"),
                () -> assertError(client().post("students", "{\"name\":null}"), 400, "missing_field"),
                () -> assertError(client().put("courses/" + course + "/capacity", "{}"), 400, "missing_field"),
                () -> assertError(client().post("courses/" + course + "/students", "{}"), 400, "missing_field"));
    }

    @Test
    default void aCapacityBelowOneOrAbove10000AnswersInvalidCapacityAndChangesNothing() {
        String course = client().course("Biology", 5);
        String capacity = "courses/" + course + "/capacity";

        assertAll(
                () -> assertError(client().post("courses", "{\"title\":\"B\",\"capacity\":0}"), 400, "invalid_capacity"),
                () -> assertError(client().post("courses", "{\"title\":\"B\",\"capacity\":-1}"), 400, "invalid_capacity"),
                () -> assertError(client().post("courses", "{\"title\":\"B\",\"capacity\":10001}"), 400, "invalid_capacity"),
                () -> assertError(client().post("courses", "{\"title\":\"B\",\"capacity\":99999999999999}"), 400,
                        "invalid_capacity"),
                () -> assertError(client().put(capacity, "{\"capacity\":0}"), 400, "invalid_capacity"),
                () -> assertError(client().put(capacity, "{\"capacity\":10001}"), 400, "invalid_capacity"));
        assertEquals(5, client().get("courses/" + course).body().get("capacity").asInt());
    }

    @Test
    default void fieldsOfTheWrongKindAnswer400InvalidField() {
        String course = client().course("History", 5);

        assertAll(
                () -> assertError(client().post("courses", "{\"title\":\"H\",\"capacity\":\"10\"}"), 400, "invalid_field"),
                () -> assertError(client().post("courses", "{\"title\":\"H\",\"capacity\":2.5}"), 400, "invalid_field"),
                () -> assertError(client().post("courses", "{\"title\":\"H\",\"capacity\":1e400}"), 400, "invalid_field"),
                () -> assertError(client().post("courses", "{\"title\":7,\"capacity\":3}"), 400, "invalid_field"),
                () -> assertError(client().post("students", "{\"name\":[\"Vic\"]}"), 400, "invalid_field"),
                () -> assertError(client().put("courses/" + course + "/capacity", "{\"capacity\":true}"), 400,
                        "invalid_field"),
                () -> assertError(client().post("courses/" + course + "/students", "{\"studentId\":42}"), 400,
                        "invalid_field"));
    }

    @Test
    default void aTitleOrNameLongerThan200CharactersAnswers400NamingTheFieldAndTheLimit() {
        Reply title = client().post("courses", "{\"title\":\"" + "t".repeat(201) + "\",\"capacity\":3}");
        Reply name = client().post("students", "{\"name\":\"" + "n".repeat(201) + "\"}");

        assertError(title, 400, "field_too_long");
        assertError(name, 400, "field_too_long");
        assertEquals("Field 'title' must be at most 200 characters, was 201", title.field("message"));
        assertEquals("Field 'name' must be at most 200 characters, was 201", name.field("message"));
        assertEquals(201, client().post("students", "{\"name\":\"" + "n".repeat(200) + "\"}").status());
    }

    @Test
    default void aBodyOver16KiBOrNestedDeeperThan16AnswersItsOwn400() {
        String exactly = padded("{\"name\":\"Wes\"}", 16384);

        assertEquals(201, client().post("students", exactly).status());
        assertError(client().post("students", padded("{\"name\":\"Wes\"}", 16385)), 400, "body_too_large");
        assertError(client().post("students", padded("{\"name\":\"Wes\"}", 4 << 20)), 400, "body_too_large");
        assertError(client().post("students", "{\"name\":\"Wes\",\"x\":" + "[".repeat(16) + "]".repeat(16) + "}"),
                400, "json_too_complex");
    }

    @Test
    default void badIdsAnswer400InvalidId() {
        String course = client().course("Music", 5);
        String student = client().student("Xan");

        assertAll(
                () -> assertError(client().get("courses/not-a-uuid"), 400, "invalid_id"),
                () -> assertError(client().get("students/1-2-3-4-5"), 400, "invalid_id"),
                () -> assertError(client().put("courses/123/capacity", "{\"capacity\":3}"), 400, "invalid_id"),
                () -> assertError(client().post("courses/xyz/students", "{\"studentId\":\"" + student + "\"}"), 400,
                        "invalid_id"),
                () -> assertError(client().post("courses/" + course + "/students", "{\"studentId\":\"xyz\"}"), 400,
                        "invalid_id"),
                () -> assertError(client().delete("courses/" + course + "/students/xyz"), 400, "invalid_id"),
                () -> assertError(client().delete("courses/xyz/students/" + student), 400, "invalid_id"));
        assertEquals(List.of(), client().get("courses/" + course).list("students"));
    }

    @Test
    default void badPagingParametersAnswer400InvalidPaging() {
        assertAll(
                () -> assertError(client().get("events?after=-1"), 400, "invalid_paging"),
                () -> assertError(client().get("events?after=abc"), 400, "invalid_paging"),
                () -> assertError(client().get("events?after="), 400, "invalid_paging"),
                () -> assertError(client().get("events?limit=0"), 400, "invalid_paging"),
                () -> assertError(client().get("events?limit=101"), 400, "invalid_paging"),
                () -> assertError(client().get("events?after=0&limit=x"), 400, "invalid_paging"));
        assertEquals(200, client().get("events?after=0&limit=100").status());
        assertEquals(200, client().get("events?limit=1").status());
    }

    @Test
    default void anUnknownPathAWrongMethodOrANonJsonBodyAnswersItsStatusAsJson() {
        String course = client().course("Latin", 5);

        assertAll(
                () -> assertError(client().get("lectures"), 404, "not_found"),
                () -> assertError(client().delete("courses/" + course), 405, "method_not_allowed"),
                () -> assertError(client().send("courses", "text/plain", "{\"title\":\"L\",\"capacity\":3}"), 415,
                        "unsupported_media_type"));
    }

    /** The JSON followed by spaces, to the given length in bytes. */
    private static String padded(String json, int bytes) {
        return json + " ".repeat(bytes - json.length());
    }
}
