package dev.eventsourcing.persistence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;

/**
 * Reads the states of one payload class in the layout {@link Mapper} writes ({@code t}, then
 * {@code v} if present, then {@code d}) in one pass, binding {@code d} straight to the class
 * without building a tree. Made by {@link JacksonTranscoder#directReader} once per class, so
 * that the class's reader and version are looked up once, not per event or per run of events.
 * Immutable and thread-safe.
 *
 * <p>Where the class is a plain record of scalars, an {@link AsciiStateScanner} reads the state
 * first, without a parser, and otherwise a {@link RecordBinder} binds {@code d} in place of
 * Jackson's databind; a state either leaves to Jackson is read again, by Jackson.
 *
 * <p>Each state gets a parser of its own, as when it is read alone: nothing read from one state
 * reaches another. {@link #read} returns {@code null} when the members come in another order,
 * when the stored version is not the class's (the data needs upcasting), or when anything
 * fails: the caller then takes the general path, which explains any problem.
 */
final class DirectStateReader {

    private final JsonMapper json;
    private final long maxStateBytes;
    private final ObjectReader reader;
    private final RecordBinder binder;
    private final AsciiStateScanner scanner;
    private final int version;

    /**
     * @param json          the mapper whose parsers read the states
     * @param maxStateBytes the longest state to read; a longer one is left to the general path
     * @param reader        the reader of the payload class, for a value inside a larger document
     * @param binder        binds the payload class where Jackson would bind it alike, or null
     * @param scanner       reads its states where Jackson would read them alike, or null
     * @param version       the class's current version: data at any other is left to the general path
     */
    DirectStateReader(JsonMapper json, long maxStateBytes, ObjectReader reader, RecordBinder binder,
                      AsciiStateScanner scanner, int version) {
        this.json = json;
        this.maxStateBytes = maxStateBytes;
        this.reader = reader;
        this.binder = binder;
        this.scanner = scanner;
        this.version = version;
    }

    /** The state read in one pass, or {@code null} to send it down the general path. */
    DirectState read(byte[] bytes) {
        if (bytes.length > maxStateBytes) {
            return null;
        }
        if (scanner != null) {
            DirectState scanned = scanner.scan(bytes);
            if (scanned != null) {
                return scanned;
            }
        }
        DirectState state = read(bytes, binder);
        // The binder left the payload to Jackson: read the state again, from the start.
        return state == LEFT_TO_JACKSON ? read(bytes, null) : state;
    }

    // What read(bytes, binder) returns when the binder left the payload to Jackson.
    private static final DirectState LEFT_TO_JACKSON = new DirectState(null, null, null);

    private DirectState read(byte[] bytes, RecordBinder binder) {
        try (JsonParser parser = json.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !"t".equals(parser.nextFieldName())
                    || parser.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            // The timestamp read in the parser's buffer: making a string of it cost about as much
            // as parsing it. Only an unusual one is kept as text, for the caller to parse or explain.
            Instant timestamp = IsoInstants.parseCanonical(
                    parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            String text = timestamp == null ? parser.getText() : null;
            String name = parser.nextFieldName();
            int storedVersion = 1;
            if ("v".equals(name)) {
                if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                    return null;
                }
                storedVersion = parser.getIntValue();
                name = parser.nextFieldName();
            }
            if (storedVersion != version || !"d".equals(name) || parser.nextToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            Object payload = binder == null ? reader.readValue(parser) : binder.read(parser);
            if (payload == RecordBinder.UNBOUND) {
                return LEFT_TO_JACKSON;
            }
            if (parser.nextToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            return new DirectState(timestamp, text, payload);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A state read by {@link #read}: its timestamp, or when that is not in the form the mapper
     * writes, its text (the other is null), and the bound payload.
     */
    record DirectState(Instant timestamp, String text, Object payload) {
    }
}
