package dev.eventsourcing.testing;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Says where two lists of events first differ, down to the record component. */
final class Differences {

    private Differences() {
    }

    static String between(List<?> expected, List<?> actual) {
        int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++) {
            if (!Objects.equals(expected.get(i), actual.get(i))) {
                return "First difference at event " + (i + 1) + ": " + of(expected.get(i), actual.get(i));
            }
        }
        return expected.size() > actual.size()
                ? "Missing from event " + (common + 1) + ": " + Events.describe(expected.get(common))
                : "Unexpected from event " + (common + 1) + ": " + Events.describe(actual.get(common));
    }

    private static String of(Object expected, Object actual) {
        if (expected == null || actual == null || expected.getClass() != actual.getClass()) {
            return "expected " + Events.describe(expected) + " but was " + Events.describe(actual);
        }
        if (!expected.getClass().isRecord()) {
            return "expected " + Events.describe(expected) + " but was " + Events.describe(actual);
        }
        List<String> components = new ArrayList<>();
        for (RecordComponent component : expected.getClass().getRecordComponents()) {
            Object want = value(component, expected);
            Object got = value(component, actual);
            if (!Objects.equals(want, got)) {
                components.add(component.getName() + " expected <" + want + "> but was <" + got + ">");
            }
        }
        return components.isEmpty()
                ? Events.describe(expected) + " is not equal to " + Events.describe(actual) + " (see its equals method)"
                : Events.name(expected.getClass()) + " differs in " + String.join("; ", components);
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
