package dev.eventsourcing.persistence;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the timestamps of stored states: {@link Instant#parse} with a fast path for the one
 * form the mapper writes ({@link Instant#toString}: {@code 2026-11-27T17:30:00.123456Z}, a
 * four-digit year, 0 to 9 fraction digits, {@code Z}). {@code Instant.parse} builds a formatter
 * context per call and costs about as much as binding the event itself; a replay of a long
 * aggregate parses one timestamp per event. Every other text, valid or not, goes to
 * {@code Instant.parse}, so what is accepted and what fails, with which error, is unchanged.
 */
final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;
    // The shortest canonical text has no fraction (20 characters), the longest nine digits of it.
    private static final int MIN_LENGTH = 20;
    private static final int MAX_LENGTH = 30;

    private IsoInstants() {
    }

    /**
     * The instant the text gives, as {@link Instant#parse} reads it.
     *
     * @param text an ISO-8601 instant
     * @return the instant
     * @throws java.time.format.DateTimeParseException when the text is not an ISO-8601 instant
     */
    static Instant parse(String text) {
        int length = text.length();
        Instant fast = length >= MIN_LENGTH && length <= MAX_LENGTH ? parseCanonical(text.toCharArray(), 0, length) : null;
        return fast != null ? fast : Instant.parse(text);
    }

    /**
     * The instant the text gives when it has the form the mapper writes, read in place (a JSON
     * parser's buffer, say), without making a string of it, and straight from the array, without
     * a {@code CharBuffer} made per event to view it.
     *
     * @param chars  the array holding the text
     * @param offset where the text starts in it
     * @param length how many characters the text has
     * @return the instant, or {@code null} when the text has another form or is no instant: then
     *         {@link #parse} of the text as a string reads it, or says what is wrong with it
     */
    static Instant parseCanonical(char[] chars, int offset, int length) {
        // yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z, or null for anything else (including leap seconds and
        // impossible dates, which Instant.parse then judges).
        if (length < MIN_LENGTH || length > MAX_LENGTH || length == MIN_LENGTH + 1 || chars[offset + 4] != '-'
                || chars[offset + 7] != '-' || chars[offset + 10] != 'T' || chars[offset + 13] != ':'
                || chars[offset + 16] != ':' || chars[offset + length - 1] != 'Z') {
            return null;
        }
        int year = digits(chars, offset, 4);
        int month = digits(chars, offset + 5, 2);
        int day = digits(chars, offset + 8, 2);
        int hour = digits(chars, offset + 11, 2);
        int minute = digits(chars, offset + 14, 2);
        int second = digits(chars, offset + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > MIN_LENGTH) {
            if (chars[offset + 19] != '.') {
                return null;
            }
            int fractionDigits = length - 21;
            nanos = digits(chars, offset + 20, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(char[] chars, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
