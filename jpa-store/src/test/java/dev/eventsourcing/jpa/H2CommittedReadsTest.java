package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reader sees what was committed before it asked, on the H2 version WildFly ships (2.2.224).
 * That H2 may answer a query with the result it cached for the same statement before another
 * session's commit (h2database issue 3894, fixed in 2.3.232), for as long as nothing else
 * modifies the table; the H2 strategy turns that cache off where the database has the bug.
 */
class H2CommittedReadsTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Test
    void aReaderNeverMissesAnEventCommittedBeforeItAsked() throws Exception {
        JpaApplicationRecorder writer = DATABASE.applicationRecorder();
        var reader = new JpaApplicationRecorder(writer.applicationName(), DATABASE.transactions(), DATABASE.strategy());
        int events = 300;
        AtomicLong committed = new AtomicLong();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            for (int i = 1; i <= events; i++) {
                writer.insertEvents(List.of(new StoredEvent(UUID.randomUUID(), 1, "topic", new byte[] {1})));
                committed.set(i);
            }
        });
        List<String> missed = new ArrayList<>();
        while (!writing.isDone()) {
            long before = committed.get();
            long seen = reader.maxNotificationId();
            if (seen < before) {
                missed.add("saw " + seen + " after " + before + " had been committed");
            }
        }
        writing.get(1, TimeUnit.SECONDS);
        assertEquals(List.of(), missed.subList(0, Math.min(5, missed.size())), missed.size() + " stale reads, the first five");
    }

    @Test
    void theH2VersionsBefore2_3_232AreTheOnesWithStaleResults() {
        assertTrue(H2ResultReuse.hasStaleResults("2.2.224"));
        assertTrue(H2ResultReuse.hasStaleResults("2.3.230 (2024-07-15)"));
        assertFalse(H2ResultReuse.hasStaleResults("2.3.232"));
        assertFalse(H2ResultReuse.hasStaleResults("2.4.240"));
        assertFalse(H2ResultReuse.hasStaleResults("1.4.200"), "1.x is left alone");
        assertFalse(H2ResultReuse.hasStaleResults("unknown"));
    }
}
