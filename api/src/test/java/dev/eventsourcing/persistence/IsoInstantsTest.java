package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The timestamps of stored states read exactly as {@link Instant#parse} reads them, fast path or not. */
class IsoInstantsTest {

    @Test
    void instantsWrittenByToStringReadBackAsTheSameInstant() {
        SplittableRandom random = new SplittableRandom(42);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), nanos);
            assertEquals(instant, IsoInstants.parse(instant.toString()), instant.toString());
        }
    }

    @Test
    void everyOtherTextReadsOrFailsExactlyAsInstantParseDoes() {
        for (String text : List.of("2026-11-27T17:30:00.1Z", "2026-11-27T17:30:00.12345678Z", "2024-02-29T00:00:00Z",
                "2026-11-27t17:30:00z", "2026-11-27T17:30:00+01:00", "2016-12-31T23:59:60Z", "+10000-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T17:30:00.Z",
                "", "2026-11-27", "2026-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2026-11-27T17:60:00Z",
                "2026-11-27T17:30:61Z", "2026-11-27T17:30:00.1234567890Z", "2026-11-27T17:30:00", "2026-1a-27T17:30:00Z",
                "2026-11-27 17:30:00Z", "2026-11-27T17:30:00,5Z", "\uff12\uff10\uff12\uff16-11-27T17:30:00Z")) {
            Object expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException e) {
                expected = e.getMessage();
            }
            Object actual;
            try {
                actual = IsoInstants.parse(text);
            } catch (DateTimeParseException e) {
                actual = e.getMessage();
            }
            assertEquals(expected, actual, text);
        }
    }
}
