package dev.eventsourcing.example.bank.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.TestUser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notification log over HTTP, in the wire format other systems follow. */
interface NotificationsApiContract {

    /** The client of the deployed API, calling as a teller. */
    BankClient client();

    private BankClient auditor() {
        return client().as(TestUser.AUDITOR);
    }

    @Test
    default void theLogHoldsEachEventOfAnAccountInOrderWithItsTopicAndState() {
        String id = client().open("Judy", "judy@example.com");
        client().post("accounts/" + id + "/deposits", "{\"amount\":\"7.25\"}");

        List<JsonNode> ofAccount = new ArrayList<>();
        for (JsonNode item : readAll()) {
            if (item.get("originator_id").asText().equals(id)) {
                ofAccount.add(item);
            }
        }

        assertEquals(2, ofAccount.size(), ofAccount.toString());
        JsonNode opened = ofAccount.get(0);
        JsonNode deposited = ofAccount.get(1);
        assertEquals(1, opened.get("originator_version").asLong());
        assertEquals(2, deposited.get("originator_version").asLong());
        assertTrue(opened.get("topic").asText().endsWith("Account$Opened"), opened.toString());
        assertTrue(deposited.get("topic").asText().endsWith("Account$Deposited"), deposited.toString());
        String state = new String(Base64.getDecoder().decode(deposited.get("state").asText()), StandardCharsets.UTF_8);
        assertTrue(state.contains("7.25"), state);
        assertTrue(deposited.get("id").asLong() > opened.get("id").asLong());
    }

    @Test
    default void pagesAreAscendingAndNextIsTheStartOfTheFollowingPage() {
        client().open("Ken", "ken@example.com");
        client().open("Lee", "lee@example.com");

        // The log's first ids, whatever they are: a store emptied between tests keeps counting.
        List<JsonNode> all = readAll();
        long firstId = all.get(0).get("id").asLong();
        long secondId = all.get(1).get("id").asLong();

        Reply first = auditor().get("notifications?start=" + firstId + "&limit=1");
        Reply second = auditor().get("notifications?start=" + first.body().get("next").asLong()
                + "&limit=" + (secondId - firstId));

        assertEquals(200, first.status(), first.text());
        assertEquals(1, first.body().get("items").size());
        assertEquals(firstId, first.body().get("items").get(0).get("id").asLong());
        assertEquals(firstId + 1, first.body().get("next").asLong());
        assertEquals(secondId, second.body().get("items").get(0).get("id").asLong());
    }

    @Test
    default void nextIsNullAtTheEndOfTheLog() {
        client().open("Mallory", "mallory@example.com");
        List<JsonNode> all = readAll();
        long last = all.get(all.size() - 1).get("id").asLong();

        Reply end = auditor().get("notifications?start=" + last);
        Reply beyond = auditor().get("notifications?start=" + (last + 1000));

        assertEquals(1, end.body().get("items").size(), end.text());
        assertTrue(end.body().get("next").isNull(), end.text());
        assertEquals(0, beyond.body().get("items").size(), beyond.text());
        assertTrue(beyond.body().get("next").isNull(), beyond.text());
    }

    @Test
    default void topicsKeepOnlyTheirNotificationsInTheSameWindowAndBadTopicsAreRefused() {
        String id = client().open("Nia", "nia@example.com");
        client().post("accounts/" + id + "/deposits", "{\"amount\":\"3.00\"}");
        List<JsonNode> all = readAll();
        JsonNode deposit = all.get(all.size() - 1);
        String topic = deposit.get("topic").asText();
        long first = all.get(0).get("id").asLong();
        long last = deposit.get("id").asLong();

        List<Long> kept = new ArrayList<>();
        long start = first;
        while (start <= last) {
            Reply page = auditor().get("notifications?start=" + start + "&limit=10&topics="
                    + java.net.URLEncoder.encode(topic, StandardCharsets.UTF_8));
            assertEquals(200, page.status(), page.text());
            page.body().get("items").forEach(item -> {
                assertEquals(topic, item.get("topic").asText(), page.text());
                kept.add(item.get("id").asLong());
            });
            JsonNode next = page.body().get("next");
            start = next == null || next.isNull() ? Long.MAX_VALUE : next.asLong();
        }
        Reply blank = auditor().get("notifications?start=1&topics=");

        List<Long> expected = all.stream().filter(item -> item.get("topic").asText().equals(topic))
                .map(item -> item.get("id").asLong()).toList();
        assertEquals(expected, kept);
        assertEquals(400, blank.status(), blank.text());
        assertEquals("invalid_topics", blank.body().get("error").asText(), blank.text());
    }

    private List<JsonNode> readAll() {
        List<JsonNode> items = new ArrayList<>();
        long start = 1;
        while (true) {
            Reply page = auditor().get("notifications?start=" + start + "&limit=10");
            assertEquals(200, page.status(), page.text());
            page.body().get("items").forEach(items::add);
            JsonNode next = page.body().get("next");
            if (next == null || next.isNull()) {
                return items;
            }
            start = next.asLong();
        }
    }
}
