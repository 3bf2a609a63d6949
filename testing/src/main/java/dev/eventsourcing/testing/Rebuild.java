package dev.eventsourcing.testing;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Transcoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds an aggregate from the events read back from the store, as a repository does
 * ({@link Aggregates#replay}), and checks that the result has the state of the aggregate the
 * command left: if not, the command changed state outside an event's {@code apply}, or an
 * {@code apply} depends on something besides its event and the aggregate, and the aggregate a
 * repository gets next time would differ from the one saved.
 */
final class Rebuild {

    private Rebuild() {
    }

    static <A extends Aggregate> A check(Class<A> type, A afterCommand, List<DomainEvent<?>> history, Transcoder transcoder) {
        A rebuilt;
        try {
            rebuilt = Aggregates.replay(type, null, history);
        } catch (RuntimeException e) {
            throw new AssertionError(Events.name(type) + " " + afterCommand.id() + " cannot be rebuilt from its events:"
                    + " applying them again failed: " + e, e);
        }
        byte[] expected = state(afterCommand, transcoder);
        byte[] actual = state(rebuilt, transcoder);
        // Only comparable when the transcoder can write the aggregate's fields, as for a snapshot.
        if (expected != null && actual != null && !Arrays.equals(expected, actual)) {
            throw new AssertionError(Events.name(type) + " " + afterCommand.id() + " rebuilt from its events differs from"
                    + " the aggregate the command left:"
                    + "\n    after the command:  " + new String(expected, StandardCharsets.UTF_8)
                    + "\n    rebuilt:            " + new String(actual, StandardCharsets.UTF_8)
                    + "\nA command must change state only by triggering events, and apply(...) must depend on"
                    + " nothing but its event and the aggregate.");
        }
        return rebuilt;
    }

    private static byte[] state(Aggregate aggregate, Transcoder transcoder) {
        try {
            return transcoder.encode(aggregate);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
