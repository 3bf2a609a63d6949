package dev.eventsourcing.example.courses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A small HTTP client of the courses' API, for tests that run as a client of the server. */
public final class CoursesClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI api;

    /**
     * @param deployment the deployment's base URL as Arquillian reports it; its host is replaced
     *                   by 127.0.0.1, since some adapters report the machine's external address
     */
    public CoursesClient(URL deployment) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI base = URI.create(deployment.toString());
        String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        this.api = URI.create("http://127.0.0.1:" + base.getPort() + path + "api/");
    }

    /** A reply: status, Location header (if any), and JSON body (null when it is not JSON). */
    public record Reply(int status, Optional<String> location, JsonNode body, String text) {

        /** The text of a top-level field, or null. */
        public String field(String name) {
            JsonNode node = body == null ? null : body.get(name);
            return node == null || node.isNull() ? null : node.asText();
        }

        /** The texts of a top-level array field. */
        public List<String> list(String name) {
            List<String> items = new ArrayList<>();
            body.get(name).forEach(item -> items.add(item.asText()));
            return items;
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(api.resolve(path)).GET());
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs a body of the given content type. */
    public Reply send(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(api.resolve(path)).DELETE());
    }

    /** Registers a course and returns its id, failing unless the server answered 201. */
    public String course(String title, int capacity) {
        return created(post("courses", "{\"title\":\"" + title + "\",\"capacity\":" + capacity + "}"));
    }

    /** Registers a student and returns its id, failing unless the server answered 201. */
    public String student(String name) {
        return created(post("students", "{\"name\":\"" + name + "\"}"));
    }

    /** The student joins the course. */
    public Reply join(String courseId, String studentId) {
        return post("courses/" + courseId + "/students", "{\"studentId\":\"" + studentId + "\"}");
    }

    private static String created(Reply reply) {
        if (reply.status() != 201) {
            throw new AssertionError("A registration answered " + reply.status() + ": " + reply.text());
        }
        return reply.field("id");
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // Leave body null: the assertion on it then shows the text.
            }
            return new Reply(response.statusCode(), response.headers().firstValue("Location"), body,
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
