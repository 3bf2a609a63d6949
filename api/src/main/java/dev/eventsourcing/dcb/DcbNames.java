package dev.eventsourcing.dcb;

import java.util.Objects;
import java.util.Set;

/** Checks for the names DCB values carry: types and tags are never null or blank. */
final class DcbNames {

    private DcbNames() {
    }

    static Set<String> check(Set<String> names, String what) {
        Objects.requireNonNull(names, what + "s");
        for (String name : names) {
            DcbQueryItem.requireName(name, what);
        }
        return Set.copyOf(names);
    }
}
