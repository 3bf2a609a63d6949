package dev.eventsourcing.cdi.jpa;

import dev.eventsourcing.cdi.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresDcbProjectionTest extends JpaDcbProjectionTestCase {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = TestDatabase.postgresql();
        database.execute(JoinRow.DDL);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.drop();
        }
    }

    @Override
    TestDatabase database() {
        return database;
    }
}
