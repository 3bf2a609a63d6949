package dev.eventsourcing.example.courses.rest;

import java.util.UUID;
import java.util.regex.Pattern;

/** Ids as requests give them, in paths and bodies: canonical UUIDs, anything else a 400. */
final class RequestIds {

    // UUID.fromString accepts short forms such as "1-2-3-4-5"; ids here are always canonical.
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestIds() {
    }

    /**
     * The id in {@code text}.
     *
     * @param what what the id names, for the error message (e.g. "a course id")
     * @throws ApiException {@code invalid_id} when the text is no canonical UUID
     */
    static UUID parse(String text, String what) {
        if (text == null || !CANONICAL_UUID.matcher(text).matches()) {
            throw ApiException.badRequest("invalid_id", "'" + text + "' is not " + what + " (a UUID)");
        }
        return UUID.fromString(text);
    }
}
