package dev.eventsourcing.example.bank.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.TestUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.eventsourcing.example.bank.rest.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parked notifications over HTTP: what the read model could not take is listed for an operator,
 * who retries it once the cause is fixed, or skips it. The read model is put out of step for
 * one account through the test-only {@code ReadModelFaults}, so that the projection fails on
 * that account's events until it is repaired.
 */
interface ParkedApiContract extends ReadModelFaultsContract {

    /**
     * The client of the deployed API, calling as a teller; an auditor lists parked notifications,
     * an operator retries and skips them.
     */
    BankClient client();

    private BankClient auditor() {
        return client().as(TestUser.AUDITOR);
    }

    private BankClient operator() {
        return client().as(TestUser.OPERATOR);
    }

    @Test
    default void depositsTheReadModelCannotTakeAreParkedAndListedWithoutStackTraces() throws InterruptedException {
        String id = client().open("Nora", "nora@example.com");
        breakReadModelOf(id);
        deposit(id, "1.00");
        deposit(id, "2.00");

        List<JsonNode> parked = awaitParked(id, 2);

        JsonNode first = parked.get(0);
        JsonNode second = parked.get(1);
        assertAll(
                () -> assertEquals("AccountSummaries", first.get("reader").asText(), first.toString()),
                () -> assertEquals("Bank", first.get("upstream").asText(), first.toString()),
                () -> assertTrue(first.get("topic").asText().endsWith("Account$Deposited"), first.toString()),
                () -> assertTrue(first.get("error").asText().startsWith("java.lang.IllegalStateException: Account " + id
                        + " has no summary"), first.toString()),
                () -> assertFalse(first.get("error").asText().contains("\n"), first.toString()),
                () -> assertEquals(5, first.get("attempts").asInt(), "parked after projection.attempts failures"),
                () -> Instant.parse(first.get("parkedAt").asText()),
                () -> assertTrue(first.get("behind").isNull(), first.toString()),
                () -> assertEquals("PARKED", first.get("status").asText(), first.toString()),
                () -> assertTrue(first.get("resolvedAt").isNull(), first.toString()),
                () -> assertEquals(first.get("notificationId").asLong(), second.get("behind").asLong(), second.toString()),
                () -> assertTrue(second.get("notificationId").asLong() > first.get("notificationId").asLong()));
        repairReadModelOf(id);
        operator().post(action(first, "retry"), "");
    }

    @Test
    default void aRetryOnceTheReadModelIsRepairedProcessesTheNotificationAndThoseBehindIt() throws InterruptedException {
        String id = client().open("Oscar", "oscar@example.com");
        breakReadModelOf(id);
        deposit(id, "1.00");
        deposit(id, "2.00");
        JsonNode first = awaitParked(id, 2).get(0);
        repairReadModelOf(id);

        Reply retried = operator().post(action(first, "retry"), "");

        assertEquals(200, retried.status(), retried.text());
        assertEquals(2, retried.body().get("retried").asInt(), retried.text());
        assertTrue(listed("status=parked", id).isEmpty(), "both were resolved");
        assertError(operator().post(action(first, "retry"), ""), 404, "parked_not_found");
    }

    @Test
    default void aSkippedNotificationIsMarkedSkippedAndCannotBeRetried() throws InterruptedException {
        String id = client().open("Pia", "pia@example.com");
        breakReadModelOf(id);
        deposit(id, "1.00");
        JsonNode parked = awaitParked(id, 1).get(0);

        Reply skipped = operator().post(action(parked, "skip"), "");

        assertEquals(204, skipped.status(), skipped.text());
        List<JsonNode> listed = listed("status=skipped", id);
        assertEquals(1, listed.size(), listed.toString());
        assertEquals("SKIPPED", listed.get(0).get("status").asText());
        Instant.parse(listed.get(0).get("resolvedAt").asText());
        assertError(operator().post(action(parked, "retry"), ""), 404, "parked_not_found");
        assertError(operator().post(action(parked, "skip"), ""), 404, "parked_not_found");
        repairReadModelOf(id);
    }

    @Test
    default void actionsOnANotificationThatIsNotParkedAnswer404() {
        assertAll(
                () -> assertError(operator().post("parked/AccountSummaries/Bank/999999999/retry", ""), 404, "parked_not_found"),
                () -> assertError(operator().post("parked/AccountSummaries/Bank/999999999/skip", ""), 404, "parked_not_found"),
                () -> assertError(operator().post("parked/Nobody/Bank/1/retry", ""), 404, "parked_not_found"),
                () -> assertError(operator().post("parked/AccountSummaries/Nowhere/1/skip", ""), 404, "parked_not_found"));
    }

    @Test
    default void badParametersAnswer400() {
        assertAll(
                () -> assertError(auditor().get("parked?reader=Nobody"), 400, "invalid_parameter"),
                () -> assertError(auditor().get("parked?status=lost"), 400, "invalid_parameter"),
                () -> assertError(auditor().get("parked?limit=0"), 400, "invalid_parameter"),
                () -> assertError(auditor().get("parked?limit=1001"), 400, "invalid_parameter"),
                () -> assertError(auditor().get("parked?limit=x"), 400, "invalid_parameter"),
                () -> assertError(operator().post("parked/AccountSummaries/Bank/0/retry", ""), 400, "invalid_id"),
                () -> assertError(operator().post("parked/AccountSummaries/Bank/abc/skip", ""), 400, "invalid_id"));
    }

    @Test
    default void theListIsAJsonArrayOfAtMostTheLimit() {
        Reply all = auditor().get("parked");
        Reply one = auditor().get("parked?reader=AccountSummaries&status=PARKED&limit=1");

        assertEquals(200, all.status(), all.text());
        assertTrue(all.body().isArray(), all.text());
        assertEquals(200, one.status(), one.text());
        assertTrue(one.body().isArray() && one.body().size() <= 1, one.text());
    }

    /** The account's parked notifications, once there are {@code count} (the projection tries each 5 times first). */
    private List<JsonNode> awaitParked(String account, int count) throws InterruptedException {
        List<JsonNode> parked = listed("status=parked", account);
        for (int i = 0; i < 150 && parked.size() < count; i++) {
            Thread.sleep(200);
            parked = listed("status=parked", account);
        }
        assertEquals(count, parked.size(), parked.toString());
        return parked;
    }

    private List<JsonNode> listed(String query, String account) {
        Reply reply = auditor().get("parked?reader=AccountSummaries&limit=1000&" + query);
        assertEquals(200, reply.status(), reply.text());
        List<JsonNode> ofAccount = new ArrayList<>();
        reply.body().forEach(p -> {
            if (p.get("originatorId").asText().equals(account)) {
                ofAccount.add(p);
            }
        });
        return ofAccount;
    }

    private static String action(JsonNode parked, String action) {
        return "parked/" + parked.get("reader").asText() + "/" + parked.get("upstream").asText() + "/"
                + parked.get("notificationId").asLong() + "/" + action;
    }
}
