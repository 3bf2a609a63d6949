package dev.eventsourcing.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapperTest {

    private static final UUID ID = UUID.fromString("8f2c6b9e-0d3a-4e53-9a51-3c1f1d2b7a10");
    private static final Instant AT = Instant.parse("2026-11-27T17:30:00.123456789Z");

    private static DomainEvent<Account.Deposited> deposited(String amount) {
        return new DomainEvent<>(ID, 2, AT, new Account.Deposited(new BigDecimal(amount)));
    }

    private static JsonNode json(byte[] bytes) throws IOException {
        return new ObjectMapper().readTree(bytes);
    }

    @Test
    void aMapperHasNoCompressorAndNoCipherByDefault() {
        Mapper mapper = Mapper.create();
        assertTrue(mapper.compressor().isEmpty());
        assertTrue(mapper.cipher().isEmpty());
        assertTrue(mapper.transcoder() instanceof JacksonTranscoder);
    }

    @Test
    void anEventRoundTripsWithItsOriginatorVersionTimestampAndPayload() {
        Mapper mapper = Mapper.create();
        DomainEvent<Account.Deposited> event = deposited("10.00");
        StoredEvent stored = mapper.toStoredEvent(event);
        assertEquals(ID, stored.originatorId());
        assertEquals(2, stored.originatorVersion());
        assertEquals(event, mapper.toDomainEvent(stored));
    }

    @Test
    void theTopicIsTheBinaryNameOfThePayloadClass() {
        StoredEvent stored = Mapper.create().toStoredEvent(deposited("1"));
        assertEquals("dev.eventsourcing.persistence.Account$Deposited", stored.topic());
    }

    @Test
    void theStateIsCompactJsonWithTimestampAndDataAndNoVersionForVersionOneClasses() {
        StoredEvent stored = Mapper.create().toStoredEvent(deposited("10.00"));
        assertEquals("{\"t\":\"2026-11-27T17:30:00.123456789Z\",\"d\":{\"amount\":10.00}}",
                new String(stored.state(), StandardCharsets.UTF_8));
    }

    @Test
    void theStateHoldsTheClassVersionWhenItIsAboveOne() throws IOException {
        DomainEvent<Customer.Registered> event = new DomainEvent<>(ID, 1, AT, new Customer.Registered("Ada", "EUR", 1));
        JsonNode state = json(Mapper.create().toStoredEvent(event).state());
        assertEquals(3, state.get("v").intValue());
    }

    @Test
    void aMapperWithACompressorStoresZlibDataAndReadsItBack() throws IOException {
        Mapper mapper = Mapper.builder().compressor(new ZlibCompressor()).build();
        DomainEvent<Account.Opened> event = new DomainEvent<>(ID, 1, AT, new Account.Opened("x".repeat(1000), Account.Currency.EUR));
        StoredEvent stored = mapper.toStoredEvent(event);
        assertEquals(0x78, stored.state()[0] & 0xff, "zlib header");
        assertTrue(stored.state().length < 200, "compressed to " + stored.state().length + " bytes");
        JsonNode state = json(new ZlibCompressor().decompress(stored.state()));
        assertEquals("x".repeat(1000), state.get("d").get("owner").textValue());
        assertEquals(event, mapper.toDomainEvent(stored));
    }

    @Test
    void aMapperWithACipherStoresCiphertextAndReadsItBack() {
        Mapper mapper = Mapper.builder().cipher(new AesGcmCipher(AesGcmCipher.generateKey())).build();
        DomainEvent<Account.Opened> event = new DomainEvent<>(ID, 1, AT, new Account.Opened("Alice Secret", Account.Currency.EUR));
        StoredEvent first = mapper.toStoredEvent(event);
        StoredEvent second = mapper.toStoredEvent(event);
        assertFalse(new String(first.state(), StandardCharsets.ISO_8859_1).contains("Alice"));
        assertFalse(java.util.Arrays.equals(first.state(), second.state()), "a fresh nonce for each message");
        assertEquals(event, mapper.toDomainEvent(first));
        assertEquals(event, mapper.toDomainEvent(second));
    }

    @Test
    void aMapperWithACompressorAndACipherCompressesThenEncrypts() {
        String key = AesGcmCipher.generateKey();
        Mapper mapper = Mapper.builder().compressor(new ZlibCompressor()).cipher(new AesGcmCipher(key)).build();
        DomainEvent<Account.Opened> event = new DomainEvent<>(ID, 1, AT, new Account.Opened("y".repeat(1000), Account.Currency.GBP));
        StoredEvent stored = mapper.toStoredEvent(event);
        byte[] compressed = new AesGcmCipher(key).decrypt(stored.state(), CipherContext.of("", stored));
        assertEquals(0x78, compressed[0] & 0xff, "decrypts to zlib data");
        assertEquals(event, mapper.toDomainEvent(stored));
    }

    @Test
    void aMapperBuiltFromSettingsReadsTheScopedKeysFirst() {
        String key = AesGcmCipher.generateKey();
        Settings settings = Settings.of(Map.of("Bank.compressor", "zlib", "Bank.cipher.key", key, "compressor", "none"));
        Mapper bank = Mapper.builder(settings.scoped("Bank")).declare(Account.class).build();
        Mapper plain = Mapper.builder(settings).build();

        assertTrue(bank.compressor().isPresent() && bank.cipher().isPresent(), bank::toString);
        assertTrue(plain.compressor().isEmpty() && plain.cipher().isEmpty(), plain::toString);
        StoredEvent stored = Mapper.builder().compressor(new ZlibCompressor()).cipher(new AesGcmCipher(key)).build()
                .toStoredEvent(deposited("3"));
        assertEquals(deposited("3"), bank.toDomainEvent(stored));
    }

    @Test
    void aMapperBuiltFromSettingsRefusesValuesItDoesNotUnderstandNamingTheKey() {
        ConfigurationException compressor = assertThrows(ConfigurationException.class,
                () -> Mapper.builder(Settings.of(Map.of("compressor", "gzip"))));
        ConfigurationException cipher = assertThrows(ConfigurationException.class,
                () -> Mapper.builder(Settings.of(Map.of("cipher.key", "c2hvcnQ="))));

        assertTrue(compressor.getMessage().contains("'compressor'") && compressor.getMessage().contains("'gzip'"),
                compressor.getMessage());
        assertTrue(cipher.getMessage().contains("'cipher.key'"), cipher.getMessage());
    }

    @Test
    void readingWithAnotherCipherKeyFailsWithADecryptionErrorNamingTheStoredEvent() {
        Mapper app1 = Mapper.builder().cipher(new AesGcmCipher(AesGcmCipher.generateKey())).build();
        Mapper app2 = Mapper.builder().cipher(new AesGcmCipher(AesGcmCipher.generateKey())).declare(Account.class).build();
        StoredEvent stored = app1.toStoredEvent(deposited("5"));
        DecryptionException e = assertThrows(DecryptionException.class, () -> app2.toDomainEvent(stored));
        assertTrue(e.getMessage().contains("topic 'dev.eventsourcing.persistence.Account$Deposited'"), e.getMessage());
        assertTrue(e.getMessage().contains("originator " + ID), e.getMessage());
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
        assertTrue(e.getMessage().contains("cipher key"), e.getMessage());
    }

    @Test
    void aMapperBindsEncryptedStatesToItsApplicationTheOriginatorVersionAndTopic() {
        AesGcmCipher cipher = new AesGcmCipher(AesGcmCipher.generateKey());
        Mapper bank = Mapper.builder().applicationName("Bank").cipher(cipher).declare(Account.class).build();
        StoredEvent stored = bank.toStoredEvent(deposited("5"));
        List<StoredEvent> moved = List.of(
                new StoredEvent(UUID.randomUUID(), 2, stored.topic(), stored.state()),
                new StoredEvent(ID, 3, stored.topic(), stored.state()),
                new StoredEvent(ID, 2, Account.Tagged.class.getName(), stored.state()));

        assertEquals("Bank", bank.applicationName());
        assertEquals(deposited("5"), bank.toDomainEvent(stored));
        for (StoredEvent event : moved) {
            DecryptionException e = assertThrows(DecryptionException.class, () -> bank.toDomainEvent(event), event::toString);
            assertTrue(e.getMessage().startsWith("Cannot decrypt stored event (application 'Bank', originator "
                    + event.originatorId() + ", version " + event.originatorVersion() + ", topic '" + event.topic() + "'): "),
                    e.getMessage());
        }
        Mapper ledger = Mapper.builder().applicationName("Ledger").cipher(cipher).declare(Account.class).build();
        assertThrows(DecryptionException.class, () -> ledger.toDomainEvent(stored));
        assertEquals(deposited("5"), ledger.withApplicationName("Bank").toDomainEvent(stored));
    }

    @Test
    void aStateWrittenByTheCipherBeforeKeyIdsStillReads() {
        // Made by the mapper with zlib and AES-GCM as they were before states carried key ids.
        String key = "GcFED4t0T/5k0FRBj8wNyO37CXml8EbuK/D3cZ4yrNA=";
        byte[] state = java.util.Base64.getDecoder().decode("WvqTjfPHEPDQ0mBNGGD5/VNjOKT+qtRFi4OOQ2RaeW5dXBoteKAtTk9EtObmwWdQ"
                + "S3gXzlPXJ16x7o/dbW1gbjtJF/kEjat61x0GJJ5UJRH7ChFvu51z2Qis4BYNxQ==");
        StoredEvent legacy = new StoredEvent(ID, 2, Account.Deposited.class.getName(), state);
        Mapper bank = Mapper.builder().applicationName("Bank").compressor(new ZlibCompressor())
                .cipher(new AesGcmCipher(key)).declare(Account.class).build();

        assertEquals(deposited("10.00"), bank.toDomainEvent(legacy));
        Mapper refusing = Mapper.builder().applicationName("Bank").compressor(new ZlibCompressor())
                .cipher(new AesGcmCipher(CipherKeys.of(CipherKey.of("k1", key)), false)).declare(Account.class).build();
        DecryptionException e = assertThrows(DecryptionException.class, () -> refusing.toDomainEvent(legacy));
        assertTrue(e.getMessage().contains("legacy state"), e.getMessage());
        assertFalse(e.getMessage().contains(key), e.getMessage());
        StoredEvent again = bank.reencrypt(legacy);
        assertEquals(java.util.Optional.of(CipherKey.DEFAULT_ID), AesGcmCipher.keyIdOf(again.state()));
        assertEquals(deposited("10.00"), bank.toDomainEvent(again));
        assertSame(again, bank.reencrypt(again));
    }

    @Test
    void readingTamperedCiphertextFailsWithADecryptionError() {
        Mapper mapper = Mapper.builder().cipher(new AesGcmCipher(AesGcmCipher.generateKey())).build();
        StoredEvent stored = mapper.toStoredEvent(deposited("5"));
        for (int i : new int[] {0, 3, 12, 21, stored.state().length - 1}) {
            byte[] state = stored.state();
            state[i] ^= 1;
            StoredEvent tampered = new StoredEvent(ID, 2, stored.topic(), state);
            assertThrows(DecryptionException.class, () -> mapper.toDomainEvent(tampered), "byte " + i);
        }
        assertEquals(deposited("5"), mapper.toDomainEvent(stored), "the stored event is unchanged");
    }

    @Test
    void readingPlainStateWithACipherFailsWithADecryptionError() {
        StoredEvent plain = Mapper.create().toStoredEvent(deposited("5"));
        Mapper encrypting = Mapper.builder().cipher(new AesGcmCipher(AesGcmCipher.generateKey())).declare(Account.class).build();
        assertThrows(DecryptionException.class, () -> encrypting.toDomainEvent(plain));
    }

    @Test
    void readingEncryptedOrCompressedStateWithoutThemFailsWithAnUndecodableStateError() {
        StoredEvent encrypted = Mapper.builder().cipher(new AesGcmCipher(AesGcmCipher.generateKey())).build()
                .toStoredEvent(deposited("5"));
        StoredEvent compressed = Mapper.builder().compressor(new ZlibCompressor()).build().toStoredEvent(deposited("5"));
        for (StoredEvent stored : List.of(encrypted, compressed)) {
            UndecodableStateException e = assertThrows(UndecodableStateException.class, () -> Mapper.builder().declare(Account.class).build().toDomainEvent(stored));
            assertTrue(e.getMessage().contains("originator " + ID), e.getMessage());
            assertTrue(e.getMessage().contains("compression or encryption"), e.getMessage());
        }
    }

    @Test
    void readingCorruptCompressedStateFailsWithAnUndecodableStateError() {
        Mapper mapper = Mapper.builder().compressor(new ZlibCompressor()).build();
        StoredEvent stored = mapper.toStoredEvent(deposited("5"));
        byte[] cut = java.util.Arrays.copyOf(stored.state(), stored.state().length / 2);
        assertThrows(UndecodableStateException.class, () -> mapper.toDomainEvent(new StoredEvent(ID, 2, stored.topic(), cut)));
        assertThrows(UndecodableStateException.class, () -> mapper.toDomainEvent(new StoredEvent(ID, 2, stored.topic(),
                "not zlib".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void statesWithoutTheMappersLayoutFailWithAnUndecodableStateError() {
        Mapper mapper = Mapper.builder().declare(Account.class).build();
        String topic = Account.Deposited.class.getName();
        for (String state : List.of("[]", "{\"d\":{\"amount\":1}}", "{\"t\":\"yesterday\",\"d\":{\"amount\":1}}",
                "{\"t\":\"2026-01-01T00:00:00Z\"}", "{\"t\":\"2026-01-01T00:00:00Z\",\"v\":\"two\",\"d\":{\"amount\":1}}",
                "{\"t\":\"2026-01-01T00:00:00Z\",\"d\":{\"amount\":\"ten\"}}", "{\"t\":",
                "{\"t\":\"2026-01-01T00:00:00Z\",\"d\":null}", "{\"t\":\"2026-01-01T00:00:00Z\",\"v\":0,\"d\":{\"amount\":1}}",
                "{\"t\":\"2026-01-01T00:00:00Z\",\"v\":1.5,\"d\":{\"amount\":1}}")) {
            StoredEvent stored = new StoredEvent(ID, 2, topic, state.getBytes(StandardCharsets.UTF_8));
            UndecodableStateException e = assertThrows(UndecodableStateException.class, () -> mapper.toDomainEvent(stored), state);
            assertTrue(e.getMessage().startsWith("Cannot read stored event (topic '" + topic + "', originator " + ID
                    + ", version 2): "), e.getMessage());
        }
    }

    @Test
    void anUnknownTopicFailsWithAnErrorNamingTheTopic() {
        StoredEvent stored = new StoredEvent(ID, 3, "com.example.Gone$Event", "{}".getBytes(StandardCharsets.UTF_8));
        UnknownTopicException e = assertThrows(UnknownTopicException.class, () -> Mapper.create().toDomainEvent(stored));
        assertEquals("com.example.Gone$Event", e.topic());
        assertTrue(e.getMessage().contains("Unknown topic 'com.example.Gone$Event'"), e.getMessage());
        assertTrue(e.getMessage().contains("originator " + ID + ", version 3"), e.getMessage());
    }

    @Test
    void storedEventsReadTogetherDecodeAsEachDoesAlone() {
        Mapper mapper = Mapper.builder().topic("com.example.bank.Account$MoneyDeposited", Account.Deposited.class).build();
        StoredEvent current = mapper.toStoredEvent(deposited("1.00"));
        StoredEvent old = new StoredEvent(ID, 3, "com.example.bank.Account$MoneyDeposited", current.state());
        StoredEvent offset = new StoredEvent(ID, 4, current.topic(),
                "{\"t\":\"2026-11-27T18:30:00.5+01:00\",\"d\":{\"amount\":2.00}}".getBytes(StandardCharsets.UTF_8));
        List<StoredEvent> stored = List.of(current, old, current, offset);

        List<DomainEvent<?>> events = new EventStore(mapper, new dev.eventsourcing.persistence.inmemory.InMemoryAggregateRecorder())
                .decode(stored);

        assertEquals(stored.stream().map(mapper::toDomainEvent).toList(), events);
        assertEquals(Instant.parse("2026-11-27T17:30:00.5Z"), events.get(3).timestamp());
    }

    @Test
    void anUnknownTopicAmongStoredEventsReadTogetherFailsWithTheSameError() {
        Mapper mapper = Mapper.create();
        StoredEvent known = mapper.toStoredEvent(deposited("1.00"));
        StoredEvent unknown = new StoredEvent(ID, 3, "com.example.Gone$Event", known.state());
        EventStore store = new EventStore(mapper, new dev.eventsourcing.persistence.inmemory.InMemoryAggregateRecorder());

        UnknownTopicException e = assertThrows(UnknownTopicException.class, () -> store.decode(List.of(known, unknown)));

        assertEquals("com.example.Gone$Event", e.topic());
        assertTrue(e.getMessage().contains("originator " + ID + ", version 3"), e.getMessage());
    }

    @Test
    void decodingLeavesTheStoredStateAsItWas() {
        Mapper mapper = Mapper.create();
        StoredEvent stored = mapper.toStoredEvent(deposited("3.00"));
        byte[] before = stored.state();

        mapper.toDomainEvent(stored);

        assertArrayEquals(before, stored.state());
    }

    @Test
    void aRenamedClassReadsEventsStoredUnderItsOldTopic() {
        Mapper writer = Mapper.create();
        StoredEvent current = writer.toStoredEvent(deposited("7.50"));
        StoredEvent old = new StoredEvent(ID, 2, "com.example.bank.Account$MoneyDeposited", current.state());
        Mapper reader = Mapper.builder().topic("com.example.bank.Account$MoneyDeposited", Account.Deposited.class).build();
        assertEquals(deposited("7.50"), reader.toDomainEvent(old));
        assertEquals(current.topic(), reader.toStoredEvent(deposited("7.50")).topic(), "new events get the new topic");
    }

    @Test
    void aPayloadThatCannotBeEncodedFailsWithAnErrorNamingTheEvent() {
        DomainEvent<Object> event = new DomainEvent<>(ID, 4, AT, new Object() { });
        MapperException e = assertThrows(MapperException.class, () -> Mapper.create().toStoredEvent(event));
        assertTrue(e.getMessage().contains("originator " + ID + " at version 4"), e.getMessage());
    }

    @Test
    void aMapperIsSafeToShareBetweenThreads() throws Exception {
        Mapper mapper = Mapper.builder().compressor(new ZlibCompressor()).cipher(new AesGcmCipher(AesGcmCipher.generateKey())).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        DomainEvent<Account.Deposited> event = new DomainEvent<>(UUID.randomUUID(), i + 1, Instant.now(),
                                new Account.Deposited(BigDecimal.valueOf(i, 2)));
                        assertEquals(event, mapper.toDomainEvent(mapper.toStoredEvent(event)));
                    }
                    return 500;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(500, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theMapperDoesNotChangeTheStoredEventItReads() {
        Mapper mapper = Mapper.builder().compressor(new ZlibCompressor()).build();
        StoredEvent stored = mapper.toStoredEvent(deposited("1"));
        byte[] before = stored.state();
        mapper.toDomainEvent(stored);
        assertArrayEquals(before, stored.state());
        assertNotEquals(0, before.length);
    }

    private record Renamed(String name) {
        Renamed {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            name = name.strip();
        }
    }

    @Test
    void eventRecordsAreReadThroughTheirCanonicalConstructors() {
        Mapper mapper = Mapper.create();
        DomainEvent<Renamed> event = new DomainEvent<>(ID, 5, AT, new Renamed("  Rex "));
        StoredEvent stored = mapper.toStoredEvent(event);
        assertEquals(new Renamed("Rex"), mapper.toDomainEvent(stored).payload());
        String rejected = "{\"t\":\"2026-01-01T00:00:00Z\",\"d\":{\"name\":\" \"}}";
        StoredEvent invalid = new StoredEvent(ID, 5, stored.topic(), rejected.getBytes(StandardCharsets.UTF_8));
        UndecodableStateException e = assertThrows(UndecodableStateException.class, () -> mapper.toDomainEvent(invalid));
        assertTrue(e.getMessage().contains("name must not be blank"), e.getMessage());
        assertTrue(e.getMessage().contains("originator " + ID + ", version 5"), e.getMessage());
    }

    @Test
    void statesWithTheirMembersInAnotherOrderOrWithMoreMembersStillRead() {
        Mapper mapper = Mapper.builder().declare(Account.class).build();
        String topic = Account.Deposited.class.getName();
        for (String state : List.of("{\"d\":{\"amount\":10.00},\"t\":\"2026-11-27T17:30:00.123456789Z\"}",
                "{\"t\":\"2026-11-27T17:30:00.123456789Z\",\"d\":{\"amount\":10.00},\"x\":1}",
                "{\"x\":[],\"t\":\"2026-11-27T17:30:00.123456789Z\",\"d\":{\"amount\":10.00}}")) {
            StoredEvent stored = new StoredEvent(ID, 2, topic, state.getBytes(StandardCharsets.UTF_8));
            assertEquals(deposited("10.00"), mapper.toDomainEvent(stored), state);
        }
    }

    @Test
    void aTranscoderThatOnlyEncodesAndDecodesIsEnough() {
        Transcoder jackson = JacksonTranscoder.create();
        Transcoder minimal = new Transcoder() {
            @Override
            public byte[] encode(Object value) {
                return jackson.encode(value);
            }

            @Override
            public <T> T decode(byte[] bytes, Class<T> type) {
                return jackson.decode(bytes, type);
            }
        };
        Mapper mapper = Mapper.builder().transcoder(minimal).build();
        DomainEvent<Account.Deposited> event = deposited("3.30");
        assertEquals(event, mapper.toDomainEvent(mapper.toStoredEvent(event)));
        Mapper upcasting = Mapper.builder().transcoder(minimal)
                .upcaster(Customer.Registered.class, 1, data -> (com.fasterxml.jackson.databind.node.ObjectNode) data.set("name", data.remove("fullName")))
                .upcaster(Customer.Registered.class, 2, data -> data.put("currency", "EUR").put("level", 1))
                .build();
        StoredEvent v1 = new StoredEvent(ID, 1, Customer.Registered.class.getName(),
                "{\"t\":\"2020-01-01T00:00:00Z\",\"d\":{\"fullName\":\"Ada\"}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(new Customer.Registered("Ada", "EUR", 1), upcasting.toDomainEvent(v1).payload());
    }
}
