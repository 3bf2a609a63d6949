package dev.eventsourcing.dcb.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A decision with the tags it is (to be) stored with: the things in the world it is about, such as
 * {@code course:42} and {@code student:7}. Queries select decisions by these tags.
 *
 * @param decision the decision
 * @param tags     its tags; none blank, possibly none
 */
public record TaggedDecision(Decision decision, Set<String> tags) {

    /**
     * Refuses a {@code null} decision and blank tags, and copies the tags.
     *
     * @param decision the decision
     * @param tags     its tags
     */
    public TaggedDecision {
        Objects.requireNonNull(decision, "decision");
        tags = Selector.checkedTags(tags);
    }

    /**
     * @param decision the decision
     * @param tags     its tags
     * @return the decision with these tags
     */
    public static TaggedDecision of(Decision decision, String... tags) {
        return new TaggedDecision(decision, Set.copyOf(Arrays.asList(tags)));
    }

    @Override
    public String toString() {
        return decision + " tagged " + Arrays.toString(tags.stream().sorted().toArray());
    }
}
