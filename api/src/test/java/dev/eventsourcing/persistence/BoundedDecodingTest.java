package dev.eventsourcing.persistence;

import com.sun.management.ThreadMXBean;
import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.DomainEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored state is decoded within limits: a zlib bomb, deeply nested JSON, a huge string or
 * number each fail as undecodable state, never with an {@link OutOfMemoryError}, and what the
 * mapper writes stays readable under the same limits.
 */
class BoundedDecodingTest {

    private static final long GIB = 1024L * 1024 * 1024;
    /** About a megabyte of zlib data that inflates to a gibibyte of zeros. */
    private static byte[] bomb;

    record Note(String text) {
    }

    record Amount(BigDecimal value) {
    }

    @BeforeAll
    static void makeTheBomb() {
        bomb = ZlibBomb.of(GIB);
    }

    @Test
    void aZlibBombFailsAsUndecodableAfterInflatingNoMoreThanTheLimit() {
        ZlibCompressor compressor = new ZlibCompressor();
        assertTrue(bomb.length < 2 * 1024 * 1024, bomb.length + " bytes");

        long before = allocated();
        UndecodableStateException error = assertThrows(UndecodableStateException.class, () -> compressor.decompress(bomb));
        long allocated = allocated() - before;

        assertTrue(error.getMessage().contains("more than " + DecodingLimits.DEFAULT_MAX_STATE_BYTES + " bytes"),
                error.getMessage());
        // The limit is 16 MiB; inflating it all would allocate a gibibyte at least.
        assertTrue(allocated < 4 * DecodingLimits.DEFAULT_MAX_STATE_BYTES, allocated + " bytes allocated");
    }

    @Test
    void dataUpToTheLimitInflatesAndOneByteMoreDoesNot() {
        ZlibCompressor compressor = new ZlibCompressor(Deflater.DEFAULT_COMPRESSION, 1000);
        byte[] exactly = "x".repeat(1000).getBytes(StandardCharsets.US_ASCII);

        assertArrayEquals(exactly, compressor.decompress(compressor.compress(exactly)));
        byte[] over = compressor.compress("x".repeat(1001).getBytes(StandardCharsets.US_ASCII));
        assertThrows(UndecodableStateException.class, () -> compressor.decompress(over));
    }

    @Test
    void aMapperFromSettingsRefusesAZlibBombInAStoredEvent() {
        Mapper mapper = Mapper.builder(Settings.of(Map.of(Settings.COMPRESSOR, "zlib",
                Settings.DECODING_MAX_STATE_BYTES, "1048576"))).build();
        String topic = mapper.toStoredEvent(new DomainEvent<>(UUID.randomUUID(), 1, Instant.now(),
                new Account.Deposited(BigDecimal.ONE))).topic();
        StoredEvent stored = new StoredEvent(UUID.randomUUID(), 1, topic, ZlibBomb.of(64L * 1024 * 1024));

        UndecodableStateException error = assertThrows(UndecodableStateException.class,
                () -> mapper.toDomainEvent(stored));

        assertTrue(error.getMessage().contains("more than 1048576 bytes")
                && error.getMessage().contains(Settings.DECODING_MAX_STATE_BYTES), error.getMessage());
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsUndecodable() {
        Transcoder transcoder = transcoder(Map.of(Settings.DECODING_MAX_NESTING_DEPTH, "50"));

        assertEquals(40, depth(transcoder.decodeTree(nested(40))));
        UndecodableStateException error = assertThrows(UndecodableStateException.class,
                () -> transcoder.decodeTree(nested(100)));
        assertTrue(error.getMessage().contains("nesting depth"), error.getMessage());
        assertThrows(UndecodableStateException.class, () -> JacksonTranscoder.create().decodeTree(nested(100_000)));
    }

    @Test
    void aStringLongerThanTheLimitIsUndecodable() {
        Transcoder transcoder = transcoder(Map.of(Settings.DECODING_MAX_STRING_LENGTH, "1000"));

        assertEquals(new Note("a".repeat(1000)), transcoder.decode(note(1000), Note.class));
        UndecodableStateException error = assertThrows(UndecodableStateException.class,
                () -> transcoder.decode(note(1001), Note.class));
        assertTrue(error.getMessage().contains("String value length"), error.getMessage());
    }

    @Test
    void aStateLargerThanTheDefaultLimitIsUndecodable() {
        byte[] huge = note((int) DecodingLimits.DEFAULT_MAX_STATE_BYTES + 1);

        assertThrows(UndecodableStateException.class, () -> JacksonTranscoder.create().decode(huge, Note.class));
    }

    @Test
    void aNumberLongerThanTheDefaultLimitIsUndecodable() {
        byte[] longNumber = ("{\"value\":" + "9".repeat(DecodingLimits.DEFAULT_MAX_NUMBER_LENGTH + 1) + "}")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] fine = ("{\"value\":" + "9".repeat(DecodingLimits.DEFAULT_MAX_NUMBER_LENGTH) + "}")
                .getBytes(StandardCharsets.US_ASCII);

        assertEquals(DecodingLimits.DEFAULT_MAX_NUMBER_LENGTH,
                JacksonTranscoder.create().decode(fine, Amount.class).value().precision());
        assertThrows(UndecodableStateException.class, () -> JacksonTranscoder.create().decode(longNumber, Amount.class));
    }

    @Test
    void aStateThatCouldNotBeReadBackIsNotWritten() {
        Transcoder transcoder = transcoder(Map.of(Settings.DECODING_MAX_STATE_BYTES, "100"));

        MapperException error = assertThrows(MapperException.class, () -> transcoder.encode(new Note("a".repeat(200))));

        assertTrue(error.getMessage().contains(Settings.DECODING_MAX_STATE_BYTES), error.getMessage());
    }

    @Test
    void limitsThatAreNoPositiveNumbersAreRefusedNamingTheKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> DecodingLimits.read(Settings.of(Map.of(Settings.DECODING_MAX_NESTING_DEPTH, "deep"))));

        assertEquals("Setting '" + Settings.DECODING_MAX_NESTING_DEPTH + "' must be a positive whole number, was 'deep'",
                error.getMessage());
        assertThrows(ConfigurationException.class,
                () -> DecodingLimits.read(Settings.of(Map.of(Settings.DECODING_MAX_STATE_BYTES, "0"))));
    }

    private static Transcoder transcoder(Map<String, String> settings) {
        return JacksonTranscoder.builder().limits(DecodingLimits.read(Settings.of(settings))).build();
    }

    private static byte[] nested(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
    }

    private static int depth(com.fasterxml.jackson.databind.JsonNode node) {
        return node.isArray() ? 1 + (node.isEmpty() ? 0 : depth(node.get(0))) : 0;
    }

    private static byte[] note(int length) {
        return ("{\"text\":\"" + "a".repeat(length) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    private static long allocated() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
