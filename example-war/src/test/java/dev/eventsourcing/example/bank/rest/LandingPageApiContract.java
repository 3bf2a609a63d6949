package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deployment's root answers anyone with a page that says what the bank is and where its API is. */
interface LandingPageApiContract {

    /** The client of the deployed API. */
    BankClient client();

    @Test
    default void theRootOfTheDeploymentShowsALandingPageWithoutCredentials() {
        Reply page = client().anonymous().get("../");

        assertEquals(200, page.status(), page.text());
        assertTrue(page.text().contains("<h1>Bank</h1>"), page.text());
        assertTrue(page.text().contains("href=\"api/statistics\""), page.text());
    }
}
