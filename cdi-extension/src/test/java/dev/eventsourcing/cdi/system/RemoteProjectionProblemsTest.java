package dev.eventsourcing.cdi.system;

import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.system.transfers.Accounts;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A follow key for a projection that cannot work fails the deployment with ESCDI012, naming the
 * key and its value.
 */
class RemoteProjectionProblemsTest {

    private static final String KEY = "eventsourcing.bank-view.follow.Bank.url";
    private static final String URL = "http://127.0.0.1:1/bank/api/notifications";
    private static final Map.Entry<String, String> ASYNC = Map.entry("eventsourcing.projection.dispatch", "async");

    @Test
    void aKeyNamingNeitherAProcessApplicationNorAProjectionFailsTheDeployment() {
        String key = "eventsourcing.bank-veiw.follow.Bank.url";
        String failure = Deployments.failureOf(Map.ofEntries(ASYNC, Map.entry(key, URL)), BankView.class);

        assertEscdi012(failure, key, URL);
        assertTrue(failure.contains("'bank-veiw', which is neither a process application nor a projection"), failure);
        assertTrue(failure.contains("projections: [bank-view]"), failure);
    }

    @Test
    void aRemoteLogNamedLikeAnApplicationOfTheDeploymentFailsTheDeployment() {
        String key = "eventsourcing.bank-view.follow.Application.url";
        String failure = Deployments.failureOf(Map.ofEntries(ASYNC, Map.entry(key, URL)), BankView.class);

        assertEscdi012(failure, key, URL);
        assertTrue(failure.contains("'Application', which is the name of an application of this deployment"), failure);
    }

    @Test
    void aValueThatIsNoHttpUrlFailsTheDeployment() {
        String value = "ftp://127.0.0.1/bank/api/notifications";
        String failure = Deployments.failureOf(Map.ofEntries(ASYNC, Map.entry(KEY, value)), BankView.class);

        assertEscdi012(failure, KEY, value);
        assertTrue(failure.contains("must be the http(s) URL of a notification log"), failure);
    }

    @Test
    void followingARemoteLogWithSynchronousDispatchFailsTheDeployment() {
        String failure = Deployments.failureOf(Map.of(KEY, URL), BankView.class);

        assertEscdi012(failure, KEY, URL);
        assertTrue(failure.contains("needs asynchronous dispatch") && failure.contains("projection.dispatch=async"), failure);
    }

    @Test
    void aKeyNamingBothAProcessApplicationAndAProjectionFailsTheDeployment() {
        String key = "eventsourcing.Accounts.follow.Bank.url";
        String failure = Deployments.failureOf(Map.ofEntries(ASYNC, Map.entry(key, URL)), Accounts.class,
                AccountsView.class);

        assertEscdi012(failure, key, URL);
        assertTrue(failure.contains("both a process application and a projection"), failure);
    }

    private static void assertEscdi012(String failure, String key, String value) {
        assertTrue(failure.contains("ESCDI012"), failure);
        assertTrue(failure.contains("'" + key + "'") && failure.contains("'" + value + "'"), failure);
    }

    /** A projection that goes by the name of a process application. */
    @Projection("Accounts")
    static class AccountsView {
        void on(@Observes BankAccount.Deposited event) {
        }
    }
}
