package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.TestUser;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.eventsourcing.example.bank.rest.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what: every path needs a user (401 with a Basic challenge and a JSON body
 * otherwise), and each needs its role (403 with a JSON body otherwise): a teller's for
 * accounts and transfers, an auditor's for the notification log, the statistics and the list
 * of parked notifications, an operator's to retry or skip one.
 */
interface AccessApiContract {

    /** The client of the deployed API, calling as a teller. */
    BankClient client();

    @Test
    default void withoutCredentialsEveryPathAnswers401WithABasicChallenge() {
        String id = client().open("Quinn", "quinn@example.com");
        BankClient nobody = client().anonymous();

        assertAll(
                () -> assertUnauthorized(nobody.get("accounts/" + id)),
                () -> assertUnauthorized(nobody.post("accounts", "{\"fullName\":\"Eve\",\"emailAddress\":\"eve@example.com\"}")),
                () -> assertUnauthorized(nobody.post("accounts/" + id + "/deposits", "{\"amount\":\"1.00\"}")),
                () -> assertUnauthorized(nobody.post("transfers", "{}")),
                () -> assertUnauthorized(nobody.get("notifications")),
                () -> assertUnauthorized(nobody.get("statistics")),
                () -> assertUnauthorized(nobody.get("parked")),
                () -> assertUnauthorized(nobody.post("parked/AccountSummaries/Bank/1/skip", "")),
                () -> assertUnauthorized(nobody.get("no/such/path")));
        assertEquals("0.00", client().get("accounts/" + id).field("balance"), "the refused deposit changed nothing");
    }

    @Test
    default void aWrongPasswordOrAnUnknownUserAnswers401() {
        String id = client().open("Rhea", "rhea@example.com");

        assertAll(
                () -> assertUnauthorized(as(TestUser.TELLER.withPassword("wrong")).apply("accounts/" + id)),
                () -> assertUnauthorized(as(TestUser.TELLER.withPassword("")).apply("accounts/" + id)),
                () -> assertUnauthorized(as(TestUser.AUDITOR.withPassword(TestUser.TELLER.password())).apply("statistics")),
                () -> assertUnauthorized(as(new TestUser("mallory", "mallory")).apply("statistics")));
    }

    @Test
    default void aUserWithoutTheRoleAnswers403() {
        String id = client().open("Sven", "sven@example.com");
        BankClient auditor = client().as(TestUser.AUDITOR);
        BankClient operator = client().as(TestUser.OPERATOR);

        assertAll(
                () -> assertForbidden(auditor.post("accounts/" + id + "/deposits", "{\"amount\":\"5.00\"}")),
                () -> assertForbidden(auditor.get("accounts/" + id)),
                () -> assertForbidden(operator.post("accounts", "{\"fullName\":\"Eve\",\"emailAddress\":\"eve@example.com\"}")),
                () -> assertForbidden(client().get("notifications")),
                () -> assertForbidden(client().get("statistics")),
                () -> assertForbidden(client().get("parked")),
                () -> assertForbidden(auditor.post("parked/AccountSummaries/Bank/1/retry", "")),
                () -> assertForbidden(client().post("parked/AccountSummaries/Bank/1/skip", "")));
        Reply account = client().get("accounts/" + id);
        assertEquals("0.00", account.field("balance"), "the refused deposit changed nothing");
        assertEquals(1, account.body().get("version").asLong(), account.text());
    }

    @Test
    default void eachRoleReachesWhatItMayCall() {
        String id = client().open("Tara", "tara@example.com");
        BankClient auditor = client().as(TestUser.AUDITOR);
        BankClient operator = client().as(TestUser.OPERATOR);

        Reply deposited = client().post("accounts/" + id + "/deposits", "{\"amount\":\"5.00\"}");
        Reply log = auditor.get("notifications?limit=1");
        Reply statistics = auditor.get("statistics");
        Reply parked = auditor.get("parked");
        Reply retry = operator.post("parked/AccountSummaries/Bank/999999999/retry", "");

        assertAll(
                () -> assertEquals(200, deposited.status(), deposited.text()),
                () -> assertEquals("5.00", deposited.field("balance"), deposited.text()),
                () -> assertEquals(200, log.status(), log.text()),
                () -> assertTrue(log.body().get("items").isArray(), log.text()),
                () -> assertEquals(200, statistics.status(), statistics.text()),
                () -> assertEquals(200, parked.status(), parked.text()),
                // Past the role check: the runner answers that nothing of that id is parked.
                () -> assertError(retry, 404, "parked_not_found"),
                () -> assertError(client().get("no/such/path"), 404, "not_found"));
    }

    @Test
    default void thePageThatShapesRefusalsAnswers404WhenAskedForDirectly() {
        assertError(client().anonymous().get("../errors/access"), 404, "not_found");
    }

    private Function<String, Reply> as(TestUser user) {
        return path -> client().as(user).get(path);
    }

    private static void assertUnauthorized(Reply reply) {
        assertError(reply, 401, "unauthorized");
        assertTrue(reply.challenge().orElse("").startsWith("Basic realm=\"bank\""),
                () -> "WWW-Authenticate: " + reply.challenge().orElse("(none)"));
    }

    private static void assertForbidden(Reply reply) {
        assertError(reply, 403, "forbidden");
    }
}
