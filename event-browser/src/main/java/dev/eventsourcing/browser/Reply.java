package dev.eventsourcing.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * An answer of the event browser's JSON API: an HTTP status and a JSON body.
 *
 * @param status the HTTP status
 * @param body   the JSON body
 */
public record Reply(int status, JsonNode body) {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Checks the body.
     *
     * @param status the HTTP status
     * @param body   the JSON body
     * @throws NullPointerException when the body is missing
     */
    public Reply {
        Objects.requireNonNull(body, "body");
    }

    /**
     * A 200 answer.
     *
     * @param body the JSON body
     * @return the answer
     */
    public static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    /**
     * An error answer: {@code {"error": code, "message": message}}.
     *
     * @param status  the HTTP status
     * @param code    a stable, machine-readable code such as {@code unknown_application}
     * @param message what went wrong, for people
     * @return the answer
     */
    public static Reply error(int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode().put("error", code).put("message", message);
        return new Reply(status, body);
    }

    /**
     * The body as JSON text.
     *
     * @return the body, serialised
     */
    public String text() {
        return body.toString();
    }
}
