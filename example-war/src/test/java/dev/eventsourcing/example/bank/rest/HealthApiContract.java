package dev.eventsourcing.example.bank.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.TestUser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's MicroProfile Health endpoints with the bank deployed: a readiness check per
 * application and per reader, which a parked notification turns {@code DOWN}, and the liveness
 * of the workers. The read model is put out of step through the test-only {@code ReadModelFaults}.
 */
interface HealthApiContract extends ReadModelFaultsContract {

    /** The client of the deployed API, calling as a teller. */
    BankClient client();

    /** Where the server answers health checks ({@code …/health}). */
    URI health();

    @Test
    default void healthReadinessHasACheckPerApplicationAndReaderAllUpOnceCaughtUp() throws Exception {
        client().open("Quentin", "quentin@example.com");

        // UP allows a reader some lag, and the process application may still be settling an earlier
        // test's transfer, which adds to the Bank log: wait for what is asserted, every check UP and
        // the summaries at the end of the log, not for UP alone.
        Map<String, JsonNode> checks = awaitReady(all -> all.values().stream().allMatch(HealthApiContract::up)
                && all.containsKey("eventsourcing.reader.AccountSummaries")
                && all.get("eventsourcing.reader.AccountSummaries").get("data").path("Bank.lag").asLong(-1) == 0);

        assertTrue(checks.keySet().containsAll(Set.of("eventsourcing.application.Bank",
                "eventsourcing.application.Transfers", "eventsourcing.reader.AccountSummaries",
                "eventsourcing.reader.Bank", "eventsourcing.reader.Transfers")), checks.keySet().toString());
        JsonNode summaries = checks.get("eventsourcing.reader.AccountSummaries").get("data");
        assertEquals(0, summaries.get("Bank.lag").asLong(), summaries.toString());
        assertEquals(0, summaries.get("Bank.parked").asLong(), summaries.toString());
    }

    @Test
    default void healthReadinessOfAReaderWithAParkedNotificationIsDownNamingIt() throws Exception {
        String id = client().open("Rita", "rita@example.com");
        breakReadModelOf(id);
        deposit(id, "1.00");

        Map<String, JsonNode> checks = awaitReady(all -> !up(all.get("eventsourcing.reader.AccountSummaries")));

        JsonNode data = checks.get("eventsourcing.reader.AccountSummaries").get("data");
        assertTrue(data.get("Bank.parked").asLong() >= 1, data.toString());
        assertTrue(data.get("reason").asText().contains("parked"), data.toString());
        assertTrue(up(checks.get("eventsourcing.application.Bank")), checks.toString());
        repairReadModelOf(id);
        Reply parked = client().as(TestUser.AUDITOR)
                .get("parked?reader=AccountSummaries&status=parked&limit=1000");
        for (JsonNode each : parked.body()) {
            client().as(TestUser.OPERATOR).post("parked/AccountSummaries/"
                    + each.get("upstream").asText() + "/" + each.get("notificationId").asLong() + "/retry", "");
        }
        awaitReady(all -> up(all.get("eventsourcing.reader.AccountSummaries")));
    }

    @Test
    default void healthLivenessOfTheWorkersIsUp() throws Exception {
        HttpResponse<String> live = get("live");

        assertEquals(200, live.statusCode(), live.body());
        Map<String, JsonNode> checks = byName(live.body());
        assertTrue(up(checks.get("eventsourcing.workers")), live.body());
        assertTrue(checks.get("eventsourcing.workers").get("data").get("workers").asLong() > 0, live.body());
    }

    /** The readiness checks by name, once {@code condition} holds of them (within 30 seconds). */
    private Map<String, JsonNode> awaitReady(Predicate<Map<String, JsonNode>> condition)
            throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Map<String, JsonNode> checks = byName(get("ready").body());
        while (!condition.test(checks)) {
            assertTrue(System.nanoTime() < deadline, "readiness did not turn as expected: " + checks);
            Thread.sleep(200);
            checks = byName(get("ready").body());
        }
        return checks;
    }

    private HttpResponse<String> get(String which) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(health().resolve("health/" + which)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    // Only this library's checks: the server adds its own.
    private static Map<String, JsonNode> byName(String body) throws IOException {
        Map<String, JsonNode> checks = new LinkedHashMap<>();
        for (JsonNode check : new ObjectMapper().readTree(body).get("checks")) {
            String name = check.get("name").asText();
            if (name.startsWith("eventsourcing.")) {
                checks.put(name, check);
            }
        }
        return checks;
    }

    private static boolean up(JsonNode check) {
        return check != null && check.get("status").asText().equals("UP");
    }
}
