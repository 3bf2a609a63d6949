package dev.eventsourcing.dcb.domain;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One part of a consistency boundary: the decisions of some types that carry some tags. A decision
 * matches a selector when the selector names no types or the decision is of one of them (types are
 * alternatives), <em>and</em> the decision carries every tag of the selector (tags are all
 * required). A boundary is a list of selectors, which are alternatives. A selector with neither
 * types nor tags matches every decision.
 *
 * <p>A type is a concrete decision class or a sealed decision interface, which stands for the
 * concrete classes it permits. The application's mapper turns each type into the topics it is
 * stored under (old ones included), so a selector is the domain's view of a
 * {@link dev.eventsourcing.dcb.DcbQueryItem}.
 *
 * @param types the decision types, any of which matches; empty for any type
 * @param tags  the tags a decision must all carry; empty for no tag required
 */
public record Selector(Set<Class<? extends Decision>> types, Set<String> tags) {

    /**
     * Copies both sets, refuses blank tags and types that are neither concrete nor sealed.
     *
     * @param types the decision types, any of which matches
     * @param tags  the tags a decision must all carry
     */
    public Selector {
        types = Set.copyOf(Objects.requireNonNull(types, "types"));
        for (Class<? extends Decision> type : types) {
            if (abstractType(type) && !type.isSealed()) {
                throw new IllegalArgumentException("A selector's type must be a concrete decision class or a sealed"
                        + " decision interface, so that the topics it stands for are known; " + type.getName() + " is neither");
            }
        }
        tags = checkedTags(tags);
    }

    /**
     * A selector of tags only. (Called without arguments, {@code tags()} is the record's accessor;
     * {@code Selector.of(Set.of(), Set.of())} selects every decision.)
     *
     * @param tags the tags a decision must all carry, at least one
     * @return a selector of the decisions of any type that carry all these tags
     */
    public static Selector tags(String... tags) {
        return new Selector(Set.of(), Set.copyOf(Arrays.asList(tags)));
    }

    /**
     * @param types the decision types, any of which matches
     * @param tags  the tags a decision must all carry
     * @return a selector of the decisions of one of these types that carry all these tags
     */
    public static Selector of(Set<Class<? extends Decision>> types, Set<String> tags) {
        return new Selector(types, tags);
    }

    /**
     * @param types the decision types, any of which matches
     * @return a selector of the decisions of one of these types, whatever their tags
     */
    @SafeVarargs
    public static Selector types(Class<? extends Decision>... types) {
        return new Selector(Set.copyOf(Arrays.asList(types)), Set.of());
    }

    /**
     * @param decision a decision
     * @param decisionTags its tags
     * @return whether the decision with these tags matches this selector
     */
    public boolean matches(Decision decision, Set<String> decisionTags) {
        return (types.isEmpty() || types.stream().anyMatch(type -> type.isInstance(decision)))
                && decisionTags.containsAll(tags);
    }

    /**
     * @param decision a decision with its tags
     * @return whether it matches this selector
     */
    public boolean matches(TaggedDecision decision) {
        return matches(decision.decision(), decision.tags());
    }

    @Override
    public String toString() {
        return "types " + types.stream().map(Class::getSimpleName).sorted().collect(Collectors.toList())
                + " tags " + tags.stream().sorted().collect(Collectors.toList());
    }

    private static boolean abstractType(Class<?> type) {
        return type.isInterface() || Modifier.isAbstract(type.getModifiers());
    }

    static Set<String> checkedTags(Set<String> tags) {
        Objects.requireNonNull(tags, "tags");
        for (String tag : tags) {
            Objects.requireNonNull(tag, "tag");
            if (tag.isBlank()) {
                throw new IllegalArgumentException("A tag must not be blank");
            }
        }
        return Set.copyOf(tags);
    }
}
