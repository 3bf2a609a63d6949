package dev.eventsourcing.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.AesGcmCipher;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.system.transfers.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The applications, their notification logs page by page, and an aggregate's history, as JSON. */
class LogAndHistoryTest {

    private BrowsedBank browsed = new BrowsedBank(Map.of());

    @AfterEach
    void stop() {
        browsed.close();
    }

    @Test
    void theApplicationsAreListedWithTheirLastNotificationIdAndSectionSize() {
        browsed.bank.open(10);

        JsonNode applications = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/applications"));

        assertEquals(1, applications.size(), applications.toString());
        assertEquals("Bank", applications.get(0).get("name").asText());
        assertEquals(1, applications.get(0).get("lastId").asLong());
        assertEquals(3, applications.get(0).get("sectionSize").asInt());
    }

    @Test
    void theLogIsPagedASectionAtATimeWithTheStartsOfThePreviousAndNextPages() {
        UUID account = browsed.bank.open(10);
        for (int i = 1; i <= 4; i++) {
            browsed.bank.credit(account, i);
        }

        JsonNode first = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/notifications"));
        JsonNode second = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/notifications",
                Map.of("start", "4")));
        JsonNode last = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/notifications",
                Map.of("start", "4", "limit", "2")));

        assertEquals(List.of(1L, 2L, 3L), ids(first));
        assertTrue(first.get("previous").isNull(), first.toString());
        assertEquals(4, first.get("next").asLong());
        assertEquals(5, first.get("lastId").asLong());
        assertEquals(List.of(4L, 5L), ids(second));
        assertEquals(1, second.get("previous").asLong());
        assertTrue(second.get("next").isNull(), second.toString());
        assertEquals(2, last.get("previous").asLong());
    }

    @Test
    void theLogIsReadForSomeTopicsOnlyInTheSameWindowsOfIds() {
        UUID account = browsed.bank.open(10);
        for (int i = 1; i <= 4; i++) {
            browsed.bank.credit(account, i);
        }
        String opened = browsed.bank.mapper().topicsOf(Account.Opened.class).iterator().next();
        String credited = browsed.bank.mapper().topicsOf(Account.Credited.class).iterator().next();

        JsonNode credits = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/notifications",
                Map.of("topics", credited)));
        JsonNode openings = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/notifications",
                Map.of("topics", opened, "start", "4")));
        JsonNode both = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/notifications",
                Map.of("topics", credited + " , " + opened)));

        assertEquals(List.of(2L, 3L), ids(credits));
        assertEquals(4, credits.get("next").asLong());
        assertEquals(credited, credits.get("topics").get(0).asText());
        assertEquals(List.of(), ids(openings));
        // Past the last id the page may name the next start or none, as an unfiltered one does.
        assertTrue(openings.get("next").isNull() || openings.get("next").asLong() == 6, openings.toString());
        assertEquals(List.of(1L, 2L, 3L), ids(both));
        assertEquals(2, both.get("topics").size());
    }

    @Test
    void eachNotificationShowsItsIdOriginatorVersionTopicTypeTimeAndDecodedState() {
        UUID account = browsed.bank.open(10);

        JsonNode item = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/notifications")).get("items").get(0);

        assertEquals(1, item.get("id").asLong());
        assertEquals(account.toString(), item.get("originatorId").asText());
        assertEquals(1, item.get("originatorVersion").asLong());
        assertTrue(item.get("topic").asText().endsWith("Account$Opened"), item.toString());
        assertEquals("Account.Opened", item.get("type").asText());
        Instant.parse(item.get("timestamp").asText());
        assertEquals("decoded", item.get("status").asText());
        assertEquals(0, new BigDecimal(item.get("state").get("initialBalance").asText()).compareTo(BigDecimal.TEN));
    }

    @Test
    void aStateEncryptedWithAKeyThisApplicationLacksIsMarkedEncryptedAndLeftAsItIs() {
        browsed.close();
        browsed = new BrowsedBank(Map.of("cipher.key", AesGcmCipher.generateKey()));
        Mapper stranger = Mapper.builder(Settings.of(Map.of("cipher.key", AesGcmCipher.generateKey())))
                .applicationName("Bank").declare(Account.class).build();
        StoredEvent foreign = stranger.toStoredEvent(new DomainEvent<>(UUID.randomUUID(), 1, Instant.now(),
                new Account.Opened(BigDecimal.ONE)));
        browsed.bank.recorder().insertEvents(List.of(foreign));

        JsonNode item = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/notifications")).get("items").get(0);

        assertEquals("encrypted", item.get("status").asText(), item.toString());
        assertTrue(item.get("state") == null, item.toString());
        assertEquals(foreign, browsed.bank.recorder().selectEvents(foreign.originatorId()).get(0));
    }

    @Test
    void aStateThatIsNoJsonIsMarkedUndecodableWithTheReason() {
        browsed.bank.recorder().insertEvents(List.of(new StoredEvent(UUID.randomUUID(), 1,
                browsed.bank.mapper().toStoredEvent(new DomainEvent<>(UUID.randomUUID(), 1, Instant.now(),
                        new Account.Opened(BigDecimal.ONE))).topic(), "<script>".getBytes(StandardCharsets.UTF_8))));

        JsonNode item = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/notifications")).get("items").get(0);

        assertEquals("undecodable", item.get("status").asText(), item.toString());
        assertTrue(item.get("problem").asText().length() > 0, item.toString());
    }

    @Test
    void anAggregatesHistoryShowsEachVersionWithItsEventTimeAndStateChange() {
        UUID account = browsed.bank.open(10);
        browsed.bank.credit(account, 5);

        JsonNode history = browsed.ok(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/aggregates/" + account));

        JsonNode events = history.get("events");
        assertEquals(account.toString(), history.get("id").asText());
        assertEquals(2, events.size(), history.toString());
        assertEquals(1, events.get(0).get("version").asLong());
        assertEquals("Account.Opened", events.get(0).get("type").asText());
        assertEquals(2, events.get(1).get("version").asLong());
        assertEquals("Account.Credited", events.get(1).get("type").asText());
        assertEquals(5, events.get(1).get("state").get("amount").asInt());
        Instant.parse(events.get(1).get("timestamp").asText());
        assertTrue(history.get("next").isNull(), history.toString());
    }

    @Test
    void badPageNumbersUnknownApplicationsAndBadOrUnknownIdsGetSpecificErrors() {
        browsed.bank.open(10);
        String log = "/applications/Bank/notifications";

        assertError(browsed.get(BrowsedBank.VIEWER, log, Map.of("start", "0")), 400, "invalid_parameter");
        assertError(browsed.get(BrowsedBank.VIEWER, log, Map.of("start", "x")), 400, "invalid_parameter");
        assertError(browsed.get(BrowsedBank.VIEWER, log, Map.of("limit", "4")), 400, "invalid_parameter");
        assertError(browsed.get(BrowsedBank.VIEWER, log, Map.of("topics", "a,,b")), 400, "invalid_parameter");
        assertError(browsed.get(BrowsedBank.VIEWER, log, Map.of("topics", String.join(",", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "t" + i).toList()))), 400, "invalid_parameter");
        assertError(browsed.get(BrowsedBank.VIEWER, log, Map.of("topics", "x".repeat(1001))), 400, "invalid_parameter");
        assertError(browsed.get(BrowsedBank.VIEWER, "/applications/Nowhere/notifications"), 404, "unknown_application");
        assertError(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/aggregates/not-a-uuid"), 400, "invalid_id");
        assertError(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/aggregates/1-1-1-1-1"), 400, "invalid_id");
        assertError(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/aggregates/" + UUID.randomUUID()), 404,
                "aggregate_not_found");
        assertError(browsed.get(BrowsedBank.VIEWER, "/applications/Bank/aggregates/" + UUID.randomUUID(),
                Map.of("after", "-1")), 400, "invalid_parameter");
        assertError(browsed.get(BrowsedBank.VIEWER, "/applications/Bank"), 404, "not_found");
    }

    static List<Long> ids(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("id").asLong()).toList();
    }

    static void assertError(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.text());
        assertEquals(code, reply.body().get("error").asText(), reply.text());
        assertTrue(reply.body().get("message").asText().length() > 10, reply.text());
    }
}
