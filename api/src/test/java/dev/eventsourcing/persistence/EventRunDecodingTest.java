package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.ClassVersion;
import dev.eventsourcing.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A run of stored events decodes as each of its events does alone: same events, same errors. */
class EventRunDecodingTest {

    private static final UUID ID = UUID.fromString("3b0f6a52-8e1d-4c7a-9f0e-5d2c7b1a9e44");
    private static final Instant AT = Instant.parse("2026-11-27T17:30:00.123456789Z");

    @ClassVersion(0)
    record Unversioned(String name) {
    }

    private final Mapper mapper = Mapper.builder().declare(Account.class, Unversioned.class).build();

    private StoredEvent stored(long version, Object payload) {
        return mapper.toStoredEvent(new DomainEvent<>(ID, version, AT, payload));
    }

    private static StoredEvent withState(StoredEvent stored, String state) {
        return new StoredEvent(stored.originatorId(), stored.originatorVersion(), stored.topic(),
                state.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRunWhoseTopicChangesAndComesBackDecodesAsEachEventAlone() {
        List<StoredEvent> run = List.of(stored(1, new Account.Deposited(new BigDecimal("1.50"))),
                stored(2, new Account.Tagged("gold")), stored(3, new Account.Deposited(new BigDecimal("2"))),
                stored(4, new Account.Deposited(new BigDecimal("3.000"))));
        assertEquals(run.stream().map(mapper::toDomainEvent).toList(), mapper.toDomainEvents(run));
    }

    @Test
    void aBadStateInARunFailsAsItDoesAloneAndItsNeighboursStillDecode() {
        StoredEvent good = stored(1, new Account.Deposited(BigDecimal.TEN));
        StoredEvent next = stored(3, new Account.Deposited(BigDecimal.ONE));
        String state = new String(good.state(), StandardCharsets.UTF_8);
        List<String> corrupt = List.of(
                state.substring(0, state.length() - 1), // truncated
                state + "x", // trailing garbage
                state + "{}", // a valid state followed by another JSON value
                state.replace("10", "[".repeat(1001) + "]".repeat(1001)), // nested too deep
                state.replace("10", "1".repeat(DecodingLimits.DEFAULT_MAX_NUMBER_LENGTH + 1))); // number too long
        for (String bad : corrupt) {
            StoredEvent event = withState(stored(2, new Account.Deposited(BigDecimal.ONE)), bad);
            MapperException alone = assertThrows(MapperException.class, () -> mapper.toDomainEvent(event));
            MapperException inRun = assertThrows(MapperException.class,
                    () -> mapper.toDomainEvents(List.of(good, event, next)));
            assertSame(alone.getClass(), inRun.getClass(), bad);
            assertEquals(alone.getMessage(), inRun.getMessage(), bad);
            assertEquals(List.of(mapper.toDomainEvent(good), mapper.toDomainEvent(next)),
                    mapper.toDomainEvents(List.of(good, next)));
        }
    }

    @Test
    void aStateWithADuplicateKeyReadsInARunAsItDoesAlone() {
        StoredEvent good = stored(1, new Account.Deposited(BigDecimal.TEN));
        StoredEvent duplicate = withState(stored(2, new Account.Deposited(BigDecimal.ONE)),
                "{\"t\":\"2026-11-27T17:30:00Z\",\"d\":{\"amount\":1,\"amount\":2}}");
        assertEquals(List.of(mapper.toDomainEvent(good), mapper.toDomainEvent(duplicate)),
                mapper.toDomainEvents(List.of(good, duplicate)));
    }

    @Test
    void aClassTheOnePassReaderCannotTakeFailsInARunAsItDoesAlone() {
        StoredEvent good = stored(1, new Account.Deposited(BigDecimal.TEN));
        StoredEvent unversioned = new StoredEvent(ID, 2, Unversioned.class.getName(),
                "{\"t\":\"2026-11-27T17:30:00Z\",\"d\":{\"name\":\"x\"}}".getBytes(StandardCharsets.UTF_8));
        MapperException alone = assertThrows(MapperException.class, () -> mapper.toDomainEvent(unversioned));
        MapperException inRun = assertThrows(MapperException.class,
                () -> mapper.toDomainEvents(List.of(good, unversioned)));
        assertSame(alone.getClass(), inRun.getClass());
        assertEquals(alone.getMessage(), inRun.getMessage());
    }
}
