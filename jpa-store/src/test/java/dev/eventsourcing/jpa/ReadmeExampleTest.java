package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The set-up shown in jpa-store/README.md, run as written (on H2). */
class ReadmeExampleTest {

    @Test
    void theReadmeSetUpRecordsEventsSnapshotsAndPositions() throws Exception {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("eventsourcing-test", Map.of(
                "jakarta.persistence.jdbc.url", "jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1",
                "jakarta.persistence.jdbc.user", "sa", "jakarta.persistence.jdbc.password", ""));
        try {
            // --- as in the README, with H2 for PostgreSQL
            JpaTransactions transactions = JpaTransactions.resourceLocal(emf);
            DatabaseStrategy database = DatabaseStrategy.h2();
            JpaSchema.createTables(transactions, database);                 // or a migration tool
            var bank = new JpaProcessRecorder("Bank", transactions, database);
            var snapshots = new JpaAggregateRecorder("Bank", transactions, database);  // es_aggregate_events
            var balances = new JpaTrackingRecorder("Balances", transactions, database);
            // ---
            UUID account = UUID.randomUUID();
            assertEquals(List.of(1L), bank.insertEvents(List.of(new StoredEvent(account, 1, "Opened", new byte[] {1})),
                    new Tracking("Upstream", 1)));
            snapshots.insertEvents(List.of(new StoredEvent(account, 1, "Snapshot", new byte[] {2})));
            balances.insertTracking(new Tracking("Bank", 1));
            assertEquals(1, bank.maxTrackingId("Upstream"));
            assertEquals(1, snapshots.selectEvents(account).size());
            assertEquals(1, balances.maxTrackingId("Bank"));
        } finally {
            emf.close();
        }
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("var bank = new JpaProcessRecorder(\"Bank\", transactions, database);")
                        && readme.contains("var balances = new JpaTrackingRecorder(\"Balances\", transactions, database);")
                        && readme.contains("var snapshots = new JpaAggregateRecorder(\"Bank\", transactions, database);"),
                "the README shows the code this test runs");
    }
}
