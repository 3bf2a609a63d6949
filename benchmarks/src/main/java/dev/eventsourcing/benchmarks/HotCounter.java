package dev.eventsourcing.benchmarks;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;

/** The aggregate of the hot-aggregate scenario: a counter that every writer adds to. */
public class HotCounter extends Aggregate {

    private long total;

    protected HotCounter() {
    }

    /** @return a new counter at zero */
    public static HotCounter start() {
        return create(HotCounter::new, new Started());
    }

    /** Adds one. */
    public void add() {
        trigger(new Added(1));
    }

    /** @return the sum of what was added */
    public long total() {
        return total;
    }

    /** The counter's events. */
    public sealed interface Event extends AggregateEvent<HotCounter> permits Started, Added {
    }

    /** The counter was started at zero. */
    public record Started() implements Event {
        @Override
        public void apply(HotCounter counter) {
        }
    }

    /** An amount was added. */
    public record Added(long amount) implements Event {
        @Override
        public void apply(HotCounter counter) {
            counter.total += amount;
        }
    }
}
