package dev.eventsourcing.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IdsTest {

    @Test
    void nameBasedIdsAreTheStandardVersionFiveIds() {
        // Values as RFC 4122 implementations elsewhere compute them (e.g. Python's uuid.uuid5).
        assertEquals(UUID.fromString("aa006163-b22e-5d26-8740-b3bfb50ec29c"), Ids.fromName("alice@example.com"));
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertEquals(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"), Ids.fromName(dns, "python.org"));
    }

    @Test
    void nameBasedIdsAreStableAndDifferPerName() {
        assertEquals(Ids.fromName("a"), Ids.fromName("a"));
        assertNotEquals(Ids.fromName("a"), Ids.fromName("b"));
        assertEquals(5, Ids.fromName("a").version());
        assertEquals(4, Ids.random().version());
    }
}
