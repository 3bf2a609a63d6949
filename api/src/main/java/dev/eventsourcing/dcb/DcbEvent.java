package dev.eventsourcing.dcb;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An event as a DCB recorder stores it.
 *
 * @param type     what kind of event it is; queries select by it
 * @param data     the event's state, as the mapper encoded it; copied in and out
 * @param tags     the things in the world the event is about; queries select by them
 * @param id       the event's own id, unique in the store
 * @param metadata strings that travel with the event (correlation and causation ids, for example)
 */
public record DcbEvent(String type, byte[] data, Set<String> tags, UUID id, Map<String, String> metadata) {

    /**
     * Checks and copies every part; types and tags must not be blank.
     *
     * @param type     what kind of event it is
     * @param data     the event's state
     * @param tags     the things in the world the event is about
     * @param id       the event's own id
     * @param metadata strings that travel with the event
     */
    public DcbEvent {
        DcbQueryItem.requireName(type, "type");
        data = Objects.requireNonNull(data, "data").clone();
        tags = DcbNames.check(tags, "tag");
        Objects.requireNonNull(id, "id");
        metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
    }

    /**
     * @param type what kind of event it is
     * @param data the event's state
     * @param tags the things in the world the event is about
     * @return an event with a new random id and no metadata
     */
    public static DcbEvent of(String type, byte[] data, Set<String> tags) {
        return new DcbEvent(type, data, tags, UUID.randomUUID(), Map.of());
    }

    /** @return a copy of the event's state */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DcbEvent that && type.equals(that.type) && Arrays.equals(data, that.data)
                && tags.equals(that.tags) && id.equals(that.id) && metadata.equals(that.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(data), tags, id, metadata);
    }

    @Override
    public String toString() {
        return "DcbEvent[type=" + type + ", tags=" + tags + ", id=" + id + ", " + data.length + " bytes]";
    }
}
