package dev.eventsourcing.browser;

import dev.eventsourcing.application.NotificationLog;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/** Reads the query parameters and path segments of the JSON API, refusing bad ones with 400. */
final class Parameters {

    private Parameters() {
    }

    static long number(BrowserRequest request, String name, long defaultValue, long min, long max) {
        return request.parameter(name).map(value -> number(name, value, min, max)).orElse(defaultValue);
    }

    static long number(String name, String value, long min, long max) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw BrowserException.badRequest("invalid_parameter", name + " must be a whole number, was '" + value + "'");
        }
        if (number < min || number > max) {
            throw BrowserException.badRequest("invalid_parameter",
                    name + " must be from " + min + " to " + max + ", was " + number);
        }
        return number;
    }

    /**
     * The topics of a {@code topics} parameter, separated by commas (a topic names a class, which
     * holds none); none, for every topic, without the parameter.
     */
    static Set<String> topics(BrowserRequest request) {
        String value = request.parameter("topics").orElse("");
        if (value.isEmpty()) {
            return Set.of();
        }
        try {
            return NotificationLog.checkTopics(Arrays.stream(value.split(",", -1)).map(String::trim).toList());
        } catch (IllegalArgumentException e) {
            throw BrowserException.badRequest("invalid_parameter", "topics, separated by commas: " + e.getMessage());
        }
    }

    static long notificationId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw BrowserException.badRequest("invalid_id", "A notification id is a whole number from 1, was '" + value + "'");
    }

    static UUID aggregateId(String value) {
        try {
            UUID id = UUID.fromString(value);
            // UUID.fromString accepts shortened forms such as 1-1-1-1-1; only the canonical one names an aggregate.
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw BrowserException.badRequest("invalid_id", "An aggregate id is a UUID such as "
                + "123e4567-e89b-12d3-a456-426614174000, was '" + value + "'");
    }
}
