package dev.eventsourcing.dcb;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * One item of a {@link DcbQuery}: an event matches it when the item names no types or the event's
 * type is one of them (types are alternatives), <em>and</em> the event carries every tag of the
 * item (tags are all required). An item with neither types nor tags matches every event.
 *
 * @param types the event types, any of which matches; empty for any type
 * @param tags  the tags an event must all carry; empty for no tag required
 */
public record DcbQueryItem(Set<String> types, Set<String> tags) {

    /**
     * Copies both sets and refuses {@code null} or blank entries.
     *
     * @param types the event types, any of which matches; empty for any type
     * @param tags  the tags an event must all carry; empty for no tag required
     */
    public DcbQueryItem {
        types = DcbNames.check(types, "type");
        tags = DcbNames.check(tags, "tag");
    }

    /**
     * @param types the event types, any of which matches
     * @return an item matching events of any of these types, whatever their tags
     */
    public static DcbQueryItem types(String... types) {
        return new DcbQueryItem(Set.of(types), Set.of());
    }

    /**
     * @param tags the tags an event must all carry
     * @return an item matching events that carry all these tags, whatever their type
     */
    public static DcbQueryItem tags(String... tags) {
        return new DcbQueryItem(Set.of(), Set.of(tags));
    }

    /**
     * @param types the event types, any of which matches
     * @param tags  the tags an event must all carry
     * @return an item matching events of one of these types that carry all these tags
     */
    public static DcbQueryItem of(Collection<String> types, Collection<String> tags) {
        return new DcbQueryItem(Set.copyOf(types), Set.copyOf(tags));
    }

    /**
     * @param type the event's type
     * @param eventTags the event's tags
     * @return whether an event of this type with these tags matches this item
     */
    public boolean matches(String type, Set<String> eventTags) {
        return (types.isEmpty() || types.contains(type)) && eventTags.containsAll(tags);
    }

    /** @return whether this item matches every event */
    public boolean matchesAll() {
        return types.isEmpty() && tags.isEmpty();
    }

    @Override
    public String toString() {
        return "types " + Arrays.toString(types.stream().sorted().toArray())
                + " tags " + Arrays.toString(tags.stream().sorted().toArray());
    }

    static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException("A " + what + " must not be blank");
        }
        return name;
    }
}
