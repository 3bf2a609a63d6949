package dev.eventsourcing.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.persistence.Notification;

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
 * {@code items} ascend by id; {@code next} is the {@code start} to ask for next, or {@code null}
 * when the log holds nothing more yet. {@code state} is the stored state, base64-encoded as it is
 * (still compressed or encrypted when the application does that).
 */
public final class SectionJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SectionJson() {
    }

    /** The section as JSON text. */
    public static String write(Section section) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("items");
        for (Notification n : section.items()) {
            items.addObject()
                    .put("id", n.id())
                    .put("originator_id", n.originatorId().toString())
                    .put("originator_version", n.originatorVersion())
                    .put("topic", n.topic())
                    .put("state", Base64.getEncoder().encodeToString(n.state()));
        }
        if (section.next() == null) {
            root.putNull("next");
        } else {
            root.put("next", section.next());
        }
        return root.toString();
    }

    /**
     * Reads a section from JSON text.
     *
     * @throws WireFormatException when the text is not a section in this format
     */
    public static Section read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new WireFormatException("Not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("items").isArray()) {
            throw new WireFormatException("A section must be a JSON object with an 'items' array");
        }
        List<Notification> items = new ArrayList<>();
        long previous = 0;
        for (JsonNode item : root.get("items")) {
            Notification notification = item(item);
            if (notification.id() <= previous) {
                throw new WireFormatException("Section items must ascend by id: " + notification.id() + " after " + previous);
            }
            previous = notification.id();
            items.add(notification);
        }
        JsonNode next = root.path("next");
        if (!next.isMissingNode() && !next.isNull() && !next.canConvertToExactIntegral()) {
            throw new WireFormatException("'next' must be a whole number or null, was " + next);
        }
        return new Section(items, next.isMissingNode() || next.isNull() ? null : next.asLong());
    }

    private static Notification item(JsonNode item) {
        try {
            return new Notification(
                    integral(item, "id"),
                    UUID.fromString(text(item, "originator_id")),
                    integral(item, "originator_version"),
                    text(item, "topic"),
                    Base64.getDecoder().decode(text(item, "state")));
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("Bad section item " + item + ": " + e.getMessage(), e);
        }
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
