package dev.eventsourcing.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsourcing.persistence.ParkedNotification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.eventsourcing.browser.LogAndHistoryTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readers with position, lag and status; parked notifications listed, retried and skipped. */
class ReadersAndParkedTest {

    private final BrowsedBank browsed = new BrowsedBank(Map.of());

    @AfterEach
    void stop() {
        browsed.close();
    }

    @Test
    void aReaderAtTheEndOfItsLogIsCurrentWithNoLag() {
        browsed.bank.open(10);

        JsonNode reader = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/readers")).get(0);

        assertEquals("balances", reader.get("reader").asText());
        assertEquals("Bank", reader.get("upstream").asText());
        assertEquals(1, reader.get("position").asLong());
        assertEquals(0, reader.get("lag").asLong());
        assertEquals("current", reader.get("status").asText());
        assertTrue(reader.get("failure").isNull(), reader.toString());
    }

    @Test
    void aFailingReaderSaysSoWithItsLagAttemptsAndLastFailure() {
        browsed.close();
        BrowsedBank failing = new BrowsedBank(Map.of("projection.attempts", "3", "projection.retry-delay", "60000"));
        try {
            failing.balances.refusing(n -> n.id() == 2);
            UUID account = failing.bank.open(10);
            failing.bank.credit(account, 5);

            JsonNode reader = failing.ok(failing.get(BrowsedBank.VIEWER, "/readers")).get(0);

            assertEquals("failing", reader.get("status").asText(), reader.toString());
            assertEquals(1, reader.get("position").asLong());
            assertEquals(1, reader.get("lag").asLong());
            assertEquals(2, reader.get("logEnd").asLong());
            assertEquals(2, reader.get("failingId").asLong());
            assertEquals(1, reader.get("attempts").asInt());
            assertTrue(reader.get("failure").asText().contains("refused notification 2"), reader.toString());
            assertTrue(reader.get("lagSeconds").isNumber(), reader.toString());
            assertEquals("idle", reader.get("activity").asText(), "waiting for the back-off");
        } finally {
            failing.close();
        }
    }

    @Test
    void aReaderWithParkedNotificationsSaysSoAndTheyAreListedWithTheirError() {
        parkTheSecondNotification();

        JsonNode reader = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/readers")).get(0);
        JsonNode parked = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/parked"));

        assertEquals("parked", reader.get("status").asText(), reader.toString());
        assertEquals(1, reader.get("parked").asLong());
        assertEquals(1, parked.size(), parked.toString());
        assertEquals(2, parked.get(0).get("notificationId").asLong());
        assertEquals("parked", parked.get(0).get("status").asText());
        assertTrue(parked.get(0).get("error").asText().contains("refused notification 2"), parked.toString());
        assertTrue(parked.get(0).get("stackTrace") == null, "stack traces stay on the server");
    }

    @Test
    void anOperatorRetriesAParkedNotificationWhichIsThenListedAsRetried() {
        parkTheSecondNotification();
        browsed.balances.refusing(n -> false);

        JsonNode retried = browsed.ok(browsed.post(BrowsedBank.OPERATOR, "/parked/balances/Bank/2/retry"));

        assertEquals(1, retried.get("retried").asInt());
        assertEquals(0, browsed.ok(browsed.get(BrowsedBank.VIEWER, "/parked")).size());
        JsonNode listed = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/parked", Map.of("status", "retried")));
        assertEquals(1, listed.size(), listed.toString());
        assertTrue(listed.get(0).get("resolvedAt").isTextual(), listed.toString());
        assertError(browsed.post(BrowsedBank.OPERATOR, "/parked/balances/Bank/2/retry"), 404, "parked_not_found");
    }

    @Test
    void anOperatorSkipsAParkedNotification() {
        parkTheSecondNotification();

        browsed.ok(browsed.post(BrowsedBank.OPERATOR, "/parked/balances/Bank/2/skip"));

        assertEquals(ParkedNotification.Status.SKIPPED,
                browsed.runner.parked("balances", null, 10).get(0).status());
        assertEquals(1, browsed.ok(browsed.get(BrowsedBank.VIEWER, "/parked", Map.of("status", "all"))).size());
    }

    @Test
    void aViewerMayListButNeitherRetryNorSkip() {
        parkTheSecondNotification();

        assertError(browsed.post(BrowsedBank.VIEWER, "/parked/balances/Bank/2/retry"), 403, "forbidden");
        assertError(browsed.post(BrowsedBank.VIEWER, "/parked/balances/Bank/2/skip"), 403, "forbidden");
        assertEquals(1, browsed.runner.parked("balances", ParkedNotification.Status.PARKED, 10).size());
    }

    @Test
    void aPostWithoutTheBrowsersHeaderOrFromAnotherSiteIsRefusedAsCrossSite() {
        parkTheSecondNotification();

        assertError(browsed.post(BrowsedBank.OPERATOR, "/parked/balances/Bank/2/retry", Map.of()), 403,
                "cross_site_request");
        assertError(browsed.post(BrowsedBank.OPERATOR, "/parked/balances/Bank/2/retry", Map.of(
                "x-eventsourcing-browser", "1", "origin", "https://evil.example", "host", "localhost:8080")), 403,
                "cross_site_request");
        assertError(browsed.post(BrowsedBank.OPERATOR, "/parked/balances/Bank/2/retry", Map.of(
                "x-eventsourcing-browser", "1", "origin", "null", "host", "localhost:8080")), 403, "cross_site_request");
        assertEquals(1, browsed.runner.parked("balances", ParkedNotification.Status.PARKED, 10).size());
    }

    @Test
    void badParkedParametersAndActionsGetSpecificErrors() {
        parkTheSecondNotification();

        assertError(browsed.get(BrowsedBank.VIEWER, "/parked", Map.of("reader", "nobody")), 400, "invalid_parameter");
        assertError(browsed.get(BrowsedBank.VIEWER, "/parked", Map.of("status", "lost")), 400, "invalid_parameter");
        assertError(browsed.get(BrowsedBank.VIEWER, "/parked", Map.of("limit", "1001")), 400, "invalid_parameter");
        assertError(browsed.post(BrowsedBank.OPERATOR, "/parked/balances/Bank/0/retry"), 400, "invalid_id");
        assertError(browsed.post(BrowsedBank.OPERATOR, "/parked/balances/Bank/x/skip"), 400, "invalid_id");
        assertError(browsed.post(BrowsedBank.OPERATOR, "/parked/balances/Bank/2/forget"), 404, "not_found");
        assertError(browsed.post(BrowsedBank.OPERATOR, "/parked/balances/Bank/1/retry"), 404, "parked_not_found");
        assertError(browsed.post(BrowsedBank.OPERATOR, "/readers"), 405, "method_not_allowed");
    }

    private void parkTheSecondNotification() {
        browsed.balances.refusing(n -> n.id() == 2);
        UUID account = browsed.bank.open(10);
        browsed.bank.credit(account, 5);
    }
}
