package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.EventSourcingException;
import dev.eventsourcing.jpa.entity.StoredEventEntity;
import dev.eventsourcing.persistence.DataException;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.RecorderException;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The messages of this module's exceptions say what failed (the operation, the SQLState, the
 * constraint) without the SQL text, the values bound to it or the event's state, which the
 * driver's and the provider's messages carry. The provider's exception stays attached as the
 * cause: only the messages of this library's exceptions, down the cause chain, are checked.
 * Subclasses name the database and provider.
 */
abstract class ErrorTextTestCase {

    static final String SECRET = "s3cr3t";

    abstract TestDatabase database();

    @Test
    void aValueTooLongIsReportedWithoutTheStatementOrTheValue() {
        var recorder = database().applicationRecorder();
        String topic = "topic-" + SECRET.repeat(200);
        var event = new StoredEvent(UUID.randomUUID(), 1, topic, ("state-" + SECRET).getBytes(StandardCharsets.UTF_8));

        var error = assertThrows(DataException.class, () -> recorder.insertEvents(List.of(event)));

        assertSaysWithoutSecrets(error, "Inserting 1 events into " + recorder.applicationName(), "22001",
                event.originatorId().toString());
    }

    @Test
    void aViolatedKeyIsNamedWithoutTheStatementOrItsValues() {
        String application = TestDatabase.uniqueName("text");
        UUID originator = UUID.randomUUID();
        EntityManager em = database().factory().createEntityManager();
        RuntimeException failure;
        try {
            em.getTransaction().begin();
            em.persist(row(application, 1, originator));
            em.persist(row(application, 2, originator));
            failure = assertThrows(RuntimeException.class, em::flush);
        } finally {
            em.getTransaction().rollback();
            em.close();
        }

        RecorderException translated = JpaExceptions.translate(failure, "Inserting 2 events into " + application);

        assertInstanceOf(IntegrityException.class, translated);
        assertSaysWithoutSecrets(translated, "Inserting 2 events into " + application, "23", originator.toString());
        assertTrue(lower(translated.getMessage()).contains("es_events_originator_uk"),
                "names the constraint: " + translated.getMessage());
    }

    private static StoredEventEntity row(String application, long id, UUID originator) {
        return new StoredEventEntity(application, id, originator, 1, "topic-" + SECRET,
                ("state-" + SECRET).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Asserts that the message says the operation and the SQLState, and that no message of this
     * library's exceptions in the cause chain holds SQL, the secret or any of the given values.
     */
    static void assertSaysWithoutSecrets(Throwable error, String operation, String sqlState, String... values) {
        String message = error.getMessage();
        List<Runnable> checks = new ArrayList<>();
        checks.add(() -> assertTrue(message.contains(operation), "names the operation: " + message));
        checks.add(() -> assertTrue(message.contains("SQLState " + sqlState), "gives the SQLState: " + message));
        for (String own : ownMessages(error)) {
            String text = lower(own);
            checks.add(() -> assertTrue(!text.contains(SECRET), "no secret in: " + own));
            checks.add(() -> assertTrue(!text.contains("insert ") && !text.contains("select ") && !text.contains(" values")
                    && !text.contains("?"), "no SQL in: " + own));
            for (String value : values) {
                checks.add(() -> assertTrue(!text.contains(lower(value)), "no value " + value + " in: " + own));
            }
        }
        assertAll(checks.stream().map(check -> (org.junit.jupiter.api.function.Executable) check::run));
    }

    /** The messages of this library's exceptions in the cause chain (and their suppressed ones). */
    static List<String> ownMessages(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EventSourcingException && t.getMessage() != null) {
                messages.add(t.getMessage());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                messages.addAll(ownMessages(suppressed));
            }
        }
        return messages;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
