package dev.eventsourcing.system;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which segment an originator belongs to is fixed by the library, the same on every JVM and run. */
class SegmentTest {

    private static final UUID ID = UUID.fromString("38400000-8cf0-11bd-b23e-10b96e4ef00d");

    @Test
    void theHashOfAnOriginatorIsTheFoldOfItsBitsAsUuidHashCodeOnOpenJdk() {
        assertEquals(1757475081, Segment.hash(ID));
        assertEquals(ID.hashCode(), Segment.hash(ID));
        UUID negative = UUID.fromString("f0000000-0000-0000-0000-000000000000");
        assertEquals(-268435456, Segment.hash(negative));
    }

    @Test
    void anOriginatorBelongsToExactlyOneSegmentEvenWhenItsHashIsNegative() {
        UUID negative = UUID.fromString("f0000000-0000-0000-0000-000000000000");
        for (UUID id : List.of(ID, negative)) {
            SegmentLeases leases = new SegmentLeases(null, "r#Bank", "node", 8, java.time.Duration.ofSeconds(1));
            List<Integer> containing = IntStream.range(0, 8).filter(i -> Segment.of("Bank", i, leases).contains(id))
                    .boxed().toList();
            assertEquals(List.of(Math.floorMod(Segment.hash(id), 8)), containing);
        }
        assertEquals(List.of(1, 0), List.of(Math.floorMod(Segment.hash(ID), 8), Math.floorMod(Segment.hash(negative), 8)));
    }

    @Test
    void aSegmentsPositionsAreKeyedByTheLogTheSegmentAndTheCount() {
        SegmentLeases leases = new SegmentLeases(null, "r#Bank", "node", 8, java.time.Duration.ofSeconds(1));
        assertEquals("Bank#3/8", Segment.of("Bank", 3, leases).key);
        assertEquals("Bank", Segment.whole("Bank").key);
    }
}
