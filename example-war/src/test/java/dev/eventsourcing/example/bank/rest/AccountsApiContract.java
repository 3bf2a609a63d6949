package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import org.junit.jupiter.api.Test;

import static dev.eventsourcing.example.bank.rest.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account endpoints over HTTP, on the deployed WAR: each command and its answer. */
interface AccountsApiContract {

    /** The client of the deployed API. */
    BankClient client();

    @Test
    default void openingAnAccountAnswers201WithItsLocationAndId() {
        Reply reply = client().post("accounts", "{\"fullName\":\"Alice Liddell\",\"emailAddress\":\"alice@example.com\"}");

        assertEquals(201, reply.status(), reply.text());
        String id = reply.field("id");
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        assertTrue(reply.location().orElseThrow().endsWith("/bank/api/accounts/" + id), reply.location().toString());
    }

    @Test
    default void aNewAccountHasAZeroBalanceAndNoOverdraft() {
        String id = client().open("Bob Smith", "bob@example.com");

        Reply reply = client().get("accounts/" + id);

        assertEquals(200, reply.status(), reply.text());
        assertAll(
                () -> assertEquals(id, reply.field("id")),
                () -> assertEquals("Bob Smith", reply.field("fullName")),
                () -> assertEquals("bob@example.com", reply.field("emailAddress")),
                () -> assertEquals("0.00", reply.field("balance")),
                () -> assertEquals("0.00", reply.field("overdraftLimit")),
                () -> assertFalse(reply.body().get("closed").asBoolean()),
                () -> assertEquals(1, reply.body().get("version").asLong()));
    }

    @Test
    default void depositsAndWithdrawalsChangeTheBalanceAndAnswerWithTheAccount() {
        String id = client().open("Carol", "carol@example.com");

        Reply deposited = client().post("accounts/" + id + "/deposits", "{\"amount\":\"10.50\"}");
        Reply withdrawn = client().post("accounts/" + id + "/withdrawals", "{\"amount\":\"0.5\"}");

        assertEquals(200, deposited.status(), deposited.text());
        assertEquals("10.50", deposited.field("balance"));
        assertEquals(2, deposited.body().get("version").asLong());
        assertEquals(200, withdrawn.status(), withdrawn.text());
        assertEquals("10.00", withdrawn.field("balance"));
        assertEquals("10.00", client().get("accounts/" + id).field("balance"));
    }

    @Test
    default void theOverdraftLimitLetsTheBalanceGoBelowZero() {
        String id = client().open("Dan", "dan@example.com");

        Reply limited = client().put("accounts/" + id + "/overdraft-limit", "{\"limit\":\"50.00\"}");
        Reply withdrawn = client().post("accounts/" + id + "/withdrawals", "{\"amount\":\"50.00\"}");

        assertEquals(200, limited.status(), limited.text());
        assertEquals("50.00", limited.field("overdraftLimit"));
        assertEquals(200, withdrawn.status(), withdrawn.text());
        assertEquals("-50.00", withdrawn.field("balance"));
    }

    @Test
    default void anAccountMayHaveA200CharacterNameAndA254CharacterAddress() {
        String name = "n".repeat(200);
        String address = "a".repeat(242) + "@example.com";

        String id = client().open(name, address);

        Reply reply = client().get("accounts/" + id);
        assertEquals(name, reply.field("fullName"), reply.text());
        assertEquals(address, reply.field("emailAddress"), reply.text());
    }

    @Test
    default void theMaximumAmountMayBeDepositedWithdrawnAndAllowedAsOverdraft() {
        String id = client().open("Gus", "gus@example.com");

        Reply deposited = client().post("accounts/" + id + "/deposits", "{\"amount\":\"1000000000.00\"}");
        Reply limited = client().put("accounts/" + id + "/overdraft-limit", "{\"limit\":1000000000.00}");
        Reply withdrawn = client().post("accounts/" + id + "/withdrawals", "{\"amount\":\"1000000000\"}");

        assertEquals(200, deposited.status(), deposited.text());
        assertEquals("1000000000.00", deposited.field("balance"));
        assertEquals(200, limited.status(), limited.text());
        assertEquals("1000000000.00", limited.field("overdraftLimit"));
        assertEquals(200, withdrawn.status(), withdrawn.text());
        assertEquals("0.00", withdrawn.field("balance"));
    }

    @Test
    default void withdrawingMoreThanTheBalanceAndOverdraftAllowAnswers409() {
        String id = client().open("Eve", "eve@example.com");
        client().post("accounts/" + id + "/deposits", "{\"amount\":\"20.00\"}");

        Reply reply = client().post("accounts/" + id + "/withdrawals", "{\"amount\":\"20.01\"}");

        assertError(reply, 409, "insufficient_funds");
        assertEquals("20.00", client().get("accounts/" + id).field("balance"));
    }

    @Test
    default void aClosedAccountRefusesEveryCommandWith409() {
        String id = client().open("Frank", "frank@example.com");

        Reply closed = client().post("accounts/" + id + "/close", "");

        assertEquals(200, closed.status(), closed.text());
        assertTrue(closed.body().get("closed").asBoolean());
        assertAll(
                () -> assertError(client().post("accounts/" + id + "/deposits", "{\"amount\":\"1.00\"}"), 409, "account_closed"),
                () -> assertError(client().post("accounts/" + id + "/withdrawals", "{\"amount\":\"1.00\"}"), 409, "account_closed"),
                () -> assertError(client().put("accounts/" + id + "/overdraft-limit", "{\"limit\":\"1.00\"}"), 409, "account_closed"),
                () -> assertError(client().post("accounts/" + id + "/close", ""), 409, "account_closed"));
        assertEquals(2, client().get("accounts/" + id).body().get("version").asLong());
    }

    @Test
    default void anUnknownAccountAnswers404() {
        String unknown = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

        assertAll(
                () -> assertError(client().get("accounts/" + unknown), 404, "account_not_found"),
                () -> assertError(client().post("accounts/" + unknown + "/deposits", "{\"amount\":\"1.00\"}"), 404, "account_not_found"),
                () -> assertError(client().post("accounts/" + unknown + "/close", ""), 404, "account_not_found"));
    }
}
