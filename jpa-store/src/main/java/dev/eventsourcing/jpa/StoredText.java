package dev.eventsourcing.jpa;

/**
 * Text fitted to a column: at most so many characters, and without the NUL character, which
 * PostgreSQL refuses in text columns (it is replaced by U+FFFD). Cuts never split a surrogate
 * pair, and say how much was left out, so that an overlong exception message or stack trace is
 * stored shortened instead of failing the statement.
 */
final class StoredText {

    private StoredText() {
    }

    /** The beginning of the text, at most {@code max} characters in all. */
    static String head(String text, int max) {
        String clean = withoutNul(text);
        if (clean.length() <= max) {
            return clean;
        }
        String marker = " [" + (clean.length() - max) + "+ characters left out]";
        return clean.substring(0, cutBefore(clean, max - marker.length())) + marker;
    }

    /**
     * The beginning and the end of the text, at most {@code max} characters in all: a stack
     * trace names the failure first and its root cause ("Caused by: ...") last.
     */
    static String headAndTail(String text, int max) {
        String clean = withoutNul(text);
        if (clean.length() <= max) {
            return clean;
        }
        String marker = "\n\t... [" + (clean.length() - max) + "+ characters left out] ...\n";
        int room = max - marker.length();
        int headEnd = cutBefore(clean, room / 2);
        int tailStart = cutAfter(clean, clean.length() - (room - headEnd));
        return clean.substring(0, headEnd) + marker + clean.substring(tailStart);
    }

    private static String withoutNul(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    // An end index that does not leave half a surrogate pair at the end.
    private static int cutBefore(String text, int end) {
        return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    // A start index that does not begin with the second half of a surrogate pair.
    private static int cutAfter(String text, int start) {
        return start < text.length() && Character.isLowSurrogate(text.charAt(start)) ? start + 1 : start;
    }
}
