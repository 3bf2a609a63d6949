package dev.eventsourcing.testing;

import dev.eventsourcing.domain.DomainEvent;

import java.util.List;
import java.util.stream.Collectors;

/** How failure messages name event classes and show events. */
final class Events {

    private Events() {
    }

    /** A class's name as its code reads: {@code Account.Deposited} for a nested class. */
    static String name(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        return enclosing == null ? type.getSimpleName() : name(enclosing) + "." + type.getSimpleName();
    }

    /** An event with its class named as code reads, e.g. {@code Account.Deposited[amount=10.00]}. */
    static String describe(Object event) {
        if (event == null) {
            return "null";
        }
        String text = String.valueOf(event);
        String simple = event.getClass().getSimpleName();
        return text.startsWith(simple) ? name(event.getClass()) + text.substring(simple.length()) : text;
    }

    /** A domain event's payload, described, with its version. */
    static String describe(DomainEvent<?> event) {
        return "v" + event.originatorVersion() + " " + describe(event.payload());
    }

    /** Events one to a line, numbered from 1, or "(none)". */
    static String list(List<?> events) {
        if (events.isEmpty()) {
            return "    (none)";
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            lines.append(i == 0 ? "" : "\n").append("    ").append(i + 1).append(". ").append(describe(events.get(i)));
        }
        return lines.toString();
    }

    /** The descriptions of the matchers, one to a line. */
    static String matchers(List<EventMatcher<?>> matchers) {
        return list(matchers.stream().map(EventMatcher::description).collect(Collectors.toList()));
    }
}
