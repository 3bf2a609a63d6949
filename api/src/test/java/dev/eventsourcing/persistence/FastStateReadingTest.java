package dev.eventsourcing.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast readers of a plain record's state ({@link AsciiStateScanner}, {@link RecordBinder})
 * read exactly what Jackson reads, or leave the state to Jackson: checked on states the mapper
 * writes, on hand-made edge cases and on thousands of random changes to both, with the default
 * mapper and with customised ones.
 */
class FastStateReadingTest {

    record Plain(BigDecimal amount, String currency, String reference, int count, long total, boolean flag,
                 Integer boxed, Long boxedTotal, Boolean boxedFlag, UUID id) {
        Plain {
            if (count == 13) {
                throw new IllegalArgumentException("thirteen");
            }
        }
    }

    record Annotated(@JsonProperty("sum") BigDecimal amount) {
    }

    record WithInstant(java.time.Instant at) {
    }

    record Small(BigDecimal amount) {
    }

    static final class NotARecord {
        public BigDecimal amount;
    }

    private static final String[] EDGE_NUMBERS = {"0", "-0", "1", "-1", "007", "0.5", "-0.0", "1.", ".5", "1e3", "1E+3",
        "1e-3", "-1.50E2", "1e", "+1", "12345678901234567890", "123456789012345678.5", "2147483647", "2147483648",
        "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "1.0", "100", "NaN", "1x", "0x10",
        "\"12\"", "true", "null", "[1]", "{}", "1e999999999999", "0.000000000000000000001"};

    private static final String ID = "3b0f6a52-8e1d-4c7a-9f0e-5d2c7b1a9e44";

    private static final String[] EDGE_UUIDS = {"null", "\"" + ID.toUpperCase() + "\"", "\"" + ID.replace('-', '_') + "\"",
        "\"" + ID.substring(1) + "\"", "\"" + ID + "0\"", "\" " + ID.substring(1) + "\"", "\"" + ID.replace('a', 'g') + "\"",
        "\"O8/C6z7MaHfXLuRq2kKg==\"", "\"O8_C6z7MaHfXLuRq2kKgZQ\"", "\"\"", "12", "\"" + ID.replace('3', '\u0663') + "\""};

    private final Random random = new Random(20261205L);

    @Test
    void aPlainRecordOfScalarsGetsABinderAndAScanner() {
        JacksonTranscoder transcoder = JacksonTranscoder.create();
        RecordBinder binder = RecordBinder.forType(transcoder.json(), Plain.class);
        assertNotNull(binder);
        assertNotNull(AsciiStateScanner.of(binder, 1, transcoder.limits()));
        assertTrue(binder.nullable(1), "a String component may be null");
        assertFalse(binder.nullable(3), "an int component may not");
        assertTrue(binder.nullable(6), "an Integer component may be null");
    }

    @Test
    void whatJacksonMightBindOtherwiseGetsNoBinder() {
        JacksonTranscoder plain = JacksonTranscoder.create();
        assertNull(RecordBinder.forType(plain.json(), Annotated.class), "a Jackson annotation");
        assertNull(RecordBinder.forType(plain.json(), WithInstant.class), "a component type it does not read");
        assertNull(RecordBinder.forType(plain.json(), NotARecord.class), "not a record");

        JacksonTranscoder mixedIn = JacksonTranscoder.builder()
                .customize(b -> b.addMixIn(Small.class, Annotated.class)).build();
        assertNull(RecordBinder.forType(mixedIn.json(), Small.class), "a mix-in");

        JacksonTranscoder ownDecimals = JacksonTranscoder.builder().registerModule(new SimpleModule()
                .addDeserializer(BigDecimal.class, new JsonDeserializer<>() {
                    @Override
                    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
                        return BigDecimal.ONE;
                    }
                })).build();
        assertNull(RecordBinder.forType(ownDecimals.json(), Small.class), "a deserializer of the user's");

        JacksonTranscoder noIntegerDecimals = JacksonTranscoder.builder()
                .customize(b -> b.withCoercionConfig(LogicalType.Float,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))).build();
        assertNull(RecordBinder.forType(noIntegerDecimals.json(), Small.class), "a coercion set otherwise");

        JacksonTranscoder nullsRefused = JacksonTranscoder.builder()
                .customize(b -> b.enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)).build();
        RecordBinder strict = RecordBinder.forType(nullsRefused.json(), Plain.class);
        assertNotNull(strict);
        assertFalse(strict.nullable(1), "nulls refused for every component");
    }

    @Test
    void statesTheMapperWritesReadAsJacksonReadsThem() {
        JacksonTranscoder transcoder = JacksonTranscoder.create();
        Readers readers = new Readers(transcoder, Plain.class);
        int scanned = 0;
        for (int i = 0; i < 2_000; i++) {
            byte[] state = state(transcoder, randomPlain(), random.nextBoolean() ? null : 1);
            readers.check(state);
            if (readers.scanner.scan(state) != null) {
                scanned++;
            }
        }
        assertTrue(scanned > 500, "the scanner reads the usual states itself, not only Jackson: " + scanned);
    }

    @Test
    void handMadeEdgeCasesReadAsJacksonReadsThem() {
        Readers readers = new Readers(JacksonTranscoder.create(), Plain.class);
        String members = "\"currency\":\"EUR\",\"reference\":\"r\",\"count\":1,\"total\":2,\"flag\":true,"
                + "\"boxed\":null,\"boxedTotal\":3,\"boxedFlag\":false,\"id\":\"" + ID + "\"";
        List<String> states = new ArrayList<>();
        for (String number : EDGE_NUMBERS) {
            states.add(envelope("{\"amount\":" + number + "," + members + "}"));
            states.add(envelope("{\"amount\":1," + members.replace("\"count\":1", "\"count\":" + number) + "}"));
            states.add(envelope("{\"amount\":1," + members.replace("\"total\":2", "\"total\":" + number) + "}"));
            states.add(envelope("{\"amount\":1," + members.replace("\"boxedTotal\":3", "\"boxedTotal\":" + number) + "}"));
        }
        String d = "{\"amount\":1.50," + members + "}";
        states.add(envelope(d));
        for (String id : EDGE_UUIDS) {
            states.add(envelope(d.replace("\"" + ID + "\"", id)));
        }
        states.add(envelope(d.replace("\"count\":1", "\"count\":13"))); // the constructor refuses it
        states.add(envelope(d.replace("\"count\":1", "\"count\":null"))); // null into an int
        states.add(envelope(d.replace("\"currency\":\"EUR\"", "\"currency\":null")));
        states.add(envelope(d.replace("\"flag\":true", "\"flag\":\"true\"")));
        states.add(envelope(d.replace("\"flag\":true", "\"flag\":1")));
        states.add(envelope(d.replace("\"reference\":\"r\"", "\"reference\":\"a\\\"b\"")));
        states.add(envelope(d.replace("\"reference\":\"r\"", "\"reference\":\"caf\u00e9\"")));
        states.add(envelope(d.replace("\"reference\":\"r\"", "\"reference\":\"tab\there\"")));
        states.add(envelope(d.replace("\"reference\":\"r\"", "\"reference\":12")));
        states.add(envelope(d.replace("\"reference\":\"r\"", "\"reference\":\"" + "x".repeat(300) + "\"")));
        states.add(envelope(d.replace("\"reference\":\"r\",", ""))); // missing
        states.add(envelope(d.replace("\"reference\":\"r\",", "\"reference\":\"r\",\"reference\":\"s\","))); // twice
        states.add(envelope(d.replace("\"reference\":\"r\",", "\"other\":\"r\","))); // unknown
        states.add(envelope(d.replace("}", ",}"))); // trailing comma
        states.add(envelope(d.replace(",", " ,\n\t")));
        states.add(envelope("{\"currency\":\"EUR\",\"amount\":2," + members.substring(members.indexOf("\"reference\"")) + "}"));
        states.add(envelope("null"));
        states.add(envelope("[]"));
        states.add(envelope("{}"));
        states.add("{\"t\":\"2026-12-05T10:00:00Z\",\"v\":1,\"d\":" + d + "}");
        states.add("{\"t\":\"2026-12-05T10:00:00Z\",\"v\":2,\"d\":" + d + "}");
        states.add("{\"t\":\"2026-12-05T10:00:00Z\",\"v\":01,\"d\":" + d + "}");
        states.add("{\"t\":\"2026-02-30T10:00:00Z\",\"d\":" + d + "}");
        states.add("{\"t\":\"2026-12-05T10:00:00+01:00\",\"d\":" + d + "}");
        states.add("{\"d\":" + d + ",\"t\":\"2026-12-05T10:00:00Z\"}");
        states.add("{\"t\":\"2026-12-05T10:00:00Z\",\"d\":" + d + "} ");
        states.add("{\"t\":\"2026-12-05T10:00:00Z\",\"d\":" + d + "}x");
        states.add("{\"t\":\"2026-12-05T10:00:00Z\",\"d\":" + d + "}{}");
        states.add("{\"t\":\"2026-12-05T10:00:00Z\",\"d\":" + d + ",\"x\":1}");
        states.add("\uFEFF{\"t\":\"2026-12-05T10:00:00Z\",\"d\":" + d + "}");
        for (String state : states) {
            readers.check(state.getBytes(StandardCharsets.UTF_8));
            readers.check(state.getBytes(StandardCharsets.UTF_16));
        }
    }

    @Test
    void randomChangesToStatesReadAsJacksonReadsThem() {
        JacksonTranscoder transcoder = JacksonTranscoder.create();
        changeAndCheck(transcoder, new Readers(transcoder, Plain.class), 20_000);
    }

    @Test
    void customisedMappersAreFollowed() {
        JacksonTranscoder snakeCase = JacksonTranscoder.builder()
                .customize(b -> b.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)).build();
        assertEquals("boxed_total", RecordBinder.forType(snakeCase.json(), Plain.class).name(7));
        changeAndCheck(snakeCase, new Readers(snakeCase, Plain.class), 3_000);

        JacksonTranscoder strict = JacksonTranscoder.builder()
                .customize(b -> b.enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)).build();
        changeAndCheck(strict, new Readers(strict, Plain.class), 3_000);

        JacksonTranscoder tight = JacksonTranscoder.builder()
                .limits(new DecodingLimits(4_096, 2, 300, 300)).build();
        changeAndCheck(tight, new Readers(tight, Plain.class), 3_000);
    }

    private void changeAndCheck(JacksonTranscoder transcoder, Readers readers, int count) {
        for (int i = 0; i < count; i++) {
            byte[] state = state(transcoder, randomPlain(), random.nextInt(4) == 0 ? 1 : null);
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                state = change(state);
            }
            readers.check(state);
        }
    }

    /** The readers of one class, each checked against Jackson's. */
    private static final class Readers {
        final DirectStateReader jackson;
        final DirectStateReader fast;
        final RecordBinder binder;
        final AsciiStateScanner scanner;
        final JacksonTranscoder transcoder;

        Readers(JacksonTranscoder transcoder, Class<?> type) {
            this.transcoder = transcoder;
            this.binder = RecordBinder.forType(transcoder.json(), type);
            this.scanner = AsciiStateScanner.of(binder, 1, transcoder.limits());
            this.jackson = new DirectStateReader(transcoder.json(), transcoder.limits().maxStateBytes(),
                    transcoder.json().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).forType(type),
                    null, null, 1);
            this.fast = transcoder.directReader(type);
            assertNotNull(binder);
            assertNotNull(scanner);
        }

        void check(byte[] state) {
            DirectStateReader.DirectState expected = jackson.read(state);
            String shown = new String(state, StandardCharsets.UTF_8);
            assertEquals(expected, fast.read(state), shown);
            DirectStateReader.DirectState scanned = scanner.scan(state);
            if (scanned != null) {
                assertEquals(expected, scanned, "scanned: " + shown);
            }
            Object bound = bindD(state);
            if (bound != RecordBinder.UNBOUND) {
                assertEquals(expected == null ? null : expected.payload(), bound, "bound: " + shown);
            }
        }

        // The binder on the value of "d", where there is a well-formed one; UNBOUND otherwise.
        private Object bindD(byte[] state) {
            try (JsonParser parser = transcoder.json().createParser(state)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return RecordBinder.UNBOUND;
                }
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    JsonToken token = parser.nextToken();
                    if (name.equals("d") && token == JsonToken.START_OBJECT) {
                        Object bound = binder.read(parser);
                        return jackson.read(state) == null ? RecordBinder.UNBOUND : bound;
                    }
                    parser.skipChildren();
                }
            } catch (Exception e) {
                return RecordBinder.UNBOUND;
            }
            return RecordBinder.UNBOUND;
        }
    }

    private static String envelope(String d) {
        return "{\"t\":\"2026-12-05T10:00:00.123Z\",\"d\":" + d + "}";
    }

    private static byte[] state(JacksonTranscoder transcoder, Plain plain, Integer version) {
        String d = new String(transcoder.encode(plain), StandardCharsets.UTF_8);
        return ("{\"t\":\"2026-12-05T10:00:0" + (plain.count() & 7) + "." + Math.abs(plain.total() % 1000) + "Z\","
                + (version == null ? "" : "\"v\":" + version + ",") + "\"d\":" + d + "}").getBytes(StandardCharsets.UTF_8);
    }

    private Plain randomPlain() {
        return new Plain(randomDecimal(), random.nextInt(5) == 0 ? null : randomText(),
                random.nextInt(5) == 0 ? null : randomText(), randomInt(), randomLong(), random.nextBoolean(),
                random.nextInt(3) == 0 ? null : randomInt(), random.nextInt(3) == 0 ? null : randomLong(),
                random.nextInt(3) == 0 ? null : random.nextBoolean(), random.nextInt(4) == 0 ? null : new UUID(random.nextLong(), random.nextLong()));
    }

    private BigDecimal randomDecimal() {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(12) - 2);
            case 2 -> new BigDecimal(random.nextInt(100_000) + "." + random.nextInt(100));
            case 3 -> new BigDecimal("1" + "0".repeat(random.nextInt(30)) + "." + random.nextInt(10));
            default -> BigDecimal.valueOf(random.nextInt(1000) - 500);
        };
    }

    private int randomInt() {
        int value = random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(100);
        return value == 13 ? 14 : value;
    }

    private long randomLong() {
        return random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(1000);
    }

    private String randomText() {
        String alphabet = "abcXYZ019 -_.,:{}[]\"\\/\t\u00e9\u20ac";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                    : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    // Replaces, deletes, inserts or repeats bytes, mostly with ones that mean something in JSON.
    private byte[] change(byte[] state) {
        if (state.length == 0) {
            return state;
        }
        String meaningful = "{}[],:\"\\ -+.0123456789eEtrufalsn\n\u0000";
        byte b = random.nextInt(10) == 0 ? (byte) random.nextInt(256) : (byte) meaningful.charAt(random.nextInt(meaningful.length()));
        int at = random.nextInt(state.length);
        byte[] changed;
        switch (random.nextInt(4)) {
            case 0 -> {
                changed = state.clone();
                changed[at] = b;
            }
            case 1 -> {
                changed = new byte[state.length - 1];
                System.arraycopy(state, 0, changed, 0, at);
                System.arraycopy(state, at + 1, changed, at, state.length - at - 1);
            }
            case 2 -> {
                changed = new byte[state.length + 1];
                System.arraycopy(state, 0, changed, 0, at);
                changed[at] = b;
                System.arraycopy(state, at, changed, at + 1, state.length - at);
            }
            default -> {
                int length = Math.min(state.length - at, 1 + random.nextInt(12));
                changed = new byte[state.length + length];
                System.arraycopy(state, 0, changed, 0, at + length);
                System.arraycopy(state, at, changed, at + length, state.length - at);
            }
        }
        return changed;
    }
}
