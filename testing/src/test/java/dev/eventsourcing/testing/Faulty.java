package dev.eventsourcing.testing;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;

/** An aggregate with the mistakes the fixture must catch, one per command. */
public class Faulty extends Aggregate {

    private int count;

    protected Faulty() {
    }

    public static Faulty make() {
        return create(Faulty::new, new Made());
    }

    /** Triggers an event the mapper cannot write. */
    public void attachOpaque() {
        trigger(new OpaqueAttached(new Opaque()));
    }

    /** Triggers an event that is written, but not read back as it was. */
    public void attachValue(Object value) {
        trigger(new ValueAttached(value));
    }

    /** Triggers an event that is written, but cannot be read back: its component's type is an interface. */
    public void attachShape(Shape shape) {
        trigger(new ShapeAttached(shape));
    }

    /** Triggers an event whose equals compares an array by identity. */
    public void attachBytes(byte[] bytes) {
        trigger(new BytesAttached(bytes));
    }

    /** Changes state without an event, besides triggering one. */
    public void countOutsideAnEvent() {
        count += 100;
        trigger(new Counted());
    }

    public int count() {
        return count;
    }

    public sealed interface Event extends AggregateEvent<Faulty>
            permits Made, OpaqueAttached, ValueAttached, ShapeAttached, BytesAttached, Counted, Unreplayable {
    }

    public record Made() implements Event {
    }

    /** A class with nothing for Jackson to write. */
    public static final class Opaque {
    }

    public record OpaqueAttached(Opaque opaque) implements Event {
    }

    public record ValueAttached(Object value) implements Event {
    }

    /** An interface that is not sealed: Jackson cannot tell which class to read. */
    public interface Shape {
    }

    public record Circle(int radius) implements Shape {
    }

    public record ShapeAttached(Shape shape) implements Event {
    }

    public record BytesAttached(byte[] bytes) implements Event {
    }

    public record Counted() implements Event {
        @Override
        public void apply(Faulty faulty) {
            faulty.count++;
        }
    }

    /** An event whose apply always fails, as one reading something outside the aggregate might. */
    public record Unreplayable() implements Event {
        @Override
        public void apply(Faulty faulty) {
            throw new IllegalStateException("apply needs a service that is not there");
        }
    }
}
