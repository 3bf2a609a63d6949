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

    /**
     * How the states of one payload class are read: made once for a run of stored events of
     * that class (see {@link #reading}), so that nothing about the class is looked up per event.
     *
     * @param type   the payload class
     * @param direct its one-pass reader; null when there is none and every state takes the general path
     */
    record Reading(Class<?> type, DirectStateReader direct) {
    }

    /** How the states of {@code type} are read: in one pass when the transcoder can, through a tree otherwise. */
    Reading reading(Class<?> type) {
        if (transcoder instanceof JacksonTranscoder jackson) {
            try {
                return new Reading(type, jackson.directReader(type));
            } catch (RuntimeException e) {
                // A class the one-pass reader cannot take (a bad @ClassVersion, say): the general
                // path reads it, or says what is wrong with it, per event as before.
            }
        }
        return new Reading(type, null);
    }

    /** Decodes a state, decrypted and decompressed, as a domain event whose payload is a {@code reading.type()}. */
    DomainEvent<?> read(StoredEvent stored, Reading reading, byte[] bytes, boolean transformed) {
        if (reading.direct() != null) {
            DomainEvent<?> event = readDirectly(reading.direct(), stored, bytes);
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
        return new DomainEvent<>(stored.originatorId(), stored.originatorVersion(), timestamp,
                payload(stored, reading.type(), state));
    }

    /**
     * Reads the state in one pass when it needs no upcasting, faster than through a tree;
     * returns {@code null} to send anything unusual, errors included, down the general path.
     */
    private static DomainEvent<?> readDirectly(DirectStateReader direct, StoredEvent stored, byte[] bytes) {
        DirectStateReader.DirectState state = direct.read(bytes);
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
