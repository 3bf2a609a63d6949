package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.PersonalData;
import dev.eventsourcing.persistence.inmemory.InMemorySubjectKeyRecorder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the subject of a personal event is found, and what a marking that cannot be followed gets. */
class PersonalDataSubjectsTest {

    private final Mapper mapper = Mapper.builder().subjectKeys(new InMemorySubjectKeyRecorder()).build();

    static class Ledger extends Aggregate {
        @PersonalData(subject = "customer")
        public record Noted(UUID customer, String note) implements AggregateEvent<Ledger> {
        }

        @PersonalData(subject = "note")
        public record Mislabelled(UUID customer, String note) implements AggregateEvent<Ledger> {
        }

        @PersonalData(subject = "nobody")
        public record Unnamed(String note) implements AggregateEvent<Ledger> {
        }
    }

    private static <P> DomainEvent<P> event(P payload) {
        return new DomainEvent<>(UUID.randomUUID(), 1, Instant.parse("2026-05-04T09:15:00Z"), payload);
    }

    @Test
    void theSubjectIsTheUuidTheNamedComponentHolds() {
        UUID customer = UUID.randomUUID();
        DomainEvent<Ledger.Noted> noted = event(new Ledger.Noted(customer, "owes us"));

        assertEquals(Optional.of(customer), PersonalDataSubjects.subjectOf(noted));
        StoredEvent stored = mapper.toStoredEvent(noted);
        assertEquals(Optional.of(customer), SubjectKeys.subjectOf(stored.state()));
        assertEquals(noted.payload(), mapper.toDomainEvent(stored).payload());
    }

    @Test
    void aComponentThatIsNoUuidOrIsMissingIsReportedBeforeAnyWrite() {
        assertTrue(EventTypes.problemOf(Ledger.Mislabelled.class).orElseThrow().endsWith(
                "'note' does not return the subject's id as a UUID"), EventTypes.problemOf(Ledger.Mislabelled.class)::get);
        assertTrue(EventTypes.problemOf(Ledger.Unnamed.class).orElseThrow().endsWith(
                "it has no public method or record component 'nobody'"));
        MapperException refused = assertThrows(MapperException.class,
                () -> mapper.toStoredEvent(event(new Ledger.Unnamed("x"))));
        assertTrue(refused.getMessage().contains("'nobody'"), refused.getMessage());
    }

    @Test
    void aSubjectThatIsNullIsRefusedAndNothingIsWritten() {
        MapperException refused = assertThrows(MapperException.class,
                () -> mapper.toStoredEvent(event(new Ledger.Noted(null, "owes us"))));

        assertTrue(refused.getMessage().contains("returned null: personal data needs a subject"), refused.getMessage());
    }

    @Test
    void aMapperWithoutSubjectKeysRefusesToWritePersonalDataAndToReadIt() {
        Mapper plain = Mapper.create();
        DomainEvent<Ledger.Noted> noted = event(new Ledger.Noted(UUID.randomUUID(), "owes us"));

        MapperException refused = assertThrows(MapperException.class, () -> plain.toStoredEvent(noted));
        assertTrue(refused.getMessage().contains("this mapper has no subject keys"), refused.getMessage());
        DecryptionException unreadable = assertThrows(DecryptionException.class,
                () -> plain.toDomainEvent(mapper.toStoredEvent(noted)));
        assertTrue(unreadable.getMessage().contains("this mapper has no subject keys"), unreadable.getMessage());
    }
}
