package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsourcing.persistence.Concurrently;
import dev.eventsourcing.persistence.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Writers of different applications that share one database never fail each other: each
 * application has a counter row of its own, so they do not wait for each other at all, and
 * what one locks to check its versions must not stop the other from inserting.
 */
abstract class ApplicationsWritingTogetherTestCase {

    private static final int APPENDS = 150;

    protected abstract TestDatabase database();

    /**
     * Two applications whose names sort next to each other, so that their new keys meet in the
     * unique key's index, each appending new aggregates from a thread of its own.
     */
    @Test
    void writersOfNeighbouringApplicationsAppendTogetherWithoutFailing() {
        String prefix = TestDatabase.uniqueName("neighbours");
        List<JpaApplicationRecorder> recorders = List.of(
                new JpaApplicationRecorder(prefix + "-a", database().transactions(), database().strategy()),
                new JpaApplicationRecorder(prefix + "-b", database().transactions(), database().strategy()));

        List<Long> last = Concurrently.run(2, Duration.ofMinutes(2), writer -> {
            long id = 0;
            for (int i = 0; i < APPENDS; i++) {
                StoredEvent event = new StoredEvent(UUID.randomUUID(), 1, "Opened", "{}".getBytes(StandardCharsets.UTF_8));
                id = recorders.get(writer).insertEvents(List.of(event)).get(0);
            }
            return id;
        });

        assertEquals(List.of((long) APPENDS, (long) APPENDS), last);
    }
}
