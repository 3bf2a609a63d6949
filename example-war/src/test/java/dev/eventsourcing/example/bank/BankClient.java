package dev.eventsourcing.example.bank;

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
import java.util.Optional;

/**
 * A small HTTP client of the bank's API, for tests that run as a client of the server. It sends
 * the credentials of one user with every request (HTTP Basic), or none.
 */
public final class BankClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI api;
    private final Optional<TestUser> user;

    /**
     * A client that calls as the given user.
     *
     * @param deployment the deployment's base URL as Arquillian reports it; its host is replaced
     *                   by 127.0.0.1, since some adapters report the machine's external address
     */
    public BankClient(URL deployment, TestUser user) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), api(deployment),
                Optional.of(user));
    }

    private BankClient(HttpClient http, URI api, Optional<TestUser> user) {
        this.http = http;
        this.api = api;
        this.user = user;
    }

    private static URI api(URL deployment) {
        URI base = URI.create(deployment.toString());
        String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        return URI.create("http://127.0.0.1:" + base.getPort() + path + "api/");
    }

    /** A client that sends no credentials (see {@link #BankClient(URL, TestUser)} for the URL). */
    public static BankClient withoutCredentials(URL deployment) {
        return new BankClient(deployment, TestUser.TELLER).anonymous();
    }

    /** A client of the same API that calls as another user. */
    public BankClient as(TestUser other) {
        return new BankClient(http, api, Optional.of(other));
    }

    /** A client of the same API that sends no credentials. */
    public BankClient anonymous() {
        return new BankClient(http, api, Optional.empty());
    }

    /**
     * A reply: status, Location and WWW-Authenticate headers (if any) and JSON body (or null when
     * the body is not JSON).
     */
    public record Reply(int status, Optional<String> location, Optional<String> challenge, JsonNode body,
                        String text) {
        public String field(String name) {
            JsonNode node = body == null ? null : body.get(name);
            return node == null || node.isNull() ? null : node.asText();
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

    public Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(api.resolve(path)).DELETE());
    }

    /** Opens an account and returns its id, failing unless the server answered 201. */
    public String open(String fullName, String emailAddress) {
        Reply reply = post("accounts", "{\"fullName\":\"" + fullName + "\",\"emailAddress\":\"" + emailAddress + "\"}");
        if (reply.status() != 201) {
            throw new AssertionError("Opening an account answered " + reply.status() + ": " + reply.text());
        }
        return reply.field("id");
    }

    private Reply send(HttpRequest.Builder request) {
        user.ifPresent(u -> request.header("Authorization", u.basicAuthorization()));
        try {
            HttpResponse<String> response = http.send(request.header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // Leave body null: the assertion on it then shows the text.
            }
            return new Reply(response.statusCode(), response.headers().firstValue("Location"),
                    response.headers().firstValue("WWW-Authenticate"), body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
