package dev.eventsourcing.example.bank.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.Settling;
import dev.eventsourcing.example.bank.TestUser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static dev.eventsourcing.example.bank.rest.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shredding an account holder's personal data over HTTP, and what the API answers afterwards. */
interface ShreddingApiContract {

    /** The client of the deployed API, calling as a teller. */
    BankClient client();

    @Test
    default void shreddingAnswers204AndTheAccountAnswers410Afterwards() {
        String id = client().open("Olivia", "olivia@example.com");
        client().post("accounts/" + id + "/deposits", "{\"amount\":\"10.00\"}");

        Reply shredded = client().delete("accounts/" + id + "/personal-data");

        assertEquals(204, shredded.status(), shredded.text());
        assertError(client().get("accounts/" + id), 410, "personal_data_shredded");
        assertError(client().post("accounts/" + id + "/deposits", "{\"amount\":\"1.00\"}"), 410, "personal_data_shredded");
        assertError(client().delete("accounts/" + id + "/personal-data"), 410, "personal_data_shredded");
    }

    @Test
    default void onlyATellerShredsPersonalData() {
        String id = client().open("Rita", "rita@example.com");

        assertError(client().as(TestUser.AUDITOR).delete("accounts/" + id + "/personal-data"), 403, "forbidden");
        assertError(client().anonymous().delete("accounts/" + id + "/personal-data"), 401, "unauthorized");
        assertEquals("Rita", client().get("accounts/" + id).field("fullName"));
    }

    @Test
    default void shreddingAnUnknownAccountAnswers404() {
        assertError(client().delete("accounts/" + UUID.randomUUID() + "/personal-data"), 404, "account_not_found");
        assertError(client().delete("accounts/not-an-id/personal-data"), 400, "invalid_id");
    }

    @Test
    default void theLogKeepsTheBalanceHistoryAndShowsTheOpeningShreddedAndTheShredding() {
        String id = client().open("Peggy", "peggy@example.com");
        client().post("accounts/" + id + "/deposits", "{\"amount\":\"7.25\"}");
        client().delete("accounts/" + id + "/personal-data");

        List<JsonNode> items = readAll();
        List<JsonNode> ofAccount = items.stream().filter(item -> item.get("originator_id").asText().equals(id)).toList();
        JsonNode opened = ofAccount.get(0);
        JsonNode deposited = ofAccount.get(1);

        assertTrue(opened.get("shredded").asBoolean(), opened.toString());
        assertEquals("", opened.get("state").asText());
        assertTrue(opened.get("topic").asText().endsWith("Account$Opened"), opened.toString());
        assertNull(deposited.get("shredded"), deposited.toString());
        String state = new String(Base64.getDecoder().decode(deposited.get("state").asText()), StandardCharsets.UTF_8);
        assertTrue(state.contains("7.25"), state);
        String shredding = Shredding.idOf(UUID.fromString(id)).toString();
        JsonNode recorded = items.stream().filter(item -> item.get("originator_id").asText().equals(shredding))
                .findFirst().orElseThrow(() -> new AssertionError("no shredding of " + id + " in the log"));
        assertTrue(recorded.get("id").asLong() > deposited.get("id").asLong());
        assertFalse(new String(Base64.getDecoder().decode(recorded.get("state").asText()), StandardCharsets.UTF_8)
                .contains("Peggy"));
    }

    @Test
    default void aTransferToAnAccountWhoseDataWasShreddedIsRejectedWithTheReason() throws InterruptedException {
        String alice = client().open("Alice", "alice@example.com");
        client().post("accounts/" + alice + "/deposits", "{\"amount\":\"5.00\"}");
        String quinn = client().open("Quinn", "quinn@example.com");
        client().delete("accounts/" + quinn + "/personal-data");

        Reply accepted = client().post("transfers",
                "{\"from\":\"" + alice + "\",\"to\":\"" + quinn + "\",\"amount\":\"1.00\"}");
        String transfer = accepted.field("id");
        Reply ended = Settling.await(List.of(transfer), id -> client().get("transfers/" + id),
                reply -> "REQUESTED".equals(reply.field("status")), Duration.ofSeconds(30), Duration.ofMillis(50))
                .get(transfer);

        assertEquals("REJECTED", ended.field("status"), ended.text());
        assertEquals("account shredded", ended.field("reason"), ended.text());
        assertEquals("5.00", client().get("accounts/" + alice).field("balance"));
    }

    private List<JsonNode> readAll() {
        List<JsonNode> items = new ArrayList<>();
        long start = 1;
        while (true) {
            Reply page = client().as(TestUser.AUDITOR).get("notifications?start=" + start + "&limit=10");
            page.body().get("items").forEach(items::add);
            JsonNode next = page.body().get("next");
            if (next == null || next.isNull()) {
                return items;
            }
            start = next.asLong();
        }
    }
}
