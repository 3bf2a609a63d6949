package dev.eventsourcing.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotMappingTest {

    private static final UUID OTHER = UUID.fromString("5d1a3f7e-2b4c-4e8a-9f60-7c3b2a1d0e9f");

    private final Mapper mapper = Mapper.create();

    private static Account accountWithHistory(List<DomainEvent<?>> events) {
        Account account = Account.open("Zoë", Account.Currency.EUR);
        account.deposit(new BigDecimal("10.00"));
        account.deposit(new BigDecimal("0.000000001"));
        account.tag("vip");
        account.tag("früh");
        account.transfer(OTHER, new BigDecimal("2.50"));
        events.addAll(account.collectEvents());
        return account;
    }

    @SuppressWarnings("unchecked")
    private DomainEvent<Account> roundTrip(DomainEvent<Account> snapshot) {
        return (DomainEvent<Account>) mapper.toDomainEvent(mapper.toStoredEvent(snapshot));
    }

    private static void assertSameState(Account expected, Account actual) {
        assertEquals(expected.id(), actual.id());
        assertEquals(expected.version(), actual.version());
        assertEquals(expected.createdOn(), actual.createdOn());
        assertEquals(expected.modifiedOn(), actual.modifiedOn());
        assertEquals(expected.owner(), actual.owner());
        assertEquals(expected.balance(), actual.balance());
        assertEquals(expected.deposits(), actual.deposits());
        assertEquals(List.copyOf(expected.tags()), List.copyOf(actual.tags()));
        assertEquals(expected.transfers(), actual.transfers());
        assertEquals(expected.closedOn(), actual.closedOn());
        assertEquals(expected.currency(), actual.currency());
    }

    @Test
    void aSnapshotOfAnAggregateWithCollectionsAndBigDecimalsRoundTrips() {
        Account account = accountWithHistory(new ArrayList<>());
        DomainEvent<Account> snapshot = Aggregates.snapshotOf(account);
        DomainEvent<Account> restored = roundTrip(snapshot);
        assertEquals(account.id(), restored.originatorId());
        assertEquals(6, restored.originatorVersion());
        assertEquals(account.modifiedOn(), restored.timestamp());
        assertSameState(account, restored.payload());
        assertEquals(new BigDecimal("7.500000001"), restored.payload().balance());
    }

    @Test
    void aSnapshotStoresTheAggregatesFieldsAndThoseOfTheBaseClassButNoTransientOnes() throws IOException {
        Account account = accountWithHistory(new ArrayList<>());
        StoredEvent stored = mapper.toStoredEvent(Aggregates.snapshotOf(account));
        assertEquals(Account.class.getName(), stored.topic());
        JsonNode data = new ObjectMapper().readTree(stored.state()).get("d");
        List<String> names = new ArrayList<>();
        data.fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(List.of("id", "version", "createdOn", "modifiedOn", "owner", "balance",
                "deposits", "tags", "transfers", "closedOn", "currency")), names.toString());
        assertFalse(names.contains("pendingEvents"), names.toString());
        assertFalse(names.contains("commandsSinceLoad"), names.toString());
        assertEquals(11, names.size(), names.toString());
    }

    @Test
    void aRestoredSnapshotContinuesReplayFromItsVersion() {
        List<DomainEvent<?>> events = new ArrayList<>();
        Account account = accountWithHistory(events);
        DomainEvent<Account> snapshot = roundTrip(Aggregates.snapshotOf(account));
        account.deposit(new BigDecimal("1.25"));
        account.close(LocalDate.of(2026, 12, 31));
        List<DomainEvent<?>> later = new ArrayList<>();
        for (DomainEvent<?> event : account.collectEvents()) {
            later.add(mapper.toDomainEvent(mapper.toStoredEvent(event)));
        }
        events.addAll(later);

        Account fromSnapshot = Aggregates.replay(Account.class, snapshot, later);
        assertSameState(account, fromSnapshot);
        assertEquals(8, fromSnapshot.version());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 31)), fromSnapshot.closedOn());
        assertSameState(Aggregates.replay(Account.class, null, events), fromSnapshot);
    }

    @Test
    void aRestoredSnapshotHasNoPendingEventsAndAcceptsNewCommands() {
        Account account = accountWithHistory(new ArrayList<>());
        account.deposit(BigDecimal.ONE);
        account.collectEvents();
        Account restored = roundTrip(Aggregates.snapshotOf(account)).payload();
        assertFalse(restored.hasPendingEvents());
        assertEquals(0, restored.commandsSinceLoad());
        restored.deposit(BigDecimal.TEN);
        List<DomainEvent<?>> pending = restored.collectEvents();
        assertEquals(1, pending.size());
        assertEquals(account.version() + 1, pending.get(0).originatorVersion());
    }

    @Test
    void aSnapshotRoundTripsThroughCompressionAndEncryption() {
        Mapper secure = Mapper.builder().compressor(new ZlibCompressor()).cipher(new AesGcmCipher(AesGcmCipher.generateKey())).build();
        Account account = accountWithHistory(new ArrayList<>());
        Account restored = (Account) secure.toDomainEvent(secure.toStoredEvent(Aggregates.snapshotOf(account))).payload();
        assertSameState(account, restored);
    }

    static class Document extends Aggregate {
        private long version;
        private String text;

        Document() {
        }

        static Document write(String text) {
            return create(Document::new, new Written(text));
        }

        record Written(String text) implements AggregateEvent<Document> {
            public void apply(Document d) {
                d.text = text;
                d.version = 1;
            }
        }
    }

    @Test
    void anAggregateWhoseFieldHidesAFieldOfTheBaseClassCannotBeSnapshotted() {
        Document document = Document.write("draft");
        document.collectEvents();
        MapperException e = assertThrows(MapperException.class, () -> mapper.toStoredEvent(Aggregates.snapshotOf(document)));
        assertTrue(e.getMessage().contains("field 'version' is declared by both"), e.getMessage());
        assertTrue(e.getMessage().contains("originator " + document.id()), e.getMessage());
    }
}
