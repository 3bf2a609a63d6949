package dev.eventsourcing.jpa;

import dev.eventsourcing.dcb.DcbRecorderTestCase;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;

/**
 * The DCB contract on JPA. A reopened recorder gets an entity manager factory (and so a
 * connection pool) of its own, as an application has after a restart.
 */
abstract class JpaDcbRecorderTestCase extends DcbRecorderTestCase<JpaDcbRecorder> {

    private final List<EntityManagerFactory> reopened = new CopyOnWriteArrayList<>();

    /** The test class's database. */
    protected abstract TestDatabase database();

    @Override
    protected JpaDcbRecorder createRecorder() {
        return new JpaDcbRecorder(TestDatabase.uniqueName("dcb"), database().transactions(), database().strategy());
    }

    @Override
    protected JpaDcbRecorder reopen(JpaDcbRecorder recorder) {
        EntityManagerFactory factory = database().openFactory();
        reopened.add(factory);
        return new JpaDcbRecorder(recorder.applicationName(), JpaTransactions.resourceLocal(factory), database().strategy());
    }

    @AfterEach
    void closeReopenedFactories() {
        reopened.forEach(EntityManagerFactory::close);
    }
}
