package dev.eventsourcing.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.domain.DomainEvent;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes and reads the JSON layout of a stored event's state ({@code t}, {@code v}, {@code d};
 * see {@link Mapper}) with a transcoder, upcasting old data on the way in. Errors name the
 * stored event being read.
 */
final class StateFormat {

    private final Transcoder transcoder;
    private final Upcasters upcasters;

    StateFormat(Transcoder transcoder, Upcasters upcasters) {
        this.transcoder = transcoder;
        this.upcasters = upcasters;
    }

    /** Encodes the event's timestamp, its payload's class version when above 1, and its payload. */
    byte[] write(DomainEvent<?> event) {
        int version = Upcasters.currentVersion(event.payload().getClass());
        Map<String, Object> state = new LinkedHashMap<>(4);
        state.put("t", event.timestamp().toString());
        if (version > 1) {
            state.put("v", version);
        }
        state.put("d", event.payload());
        return transcoder.encode(state);
    }

    /** Decodes a state, decrypted and decompressed, as a domain event whose payload is a {@code type}. */
    DomainEvent<?> read(StoredEvent stored, Class<?> type, byte[] bytes, boolean transformed) {
        if (transcoder instanceof JacksonTranscoder jackson) {
            DomainEvent<?> event = readDirectly(jackson, stored, type, bytes);
            if (event != null) {
                return event;
            }
        }
        JsonNode state;
        try {
            state = transcoder.decodeTree(bytes);
        } catch (RuntimeException e) {
            throw new UndecodableStateException(Mapper.cannotRead(stored) + e.getMessage()
                    + (transformed ? "" : " (was it written with compression or encryption?)"), e);
        }
        JsonNode t = state.get("t");
        if (!state.isObject() || t == null || !t.isTextual() || !state.has("d")) {
            throw new UndecodableStateException(Mapper.cannotRead(stored)
                    + "state is not a JSON object with a textual \"t\" (timestamp) and a \"d\" (data)");
        }
        Instant timestamp = parseTimestamp(stored, t.textValue());
        return new DomainEvent<>(stored.originatorId(), stored.originatorVersion(), timestamp, payload(stored, type, state));
    }

    /**
     * Reads the state in one pass when it needs no upcasting, faster than through a tree;
     * returns {@code null} to send anything unusual, errors included, down the general path.
     */
    private static DomainEvent<?> readDirectly(JacksonTranscoder jackson, StoredEvent stored, Class<?> type, byte[] bytes) {
        int version;
        try {
            version = Upcasters.currentVersion(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
        JacksonTranscoder.DirectState state = jackson.decodeState(bytes, type, version);
        if (state == null) {
            return null;
        }
        Instant timestamp = state.timestamp() != null ? state.timestamp() : parseTimestamp(stored, state.text());
        return new DomainEvent<>(stored.originatorId(), stored.originatorVersion(), timestamp, state.payload());
    }

    private static Instant parseTimestamp(StoredEvent stored, String text) {
        try {
            return IsoInstants.parse(text);
        } catch (DateTimeParseException e) {
            throw new UndecodableStateException(Mapper.cannotRead(stored) + "timestamp \"" + text
                    + "\" is not an ISO-8601 instant", e);
        }
    }

    private Object payload(StoredEvent stored, Class<?> type, JsonNode state) {
        JsonNode v = state.get("v");
        if (v != null && !(v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 1)) {
            throw new UndecodableStateException(Mapper.cannotRead(stored) + "class version \"v\" is not a positive integer: " + v);
        }
        int storedVersion = v == null ? 1 : v.intValue();
        JsonNode data = state.get("d");
        if (data.isNull()) {
            throw new UndecodableStateException(Mapper.cannotRead(stored) + "data \"d\" is null");
        }
        try {
            if (storedVersion != Upcasters.currentVersion(type)) {
                if (!(data instanceof ObjectNode object)) {
                    throw new UndecodableStateException("data to upcast is not a JSON object");
                }
                data = upcasters.upcast(type, storedVersion, object);
            }
            return transcoder.treeToValue(data, type);
        } catch (MissingUpcasterException e) {
            throw new MissingUpcasterException(e.type(), e.fromVersion(), Mapper.cannotRead(stored) + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UndecodableStateException(Mapper.cannotRead(stored) + e.getMessage(), e);
        }
    }
}
