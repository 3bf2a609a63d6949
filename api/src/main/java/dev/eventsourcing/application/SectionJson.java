package dev.eventsourcing.application;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.persistence.Notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The wire format of a notification log section, shared by servers and {@link RemoteNotificationLog}:
 * <pre>{@code
 * {"items":[{"id":1,"originator_id":"<uuid>","originator_version":1,"topic":"<topic>","state":"<base64>"}],
 *  "next":2}
 * }</pre>
 * {@code items} ascend by id within the window asked for, {@code [start, start + limit)};
 * {@code next} is the {@code start} to ask for next, at most {@code start + limit}, or
 * {@code null} when the log holds nothing more yet (see {@link NotificationLog#select}, and
 * {@link SectionBounds} for the check a reader makes). {@code state} is the stored state, base64-encoded as it is
 * (still compressed or encrypted when the application does that).
 *
 * <p>Sections are read with Jackson's limits on: a section nests three levels deep (at most
 * {@value #MAX_NESTING_DEPTH} are read), numbers are ids and versions (at most
 * {@value #MAX_NUMBER_LENGTH} digits), and the document and each string are no longer than the
 * size the reader allows, so a hostile answer costs at most that much memory.
 *
 * <p>An item whose personal data was shredded (see {@link Notification#shredded()}) has
 * {@code "shredded":true} and an empty {@code state}; other items have no {@code shredded} field,
 * as before. So a reader that does not know the field still reads every section (and fails to
 * decode a shredded item, as it would fail without the key), and this reader reads sections of
 * servers that never write it.
 */
public final class SectionJson {

    /** The deepest nesting read; a section needs three levels, the rest leaves room for extensions. */
    static final int MAX_NESTING_DEPTH = 16;
    /** The longest number read, in characters: ids and versions are longs. */
    static final int MAX_NUMBER_LENGTH = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SectionJson() {
    }

    /**
     * Writes a section in the wire format.
     *
     * @param section the section; not null
     * @return the section as compact JSON text
     */
    public static String write(Section section) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("items");
        for (Notification n : section.items()) {
            ObjectNode item = items.addObject()
                    .put("id", n.id())
                    .put("originator_id", n.originatorId().toString())
                    .put("originator_version", n.originatorVersion())
                    .put("topic", n.topic())
                    .put("state", Base64.getEncoder().encodeToString(n.state()));
            if (n.shredded()) {
                item.put("shredded", true);
            }
        }
        if (section.next() == null) {
            root.putNull("next");
        } else {
            root.put("next", section.next());
        }
        return root.toString();
    }

    /**
     * Reads a section from JSON text of any length.
     *
     * @param json the text; not null
     * @return the section, with items as they were sent
     * @throws WireFormatException when the text is not a section in this format
     */
    public static Section read(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return read(bytes, Math.max(1, bytes.length));
    }

    /**
     * Reads a section from JSON bytes (UTF-8), refusing documents and strings longer than
     * {@code maxBytes}.
     *
     * @param json the document; not null
     * @param maxBytes the longest document and string allowed, in bytes; at least 1
     * @return the section, with items as they were sent (not yet checked against a request; see
     *         {@link SectionBounds})
     * @throws WireFormatException when the bytes are not a section in this format, or exceed a limit
     */
    public static Section read(byte[] json, long maxBytes) {
        JsonNode root = tree(json, maxBytes);
        if (root == null || !root.isObject() || !root.path("items").isArray()) {
            throw new WireFormatException("A section must be a JSON object with an 'items' array");
        }
        List<Notification> items = new ArrayList<>();
        long previous = 0;
        for (JsonNode item : root.get("items")) {
            Notification notification = item(item, items.size());
            if (notification.id() <= previous) {
                throw new WireFormatException("Section items must ascend by id: " + notification.id() + " after " + previous);
            }
            previous = notification.id();
            items.add(notification);
        }
        JsonNode next = root.path("next");
        if (!next.isMissingNode() && !next.isNull() && !next.canConvertToExactIntegral()) {
            throw new WireFormatException("'next' must be a whole number or null");
        }
        return new Section(items, next.isMissingNode() || next.isNull() ? null : next.asLong());
    }

    private static JsonNode tree(byte[] json, long maxBytes) {
        int maxString = (int) Math.min(Integer.MAX_VALUE, maxBytes);
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(maxBytes)
                .maxStringLength(maxString)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build()).build();
        try (JsonParser parser = factory.createParser(json)) {
            JsonNode root = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw new WireFormatException("A section must be one JSON object, with nothing after it");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new WireFormatException("Not JSON within the limits: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WireFormatException("Not JSON: " + e.getMessage(), e);
        }
    }

    private static Notification item(JsonNode item, int index) {
        try {
            boolean shredded = shredded(item);
            return new Notification(
                    integral(item, "id"),
                    UUID.fromString(text(item, "originator_id")),
                    integral(item, "originator_version"),
                    text(item, "topic"),
                    shredded ? new byte[0] : Base64.getDecoder().decode(text(item, "state")),
                    shredded);
        } catch (IllegalArgumentException e) {
            // The item itself is not shown: its state may be anything, including a secret.
            throw new WireFormatException("Bad section item at index " + index + ": " + e.getMessage(), e);
        }
    }

    // Absent in items that are not shredded, and in every item of servers that predate the field.
    private static boolean shredded(JsonNode item) {
        JsonNode value = item.path("shredded");
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("'shredded' must be true or false");
        }
        return value.booleanValue();
    }

    private static long integral(JsonNode item, String field) {
        JsonNode value = item.path(field);
        if (!value.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return value.asLong();
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asText();
    }
}
