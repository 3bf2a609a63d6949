package dev.eventsourcing.testing;

import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.TaggedDecision;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** How DCB failure messages show decisions, and the check that given decisions lie inside a boundary. */
final class DecisionText {

    private DecisionText() {
    }

    /** A decision with its class named as code reads and its tags sorted. */
    static String describe(TaggedDecision decision) {
        return Events.describe(decision.decision()) + " tagged " + sorted(decision.tags());
    }

    static String sorted(Set<String> tags) {
        return Arrays.toString(tags.stream().sorted().toArray());
    }

    /** Decisions one to a line, numbered from 1, or "(none)". */
    static String list(List<TaggedDecision> decisions) {
        if (decisions.isEmpty()) {
            return "    (none)";
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < decisions.size(); i++) {
            lines.append(i == 0 ? "" : "\n").append("    ").append(i + 1).append(". ").append(describe(decisions.get(i)));
        }
        return lines.toString();
    }

    /**
     * Fails, naming the first given decision that no selector of the boundary matches: a test that
     * gives it sets up a history the tested code would never read.
     */
    static void checkInside(List<TaggedDecision> given, List<Selector> boundary, String what) {
        for (int i = 0; i < given.size(); i++) {
            TaggedDecision decision = given.get(i);
            if (!boundary.isEmpty() && boundary.stream().noneMatch(selector -> selector.matches(decision))) {
                throw new AssertionError("Given decision " + (i + 1) + " (" + describe(decision) + ") lies outside "
                        + what + ", which selects:\n" + boundary.stream().map(selector -> "    " + selector)
                        .collect(Collectors.joining("\n"))
                        + "\nIt would never be read: give only decisions that are read, or widen the boundary.");
            }
        }
    }
}
