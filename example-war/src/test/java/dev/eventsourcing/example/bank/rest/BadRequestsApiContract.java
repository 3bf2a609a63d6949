package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.TestUser;
import org.junit.jupiter.api.Test;

import static dev.eventsourcing.example.bank.rest.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input over HTTP: each gets a 400 with a specific error code, and changes nothing. */
interface BadRequestsApiContract {

    /** The client of the deployed API. */
    BankClient client();

    @Test
    default void malformedJsonAnswers400() {
        String id = client().open("Grace", "grace@example.com");

        assertAll(
                () -> assertError(client().post("accounts", "{\"fullName\":"), 400, "malformed_json"),
                () -> assertError(client().post("accounts", "not json"), 400, "malformed_json"),
                () -> assertError(client().post("accounts", "[1,2]"), 400, "malformed_json"),
                () -> assertError(client().post("accounts", ""), 400, "malformed_json"),
                () -> assertError(client().post("accounts", "{\"fullName\":\"G\",\"fullName\":\"H\",\"emailAddress\":\"g@example.com\"}"),
                        400, "malformed_json"),
                () -> assertError(client().post("accounts/" + id + "/deposits", "{\"amount\":"), 400, "malformed_json"),
                () -> assertError(client().put("accounts/" + id + "/overdraft-limit", "{"), 400, "malformed_json"));
    }

    @Test
    default void missingFieldsAnswer400() {
        String id = client().open("Heidi", "heidi@example.com");

        assertAll(
                () -> assertError(client().post("accounts", "{\"fullName\":\"Heidi\"}"), 400, "missing_field"),
                () -> assertError(client().post("accounts", "{\"emailAddress\":\"h@example.com\"}"), 400, "missing_field"),
                () -> assertError(client().post("accounts", "{\"fullName\":\" \",\"emailAddress\":\"h@example.com\"}"), 400, "missing_field"),
                () -> assertError(client().post("accounts/" + id + "/deposits", "{}"), 400, "missing_field"),
                () -> assertError(client().post("accounts/" + id + "/withdrawals", "{\"amount\":null}"), 400, "missing_field"),
                () -> assertError(client().put("accounts/" + id + "/overdraft-limit", "{}"), 400, "missing_field"));
    }

    @Test
    default void nonPositiveOrNonNumericAmountsAnswer400AndChangeNothing() {
        String id = client().open("Ivan", "ivan@example.com");
        String deposits = "accounts/" + id + "/deposits";

        assertAll(
                () -> assertError(client().post(deposits, "{\"amount\":\"0.00\"}"), 400, "invalid_amount"),
                () -> assertError(client().post(deposits, "{\"amount\":\"-5.00\"}"), 400, "invalid_amount"),
                () -> assertError(client().post(deposits, "{\"amount\":\"ten\"}"), 400, "invalid_amount"),
                () -> assertError(client().post(deposits, "{\"amount\":\"1.001\"}"), 400, "invalid_amount"),
                () -> assertError(client().post(deposits, "{\"amount\":\"1e3\"}"), 400, "invalid_amount"),
                () -> assertError(client().post(deposits, "{\"amount\":true}"), 400, "invalid_amount"),
                () -> assertError(client().post("accounts/" + id + "/withdrawals", "{\"amount\":\"0\"}"), 400, "invalid_amount"),
                () -> assertError(client().put("accounts/" + id + "/overdraft-limit", "{\"limit\":\"-1.00\"}"), 400, "invalid_amount"));
        assertEquals(1, client().get("accounts/" + id).body().get("version").asLong());
    }

    @Test
    default void aNameOrAddressLongerThanItsLimitAnswers400NamingTheFieldAndTheLimit() {
        String name = "n".repeat(200);
        String address = "a".repeat(242) + "@example.com";

        Reply longName = client().post("accounts", opening(name + "n", address));
        Reply longAddress = client().post("accounts", opening(name, "a" + address));

        assertError(longName, 400, "field_too_long");
        assertError(longAddress, 400, "field_too_long");
        assertEquals("Field 'fullName' must be at most 200 characters, was 201", longName.field("message"));
        assertEquals("Field 'emailAddress' must be at most 254 characters, was 255", longAddress.field("message"));
    }

    @Test
    default void amountsOverTheMaximumAnswer400NamingItAndChangeNothing() {
        String id = client().open("Judy", "judy@example.com");
        String deposits = "accounts/" + id + "/deposits";

        assertAll(
                () -> assertOverTheMaximum(client().post(deposits, "{\"amount\":\"1000000000.01\"}")),
                () -> assertOverTheMaximum(client().post(deposits, "{\"amount\":1000000000.01}")),
                () -> assertOverTheMaximum(client().post(deposits, "{\"amount\":\"999999999999999.99\"}")),
                () -> assertOverTheMaximum(client().post("accounts/" + id + "/withdrawals", "{\"amount\":\"1000000000.01\"}")),
                () -> assertOverTheMaximum(client().put("accounts/" + id + "/overdraft-limit", "{\"limit\":\"1000000000.01\"}")));
        assertEquals(1, client().get("accounts/" + id).body().get("version").asLong());
    }

    @Test
    default void aBodyOf64KiBIsReadAndALargerOneAnswers400() {
        String id = client().open("Karl", "karl@example.com");
        String deposits = "accounts/" + id + "/deposits";
        String deposit = "{\"amount\":\"1.00\"}";

        Reply exactly = client().post(deposits, padded(deposit, 65536));
        Reply oneByteMore = client().post(deposits, padded(deposit, 65537));
        Reply fiveMiB = client().post(deposits, padded(deposit, 5 << 20));

        assertEquals(200, exactly.status(), exactly.text());
        assertError(oneByteMore, 400, "body_too_large");
        assertError(fiveMiB, 400, "body_too_large");
        assertTrue(fiveMiB.field("message").contains("at most 65536 bytes"), fiveMiB.text());
        assertEquals("1.00", client().get("accounts/" + id).field("balance"));
    }

    @Test
    default void jsonNested16DeepIsReadAndDeeperAnswers400() {
        String id = client().open("Lena", "lena@example.com");
        String deposits = "accounts/" + id + "/deposits";

        Reply sixteen = client().post(deposits, "{\"amount\":\"1.00\",\"note\":" + nested(15) + "}");
        Reply seventeen = client().post(deposits, "{\"amount\":\"1.00\",\"note\":" + nested(16) + "}");
        Reply tenThousand = client().post(deposits, nested(10_000));

        assertEquals(200, sixteen.status(), sixteen.text());
        assertError(seventeen, 400, "json_too_complex");
        assertError(tenThousand, 400, "json_too_complex");
        assertTrue(tenThousand.field("message").contains("at most 16 levels deep"), tenThousand.text());
        assertEquals("1.00", client().get("accounts/" + id).field("balance"));
    }

    @Test
    default void badAccountIdsAnswer400() {
        assertAll(
                () -> assertError(client().get("accounts/not-a-uuid"), 400, "invalid_id"),
                () -> assertError(client().get("accounts/1-2-3-4-5"), 400, "invalid_id"),
                () -> assertError(client().post("accounts/123/deposits", "{\"amount\":\"1.00\"}"), 400, "invalid_id"),
                () -> assertError(client().post("accounts/xyz/close", ""), 400, "invalid_id"));
    }

    @Test
    default void badPagingParametersAnswer400() {
        assertAll(
                () -> assertError(client().as(TestUser.AUDITOR).get("notifications?start=0"), 400, "invalid_paging"),
                () -> assertError(client().as(TestUser.AUDITOR).get("notifications?start=-3"), 400, "invalid_paging"),
                () -> assertError(client().as(TestUser.AUDITOR).get("notifications?start=abc"), 400, "invalid_paging"),
                () -> assertError(client().as(TestUser.AUDITOR).get("notifications?limit=0"), 400, "invalid_paging"),
                () -> assertError(client().as(TestUser.AUDITOR).get("notifications?limit=1000000"), 400, "invalid_paging"),
                () -> assertError(client().as(TestUser.AUDITOR).get("notifications?start=1&limit=x"), 400, "invalid_paging"));
    }

    private static void assertOverTheMaximum(Reply reply) {
        assertError(reply, 400, "invalid_amount");
        assertTrue(reply.field("message").contains("must be at most 1000000000.00"), reply.text());
    }

    private static String opening(String fullName, String emailAddress) {
        return "{\"fullName\":\"" + fullName + "\",\"emailAddress\":\"" + emailAddress + "\"}";
    }

    /** The JSON followed by spaces, to the given length in bytes. */
    private static String padded(String json, int bytes) {
        return json + " ".repeat(bytes - json.length());
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
