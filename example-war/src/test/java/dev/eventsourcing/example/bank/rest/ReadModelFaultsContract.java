package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the tests of parking and of health do to make the bank's projection fail on an account
 * and recover: through the test-only endpoint of {@code ReadModelFaults}, remove the account's
 * row so that the projection's next update of it fails, and put it back.
 */
interface ReadModelFaultsContract {

    /** The client of the deployed API, calling as a teller. */
    BankClient client();

    /** Removes the account's row once the projection has made it, so that its next update fails. */
    default void breakReadModelOf(String account) throws InterruptedException {
        // The projection may not have projected the opening yet: there is no row to remove then.
        Reply reply = client().delete("test/read-model/accounts/" + account);
        for (int i = 0; i < 150 && reply.status() == 404; i++) {
            Thread.sleep(200);
            reply = client().delete("test/read-model/accounts/" + account);
        }
        assertEquals(204, reply.status(), reply.text());
    }

    /** Puts the account's row back, so that the projection can process its events again. */
    default void repairReadModelOf(String account) {
        Reply reply = client().put("test/read-model/accounts/" + account, "");
        assertEquals(204, reply.status(), reply.text());
    }

    /** Deposits the amount, failing unless the API answered 200. */
    default void deposit(String account, String amount) {
        Reply reply = client().post("accounts/" + account + "/deposits", "{\"amount\":\"" + amount + "\"}");
        assertEquals(200, reply.status(), reply.text());
    }
}
