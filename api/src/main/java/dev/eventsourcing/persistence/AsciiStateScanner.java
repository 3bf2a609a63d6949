package dev.eventsourcing.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads the state of a plain record (one a {@link RecordBinder} binds) straight from its bytes,
 * where they keep to the narrow part of JSON the mapper writes for it: the members {@code t},
 * optionally {@code v}, and {@code d} in that order, ASCII strings without escapes, plain
 * numbers, {@code true}, {@code false} and {@code null}, and no deeper object than {@code d}.
 * Reading states is what a long replay of small events spends most of its time on, and a
 * general parser pays for generality there: making and releasing a parser, detecting the encoding, keeping
 * context and buffers, for each event.
 *
 * <p>It accepts only what it reads exactly as the mapper's Jackson parser and the binder would:
 * the same grammar (a leading zero, a control character or anything after the state make it
 * give up, as they make Jackson fail), the same numbers ({@code BigDecimal} from the number's
 * text, as Jackson makes it) and the same limits. On anything else, a non-ASCII byte, an
 * escape, another order of members, a string or number longer than a few hundred characters,
 * {@link #scan} returns {@code null} and Jackson reads the state: it costs a second look at
 * the few states that need one and never changes what a state decodes to, which a differential
 * test against Jackson checks.
 */
final class AsciiStateScanner {

    // Longer strings and numbers are left to Jackson, which checks them against the limits.
    private static final int MAX_TEXT = 256;
    private static final byte[] T = {'t'};
    private static final byte[] V = {'v'};
    private static final byte[] D = {'d'};

    private final RecordBinder binder;
    private final byte[][] names;
    private final int version;

    private AsciiStateScanner(RecordBinder binder, byte[][] names, int version) {
        this.binder = binder;
        this.names = names;
        this.version = version;
    }

    /**
     * The scanner for the states of the binder's record at {@code version}, or {@code null} when
     * a name of it is not plain ASCII or the limits are below what every state of it takes.
     */
    static AsciiStateScanner of(RecordBinder binder, int version, DecodingLimits limits) {
        if (limits.maxNestingDepth() < 2 || limits.maxStringLength() < MAX_TEXT || limits.maxNumberLength() < MAX_TEXT) {
            return null;
        }
        byte[][] names = new byte[binder.size()][];
        for (int i = 0; i < names.length; i++) {
            String name = binder.name(i);
            if (!name.chars().allMatch(AsciiCursor::plain)) {
                return null;
            }
            names[i] = name.getBytes(StandardCharsets.US_ASCII);
        }
        return new AsciiStateScanner(binder, names, version);
    }

    /** The state read, or {@code null} to let Jackson read it. */
    DirectStateReader.DirectState scan(byte[] bytes) {
        AsciiCursor in = new AsciiCursor(bytes, MAX_TEXT);
        if (!in.expect('{') || !in.key(T)) {
            return null;
        }
        int start = in.string();
        if (start < 0) {
            return null;
        }
        Instant timestamp = timestamp(bytes, start, in.at - 1 - start);
        if (timestamp == null || !in.expect(',')) {
            return null;
        }
        // Without "v", the data is at version 1; at any version but the class's, it needs upcasting.
        if (in.key(V) ? in.integer() != version || !in.expect(',') : version != 1) {
            return null;
        }
        if (!in.key(D) || !in.expect('{')) {
            return null;
        }
        Object payload = payload(in);
        if (payload == null || !in.expect('}') || !in.atEnd()) {
            return null;
        }
        return new DirectStateReader.DirectState(timestamp, null, payload);
    }

    private static Instant timestamp(byte[] bytes, int start, int length) {
        if (length > 40) {
            return null;
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) bytes[start + i];
        }
        return IsoInstants.parseCanonical(chars, 0, length);
    }

    /** The record read from after the opening brace of {@code d} to after its closing one, or null. */
    private Object payload(AsciiCursor in) {
        Object[] values = new Object[names.length];
        int read = 0;
        if (!in.expect('}')) {
            do {
                int index = in.member(names);
                if (index < 0 || values[index] != null) {
                    return null;
                }
                Object value = value(in, binder.kind(index), binder.nullable(index));
                if (value == null) {
                    return null;
                }
                values[index] = value;
                read++;
            } while (in.expect(','));
            if (!in.expect('}')) {
                return null;
            }
        }
        if (read != names.length) {
            return null;
        }
        Object record = binder.construct(values);
        return record == RecordBinder.UNBOUND ? null : record;
    }

    /** The value of a member as the binder takes it, {@link RecordBinder#NULL} for null, or null to give up. */
    private static Object value(AsciiCursor in, RecordBinder.Kind kind, boolean nullable) {
        in.skipWhitespace();
        if (in.literal("null")) {
            return nullable ? RecordBinder.NULL : null;
        }
        switch (kind) {
            case STRING: {
                int start = in.string();
                return start < 0 ? null : in.stringText(start);
            }
            case DECIMAL: {
                int start = in.number(true);
                return start < 0 ? null : decimal(in, start);
            }
            case INT: {
                long value = in.integer();
                return value == Long.MIN_VALUE || value != (int) value ? null : (Object) (int) value;
            }
            case LONG: {
                int start = in.number(false);
                if (start < 0) {
                    return null;
                }
                try {
                    return Long.parseLong(in.numberText(start));
                } catch (NumberFormatException e) {
                    return null; // out of range: Jackson explains
                }
            }
            case BOOLEAN:
                return in.literal("true") ? Boolean.TRUE : in.literal("false") ? Boolean.FALSE : null;
            case UUID: {
                int start = in.string();
                return start < 0 ? null : RecordBinder.uuid(in.stringText(start));
            }
            default:
                return null;
        }
    }

    /**
     * The {@code BigDecimal} of the JSON number just read from {@code start}, equal (scale
     * included) to the one made from its text, which is how Jackson makes it; a short one without
     * exponent is made without the text. Null when the number is out of range.
     */
    private static BigDecimal decimal(AsciiCursor in, int start) {
        byte[] bytes = in.bytes;
        int end = in.at;
        boolean negative = bytes[start] == '-';
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        for (int i = negative ? start + 1 : start; i < end; i++) {
            byte b = bytes[i];
            if (b == '.') {
                scale = end - i - 1;
            } else if (b >= '0' && b <= '9' && digits < 18) {
                unscaled = unscaled * 10 + (b - '0');
                digits++;
            } else {
                // an exponent, or too many digits for a long
                try {
                    return new BigDecimal(in.numberText(start));
                } catch (NumberFormatException e) {
                    return null; // an exponent out of range: Jackson explains
                }
            }
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }
}
