package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.LeaseRecorderTestCase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class InMemoryLeaseRecorderTest extends LeaseRecorderTestCase<InMemoryLeaseRecorder> {

    @Override
    protected InMemoryLeaseRecorder createRecorder() {
        return new InMemoryLeaseRecorder();
    }

    @Test
    void aLeaseExpiresWhenItsTimeHasPassedAndNotBefore() {
        TestClock clock = new TestClock();
        InMemoryLeaseRecorder recorder = new InMemoryLeaseRecorder(clock);
        Duration lease = Duration.ofSeconds(10);
        recorder.renew("g", "a", 2, lease);
        recorder.renew("g", "b", 2, lease);
        recorder.renew("g", "a", 2, lease);
        assertEquals(Set.of(1), recorder.renew("g", "b", 2, lease));

        clock.advance(lease.minusMillis(1));
        assertEquals(Set.of(0), recorder.renew("g", "a", 2, lease));
        assertEquals(Map.of(0, "a", 1, "b"), recorder.holders("g"));

        clock.advance(Duration.ofMillis(1));
        assertEquals(Map.of(0, "a"), recorder.holders("g"));
        assertEquals(Set.of(0, 1), recorder.renew("g", "a", 2, lease));
    }

    @Test
    void aNodeThatComesBackAfterItsLeaseJoinsAgain() {
        TestClock clock = new TestClock();
        InMemoryLeaseRecorder recorder = new InMemoryLeaseRecorder(clock);
        Duration lease = Duration.ofSeconds(10);
        for (String node : new String[] {"a", "b", "a", "b"}) {
            recorder.renew("g", node, 2, lease);
        }
        clock.advance(Duration.ofSeconds(5));
        recorder.renew("g", "a", 2, lease);
        clock.advance(Duration.ofSeconds(6));

        assertEquals(Set.of(0, 1), recorder.renew("g", "a", 2, lease));
        assertEquals(Set.of(), recorder.renew("g", "b", 2, lease));
        assertEquals(Set.of(0), recorder.renew("g", "a", 2, lease));
        assertEquals(Set.of(1), recorder.renew("g", "b", 2, lease));
    }

    @Test
    void aFactoryServesOneRecorderToAllItsCallers() {
        InMemoryInfrastructureFactory factory = new InMemoryInfrastructureFactory("balances", dev.eventsourcing.Settings.empty());

        assertSame(factory.leaseRecorder(), factory.leaseRecorder());
    }

    /** A clock that moves only when told. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
