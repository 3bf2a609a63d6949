package dev.eventsourcing.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A position in the bytes of one JSON document, read as the strict ASCII subset that
 * {@link AsciiStateScanner} accepts. Every method answers "no" (false, -1 or
 * {@link Long#MIN_VALUE}) for what it does not accept, and the scanner then leaves the document to
 * Jackson.
 */
final class AsciiCursor {
    final byte[] bytes;
    private final int maxText;
    int at;

    /**
     * @param bytes   the document
     * @param maxText the longest string or number accepted, in characters
     */
    AsciiCursor(byte[] bytes, int maxText) {
        this.bytes = bytes;
        this.maxText = maxText;
    }

    /** Moves past JSON's whitespace: spaces, tabs, line feeds and carriage returns. */
    void skipWhitespace() {
        while (at < bytes.length) {
            byte b = bytes[at];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            at++;
        }
    }

    /** Whether the next token is {@code c}, consumed if so. */
    boolean expect(char c) {
        skipWhitespace();
        if (at < bytes.length && bytes[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    /** Whether only whitespace is left. */
    boolean atEnd() {
        skipWhitespace();
        return at == bytes.length;
    }

    /** Whether a member named {@code name} and its colon come next, consumed if so. */
    boolean key(byte[] name) {
        int mark = at;
        int start = string();
        if (start >= 0 && is(name, start) && expect(':')) {
            return true;
        }
        at = mark;
        return false;
    }

    /** The index in {@code names} of the member whose name and colon come next, or -1. */
    int member(byte[][] names) {
        int start = string();
        if (start < 0) {
            return -1;
        }
        for (int i = 0; i < names.length; i++) {
            if (is(names[i], start)) {
                return expect(':') ? i : -1;
            }
        }
        return -1;
    }

    // Whether the string just read, from start, is name.
    private boolean is(byte[] name, int start) {
        int length = at - 1 - start;
        return name.length == length && Arrays.equals(name, 0, length, bytes, start, at - 1);
    }

    /**
     * Reads a string of printable ASCII without escapes and returns where its text starts
     * (it ends before {@code at - 1}), or -1.
     */
    int string() {
        skipWhitespace();
        if (at >= bytes.length || bytes[at] != '"') {
            return -1;
        }
        int start = at + 1;
        int end = Math.min(bytes.length, start + maxText + 1);
        // A local index: the loop is the scanner's hottest, and a field would be written back each byte.
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b == '"') {
                at = i + 1;
                return start;
            }
            if (!plain(b)) {
                return -1; // control character (Jackson fails), escape or non-ASCII: Jackson reads it
            }
        }
        return -1;
    }

    /** Whether {@code c} may stand in a string as itself: printable ASCII, no quote, no backslash. */
    static boolean plain(int c) {
        return c >= 0x20 && c <= 0x7e && c != '"' && c != '\\';
    }

    /** The text of the string {@link #string} just read, which started at {@code start}. */
    String stringText(int start) {
        return new String(bytes, start, at - 1 - start, StandardCharsets.ISO_8859_1);
    }

    /** The text of the number {@link #number} just read, which started at {@code start}. */
    String numberText(int start) {
        return new String(bytes, start, at - start, StandardCharsets.ISO_8859_1);
    }

    /** Whether {@code word} comes next, followed by a delimiter; consumed if so. */
    boolean literal(String word) {
        int end = at + word.length();
        if (end > bytes.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (bytes[at + i] != word.charAt(i)) {
                return false;
            }
        }
        if (!delimiterAt(end)) {
            return false;
        }
        at = end;
        return true;
    }

    /**
     * Reads a JSON number, with a fraction or exponent only if {@code real}, and returns
     * where it starts (it ends at {@code at}), or -1.
     */
    int number(boolean real) {
        skipWhitespace();
        int start = at;
        int i = at;
        if (i < bytes.length && bytes[i] == '-') {
            i++;
        }
        int digits = digits(i);
        if (digits == 0 || digits > 1 && bytes[i] == '0') {
            return -1; // no digit, or a leading zero, which Jackson refuses
        }
        i += digits;
        if (i < bytes.length && bytes[i] == '.') {
            int fraction = real ? digits(i + 1) : 0;
            if (fraction == 0) {
                return -1;
            }
            i += 1 + fraction;
        }
        if (i < bytes.length && (bytes[i] == 'e' || bytes[i] == 'E')) {
            if (!real) {
                return -1;
            }
            i++;
            if (i < bytes.length && (bytes[i] == '+' || bytes[i] == '-')) {
                i++;
            }
            int exponent = digits(i);
            if (exponent == 0) {
                return -1;
            }
            i += exponent;
        }
        if (i - start > maxText || !delimiterAt(i)) {
            return -1;
        }
        at = i;
        return start;
    }

    /** Reads an integer of at most 18 digits and returns it, or {@link Long#MIN_VALUE}. */
    long integer() {
        int start = number(false);
        if (start < 0 || at - start > 18) {
            return Long.MIN_VALUE;
        }
        boolean negative = bytes[start] == '-';
        long value = 0;
        for (int i = negative ? start + 1 : start; i < at; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return negative ? -value : value;
    }

    private int digits(int from) {
        int i = from;
        while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        return i - from;
    }

    // What may follow a number or a literal: whitespace, a comma or a closing brace.
    private boolean delimiterAt(int i) {
        if (i >= bytes.length) {
            return false;
        }
        byte b = bytes[i];
        return b == ',' || b == '}' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
