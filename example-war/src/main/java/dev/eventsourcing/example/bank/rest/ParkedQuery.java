package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.persistence.ParkedNotification;

import java.util.Arrays;
import java.util.Collection;

/**
 * What {@code GET /parked?reader=&status=&limit=} asks for, each parameter checked: a reader the
 * bank runs, a status ({@code parked}, {@code retried} or {@code skipped}, in any case), and a
 * limit from 1 to {@value #MAX_LIMIT}. A missing or blank parameter means every reader, every
 * status, and {@value #DEFAULT_LIMIT} notifications.
 *
 * @param reader the reader, or {@code null} for every reader
 * @param status the status, or {@code null} for every status
 * @param limit  the most notifications to list
 */
record ParkedQuery(String reader, ParkedNotification.Status status, int limit) {

    /** How many notifications are listed when the request does not say. */
    static final int DEFAULT_LIMIT = 100;
    /** The most notifications one request may list. */
    static final int MAX_LIMIT = 1000;

    private static final int ECHOED = 100;

    /**
     * The query that the parameters ask for.
     *
     * @param readers the names of the readers the bank runs
     * @throws ApiException {@code invalid_parameter} when a parameter is not one of those allowed
     */
    static ParkedQuery parse(String reader, String status, String limit, Collection<String> readers) {
        return new ParkedQuery(reader(reader, readers), status(status), limit(limit));
    }

    private static String reader(String text, Collection<String> readers) {
        if (absent(text)) {
            return null;
        }
        String reader = text.strip();
        if (!readers.contains(reader)) {
            throw invalid("Parameter 'reader' must name one of the bank's readers " + readers.stream().sorted().toList()
                    + ", was " + quoted(text));
        }
        return reader;
    }

    private static ParkedNotification.Status status(String text) {
        if (absent(text)) {
            return null;
        }
        return Arrays.stream(ParkedNotification.Status.values())
                .filter(status -> status.name().equalsIgnoreCase(text.strip()))
                .findFirst()
                .orElseThrow(() -> invalid("Parameter 'status' must be parked, retried or skipped, was " + quoted(text)));
    }

    private static int limit(String text) {
        if (absent(text)) {
            return DEFAULT_LIMIT;
        }
        String digits = text.strip();
        // At most four digits: no number parsing of arbitrarily long input, and 1000 still fits.
        if (!digits.matches("\\d{1,4}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > MAX_LIMIT) {
            throw invalid("Parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT + ", was " + quoted(text));
        }
        return Integer.parseInt(digits);
    }

    private static boolean absent(String text) {
        return text == null || text.isBlank();
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_parameter", message);
    }

    /** The text as given, in quotes, shortened when long: error messages echo it. */
    private static String quoted(String text) {
        return "'" + (text.length() <= ECHOED ? text : text.substring(0, ECHOED) + "…") + "'";
    }
}
