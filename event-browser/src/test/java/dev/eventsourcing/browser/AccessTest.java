package dev.eventsourcing.browser;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.eventsourcing.browser.LogAndHistoryTest.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may view and act, as configured; and what a caller gets when nothing runs. */
class AccessTest {

    @Test
    void theRolesDefaultWhenNotConfiguredAndAreReadFromTheirKeys() {
        BrowserSettings defaults = BrowserSettings.read(Settings.empty());
        BrowserSettings configured = BrowserSettings.read(Settings.of(Map.of(
                "browser.role", "auditor", "browser.operator-role", "operator")));

        assertEquals(new BrowserSettings("eventsourcing-browser", "eventsourcing-operator"), defaults);
        assertEquals(new BrowserSettings("auditor", "operator"), configured);
    }

    @Test
    void aRoleThatCannotBeARoleNameIsRefusedNamingTheKeyAndTheValue() {
        ConfigurationException spaced = assertThrows(ConfigurationException.class,
                () -> BrowserSettings.read(Settings.of(Map.of("browser.role", "two words"))));
        ConfigurationException list = assertThrows(ConfigurationException.class,
                () -> BrowserSettings.read(Settings.of(Map.of("browser.operator-role", "a,b"))));
        ConfigurationException anyone = assertThrows(ConfigurationException.class,
                () -> new BrowserSettings("**", "operator"));

        assertAll(
                () -> assertTrue(spaced.getMessage().contains("eventsourcing.browser.role")
                        && spaced.getMessage().contains("'two words'"), spaced.getMessage()),
                () -> assertTrue(list.getMessage().contains("eventsourcing.browser.operator-role")
                        && list.getMessage().contains("'a,b'"), list.getMessage()),
                () -> assertTrue(anyone.getMessage().contains("'**'"), anyone.getMessage()));
    }

    @Test
    void anOperatorMayAlsoViewAndAUserInNeitherRoleMayDoNothing() {
        BrowserSettings settings = new BrowserSettings("auditor", "operator");

        Caller auditor = Caller.of(settings, Set.of("auditor")::contains, "a");
        Caller operator = Caller.of(settings, Set.of("operator")::contains, "o");
        Caller teller = Caller.of(settings, Set.of("teller")::contains, "t");

        assertEquals(new Caller("a", true, false), auditor);
        assertEquals(new Caller("o", true, true), operator);
        assertEquals(new Caller("t", false, false), teller);
    }

    @Test
    void aCallerInNeitherRoleIsRefusedEveryResourceWith403() {
        try (BrowsedBank browsed = new BrowsedBank(Map.of())) {
            assertError(browsed.get(BrowsedBank.STRANGER, "/applications"), 403, "forbidden");
            assertError(browsed.get(BrowsedBank.STRANGER, "/me"), 403, "forbidden");
            assertError(browsed.post(BrowsedBank.STRANGER, "/parked/balances/Bank/1/retry"), 403, "forbidden");
        }
    }

    @Test
    void theCallerLearnsTheirNameAndWhetherTheyMayAct() {
        try (BrowsedBank browsed = new BrowsedBank(Map.of())) {
            assertTrue(browsed.ok(browsed.get(BrowsedBank.OPERATOR, "/me")).get("operator").asBoolean());
            assertFalse(browsed.ok(browsed.get(BrowsedBank.VIEWER, "/me")).get("operator").asBoolean());
            assertEquals("auditor", browsed.ok(browsed.get(BrowsedBank.VIEWER, "/me")).get("name").asText());
        }
    }

    @Test
    void whileNothingRunsTheApiAnswers503() {
        BrowserApi api = new BrowserApi(() -> {
            throw new IllegalStateException("Event sourcing is not running");
        });

        Reply reply = api.handle(new BrowserRequest("GET", BrowserRequest.segments("/readers"), Map.of(),
                BrowsedBank.VIEWER, Map.of()));

        assertError(reply, 503, "not_running");
    }

    @Test
    void unknownResourcesAnswer404() {
        try (BrowsedBank browsed = new BrowsedBank(Map.of())) {
            assertError(browsed.get(BrowsedBank.VIEWER, "/"), 404, "not_found");
            assertError(browsed.get(BrowsedBank.VIEWER, "/nothing/here"), 404, "not_found");
        }
    }
}
