package dev.eventsourcing.cdi.jpa;

import dev.eventsourcing.cdi.Teller;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestDatabase;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With RESOURCE_LOCAL transactions, dispatch may also run in the saving thread. */
class H2SynchronousDispatchTest {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = TestDatabase.h2();
        database.execute(DepositRow.DDL);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.drop();
    }

    @Test
    void theViewIsWrittenWhenSaveReturns() throws Exception {
        WeldContainer container = Deployments.start(Map.of(
                "eventsourcing.persistence.module", "jpa",
                "eventsourcing.jpa.url", database.url(),
                "eventsourcing.jpa.user", database.user(),
                "eventsourcing.projection.dispatch", "sync"), Teller.class, DepositView.class);
        try {
            Teller teller = container.select(Teller.class).get();
            UUID id = teller.open("Erin");
            teller.deposit(id, "1.00");
            teller.deposit(id, "2.00");

            assertEquals(2, database.count("SELECT COUNT(*) FROM deposit_view WHERE account_id = '" + id + "'"));
        } finally {
            container.shutdown();
        }
    }
}
