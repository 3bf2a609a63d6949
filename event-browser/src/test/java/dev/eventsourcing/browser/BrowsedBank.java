package dev.eventsourcing.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsourcing.Settings;
import dev.eventsourcing.system.ApplicationSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.RecordingProjection;

import java.util.HashMap;
import java.util.Map;

/**
 * A bank on the in-memory store, run synchronously with one projection ("balances"), and the
 * browser's API over it, called as a viewer, an operator or a stranger.
 */
final class BrowsedBank implements AutoCloseable {

    static final Caller VIEWER = new Caller("auditor", true, false);
    static final Caller OPERATOR = new Caller("operator", true, true);
    static final Caller STRANGER = new Caller("teller", false, false);

    final RecordingProjection balances = new RecordingProjection("balances");
    final MultiThreadedRunner runner;
    final Bank bank;
    final BrowserApi api;

    BrowsedBank(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("projection.attempts", "1", Settings.SECTION_SIZE, "3"));
        all.putAll(settings);
        runner = MultiThreadedRunner.builder().system(ApplicationSystem.builder().add(Bank.class).build())
                .settings(Settings.of(all)).projection(balances, "Bank").synchronous().build();
        runner.start();
        bank = runner.get(Bank.class);
        api = new BrowserApi(() -> runner);
    }

    Reply get(Caller caller, String path) {
        return get(caller, path, Map.of());
    }

    Reply get(Caller caller, String path, Map<String, String> parameters) {
        return api.handle(new BrowserRequest("GET", BrowserRequest.segments(path), parameters, caller, Map.of()));
    }

    Reply post(Caller caller, String path, Map<String, String> headers) {
        return api.handle(new BrowserRequest("POST", BrowserRequest.segments(path), Map.of(), caller, headers));
    }

    /** A POST as the browser's page sends it, from its own origin. */
    Reply post(Caller caller, String path) {
        return post(caller, path, Map.of("x-eventsourcing-browser", "1", "origin", "http://localhost:8080",
                "host", "localhost:8080"));
    }

    JsonNode ok(Reply reply) {
        if (reply.status() != 200) {
            throw new AssertionError("expected 200, was " + reply.status() + " " + reply.text());
        }
        return reply.body();
    }

    @Override
    public void close() {
        runner.stop();
    }
}
