package dev.eventsourcing.example.scaleout;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;

/**
 * An aggregate that exists only to make notifications for the scale-out test: created, then
 * ticked any number of times, each tick an event of its own with the next number.
 */
public class Sample extends Aggregate {

    private int ticks;

    protected Sample() {
    }

    /** A new sample, at version 1. */
    public static Sample create(String label) {
        return create(Sample::new, new Created(label));
    }

    /** One more event. */
    public void tick() {
        trigger(new Ticked(ticks + 1));
    }

    /** The events of a sample. */
    public sealed interface Event extends AggregateEvent<Sample> permits Created, Ticked {
    }

    /** The sample was made; the label only keeps the record from being empty. */
    public record Created(String label) implements Event {
        @Override
        public void apply(Sample sample) {
            sample.ticks = 0;
        }
    }

    /** The sample ticked for the {@code number}th time. */
    public record Ticked(int number) implements Event {
        @Override
        public void apply(Sample sample) {
            sample.ticks = number;
        }
    }
}
