package dev.eventsourcing.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JacksonTranscoderTest {

    private final Transcoder transcoder = JacksonTranscoder.create();

    enum Colour { RED, GREEN }

    record Inner(String name, List<Integer> numbers) {
    }

    record Everything(UUID id, BigDecimal amount, Instant at, LocalDate day, LocalDateTime local,
                      OffsetDateTime offset, ZonedDateTime zoned, Duration duration, Colour colour,
                      Inner inner, List<Inner> inners, Set<Colour> colours, Map<UUID, BigDecimal> amounts,
                      Optional<String> present, Optional<String> absent, BigInteger big, long count, double ratio) {
    }

    record Bytes(byte[] data) {
    }

    record Money(BigDecimal amount, String currency) {
    }

    record Priced(Money price) {
    }

    private String json(Object value) {
        return new String(transcoder.encode(value), StandardCharsets.UTF_8);
    }

    @Test
    void stringsAreJsonStringsWithQuotesEscaped() {
        assertEquals("\"a\"", json("a"));
        assertEquals("\"a\\\"b\"", json("a\"b"));
        assertEquals("a\"b", transcoder.decode(transcoder.encode("a\"b"), String.class));
    }

    @Test
    void nonAsciiTextIsKeptAsUtf8() {
        String text = "Zoë bought ☕ for 3 €";
        assertArrayEquals(("\"" + text + "\"").getBytes(StandardCharsets.UTF_8), transcoder.encode(text));
        assertEquals(text, transcoder.decode(transcoder.encode(text), String.class));
    }

    @Test
    void unicodeEscapesWrittenByOtherEncodersAreDecoded() {
        byte[] escaped = "\"Zo\\u00eb \\u2615\"".getBytes(StandardCharsets.US_ASCII);
        assertEquals("Zoë ☕", transcoder.decode(escaped, String.class));
    }

    @Test
    void mapsAreWrittenCompactlyAndNestedMapsRoundTrip() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", 2);
        assertEquals("{\"a\":1,\"b\":2}", json(map));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("inner", map);
        outer.put("list", List.of("x", 1, true));
        assertEquals("{\"inner\":{\"a\":1,\"b\":2},\"list\":[\"x\",1,true]}", json(outer));
        assertEquals(outer, transcoder.decode(transcoder.encode(outer), Map.class));
    }

    @Test
    void mapsThatLookLikeTypeEnvelopesRoundTripAsPlainMaps() {
        Map<String, Object> typeLike = Map.of("_type_", "tuple_as_list", "_data_", List.of());
        assertEquals(typeLike, transcoder.decode(transcoder.encode(typeLike), Map.class));
        Map<String, Object> stateLike = Map.of("t", "2026-01-01T00:00:00Z", "d", Map.of("v", 2));
        assertEquals(stateLike, transcoder.decode(transcoder.encode(stateLike), Map.class));
    }

    @Test
    void listsOfMixedValuesRoundTrip() {
        List<Object> mixed = new ArrayList<>(Arrays.asList("a", 1, 2.5, false, null, List.of(1, 2), Map.of("k", "v")));
        List<?> decoded = transcoder.decode(transcoder.encode(mixed), List.class);
        assertEquals(7, decoded.size());
        assertEquals(mixed.subList(0, 2), decoded.subList(0, 2));
        assertEquals(0, new BigDecimal("2.5").compareTo((BigDecimal) decoded.get(2)));
        assertEquals(mixed.subList(3, 7), decoded.subList(3, 7));
    }

    @Test
    void recordsOfJavaTypesAndCollectionsRoundTripEqual() {
        Everything value = new Everything(UUID.randomUUID(), new BigDecimal("1234567890123456789.0123456789"),
                Instant.parse("2026-11-27T17:30:00.123456789Z"), LocalDate.of(2026, 2, 28),
                LocalDateTime.of(2026, 2, 28, 23, 59, 59, 1), OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(5)),
                ZonedDateTime.of(2026, 7, 1, 9, 30, 0, 0, ZoneId.of("Europe/Paris")), Duration.ofMillis(1500),
                Colour.GREEN, new Inner("in", List.of(1, 2, 3)), List.of(new Inner("a", List.of()), new Inner("b", List.of(4))),
                Set.of(Colour.RED, Colour.GREEN), Map.of(UUID.randomUUID(), new BigDecimal("0.10")),
                Optional.of("here"), Optional.empty(), new BigInteger("123456789012345678901234567890"),
                Long.MAX_VALUE, 0.1);
        assertEquals(value, transcoder.decode(transcoder.encode(value), Everything.class));
        assertEquals(value, transcoder.treeToValue(transcoder.decodeTree(transcoder.encode(value)), Everything.class));
    }

    @Test
    void javaTimeValuesAreWrittenAsIsoStrings() {
        assertEquals("\"2026-11-27T17:30:00.000000001Z\"", json(Instant.parse("2026-11-27T17:30:00.000000001Z")));
        assertEquals("\"2026-02-28\"", json(LocalDate.of(2026, 2, 28)));
        assertEquals("\"PT1.5S\"", json(Duration.ofMillis(1500)));
    }

    @Test
    void bigDecimalsKeepDigitsAndScaleAndAreWrittenPlain() {
        for (String digits : List.of("10.00", "0.000000001", "-0.50", "12345678901234567890.12345678901234567890", "0")) {
            Money money = new Money(new BigDecimal(digits), "EUR");
            byte[] bytes = transcoder.encode(money);
            assertEquals("{\"amount\":" + digits + ",\"currency\":\"EUR\"}", new String(bytes, StandardCharsets.UTF_8));
            assertEquals(money, transcoder.decode(bytes, Money.class));
            assertEquals(money, transcoder.treeToValue(transcoder.decodeTree(bytes), Money.class), "through a tree");
        }
    }

    @Test
    void bigDecimalsWithExponentsAreWrittenWithoutScientificNotation() {
        assertEquals("1000", json(new BigDecimal("1E+3")));
        assertEquals("0.0000001", json(new BigDecimal("1E-7")));
        assertEquals(0, new BigDecimal("1E+3").compareTo(transcoder.decode(transcoder.encode(new BigDecimal("1E+3")), BigDecimal.class)));
    }

    @Test
    void byteArraysRoundTripAsBase64() {
        byte[] data = {0, 1, 2, (byte) 255, 127};
        byte[] encoded = transcoder.encode(new Bytes(data));
        assertEquals("{\"data\":\"AAEC/38=\"}", new String(encoded, StandardCharsets.UTF_8));
        assertArrayEquals(data, transcoder.decode(encoded, Bytes.class).data());
    }

    @Test
    void nestedRecordsRoundTripThroughTheirCanonicalConstructors() {
        Priced priced = new Priced(new Money(new BigDecimal("9.99"), "GBP"));
        assertEquals("{\"price\":{\"amount\":9.99,\"currency\":\"GBP\"}}", json(priced));
        assertEquals(priced, transcoder.decode(transcoder.encode(priced), Priced.class));
    }

    @Test
    void valuesOfUnsupportedTypesCannotBeEncoded() {
        MapperException e = assertThrows(MapperException.class, () -> transcoder.encode(new Object()));
        assertTrue(e.getMessage().startsWith("Cannot encode a value of type java.lang.Object as JSON"), e.getMessage());
    }

    @Test
    void malformedJsonOrJsonOfAnotherShapeCannotBeDecoded() {
        byte[] malformed = "{\"amount\":".getBytes(StandardCharsets.UTF_8);
        assertThrows(UndecodableStateException.class, () -> transcoder.decode(malformed, Money.class));
        assertThrows(UndecodableStateException.class, () -> transcoder.decodeTree(malformed));
        byte[] unknownProperty = "{\"amount\":1,\"currency\":\"EUR\",\"rate\":2}".getBytes(StandardCharsets.UTF_8);
        UndecodableStateException e = assertThrows(UndecodableStateException.class,
                () -> transcoder.decode(unknownProperty, Money.class));
        assertTrue(e.getMessage().contains("rate"), e.getMessage());
        byte[] trailing = "{\"amount\":1,\"currency\":\"EUR\"} x".getBytes(StandardCharsets.UTF_8);
        assertThrows(UndecodableStateException.class, () -> transcoder.decode(trailing, Money.class));
    }

    static final class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    record Located(Point point) {
    }

    @Test
    void registeredModulesHandleTypesOfTheDomainModel() {
        SimpleModule module = new SimpleModule()
                .addSerializer(Point.class, new StdSerializer<>(Point.class) {
                    @Override
                    public void serialize(Point p, JsonGenerator gen, SerializerProvider provider) throws IOException {
                        gen.writeString(p.x + "," + p.y);
                    }
                })
                .addDeserializer(Point.class, new com.fasterxml.jackson.databind.deser.std.StdDeserializer<>(Point.class) {
                    @Override
                    public Point deserialize(com.fasterxml.jackson.core.JsonParser p,
                                             com.fasterxml.jackson.databind.DeserializationContext ctxt) throws IOException {
                        String[] parts = p.getValueAsString().split(",");
                        return new Point(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                    }
                });
        Transcoder custom = JacksonTranscoder.builder().registerModule(module).build();
        byte[] bytes = custom.encode(new Located(new Point(3, 4)));
        assertEquals("{\"point\":\"3,4\"}", new String(bytes, StandardCharsets.UTF_8));
        Point decoded = custom.decode(bytes, Located.class).point();
        assertEquals(3, decoded.x);
        assertEquals(4, decoded.y);
    }

    @Test
    void customisationsMayOverrideTheDefaults() {
        Transcoder indenting = JacksonTranscoder.builder()
                .customize(builder -> builder.enable(SerializationFeature.INDENT_OUTPUT))
                .build();
        String text = new String(indenting.encode(Map.of("a", 1)), StandardCharsets.UTF_8);
        assertTrue(text.contains("\n"), text);
        JsonNode tree = indenting.decodeTree(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, tree.get("a").intValue());
    }

    record Note(String text) {
    }

    @Test
    void whateverIsWrittenCanBeReadBackAsLongAsTheLimitsAllow() {
        JacksonTranscoder roomy = JacksonTranscoder.builder()
                .limits(new DecodingLimits(64L * 1024 * 1024, 1000, 30_000_000, 10_000)).build();
        Note note = new Note("x".repeat(25_000_000));
        byte[] bytes = roomy.encode(note);
        assertEquals(note, roomy.decode(bytes, Note.class));
        assertEquals(note, roomy.treeToValue(roomy.decodeTree(bytes), Note.class));
        BigDecimal precise = new BigDecimal("1." + "3".repeat(5000));
        assertEquals(precise, transcoder.decode(transcoder.encode(precise), BigDecimal.class));
        Object nested = List.of();
        for (int i = 0; i < 999; i++) {
            nested = List.of(nested);
        }
        assertEquals(nested, transcoder.decode(transcoder.encode(nested), List.class));
    }

    @Test
    void whatCouldNotBeReadBackIsNotWritten() {
        MapperException tooLarge = assertThrows(MapperException.class,
                () -> transcoder.encode(new Note("x".repeat(25_000_000))));
        assertTrue(tooLarge.getMessage().contains("decoding.max-state-bytes"), tooLarge.getMessage());
        JacksonTranscoder strict = JacksonTranscoder.builder().limits(new DecodingLimits(1000, 10, 100, 20)).build();
        MapperException longString = assertThrows(MapperException.class, () -> strict.encode(new Note("x".repeat(101))));
        assertTrue(longString.getMessage().contains("String value length"), longString.getMessage());
        assertThrows(MapperException.class, () -> strict.encode(new BigDecimal("1" + "0".repeat(30))));
        Object nested = List.of();
        for (int i = 0; i < 20; i++) {
            nested = List.of(nested);
        }
        Object deep = nested;
        assertThrows(MapperException.class, () -> strict.encode(deep));
    }

    @Test
    void aRecordComponentMissingFromTheDataIsAnError() {
        byte[] withoutCurrency = "{\"amount\":1}".getBytes(StandardCharsets.UTF_8);
        UndecodableStateException e = assertThrows(UndecodableStateException.class, () -> transcoder.decode(withoutCurrency, Money.class));
        assertTrue(e.getMessage().contains("currency"), e.getMessage());
        byte[] nullCurrency = "{\"amount\":1,\"currency\":null}".getBytes(StandardCharsets.UTF_8);
        assertEquals(new Money(BigDecimal.ONE, null), transcoder.decode(nullCurrency, Money.class));
    }
}
