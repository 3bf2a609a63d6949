package dev.eventsourcing.testing;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.PersonalData;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A small, well-made aggregate for the fixture's tests. */
public class Order extends Aggregate {

    private String customer;
    private final List<String> items = new ArrayList<>();
    private boolean shipped;

    protected Order() {
    }

    public static Order place(String customer) {
        if (customer.isBlank()) {
            throw new IllegalArgumentException("customer must not be blank");
        }
        return create(Order::new, new Placed(customer));
    }

    public void add(String item, int quantity) {
        if (shipped) {
            throw new IllegalStateException("order " + id() + " is shipped");
        }
        trigger(new ItemAdded(item, quantity));
    }

    public void ship() throws ShippingException {
        if (items.isEmpty()) {
            throw new ShippingException("nothing to ship");
        }
        if (!shipped) {
            trigger(new Shipped(UUID.randomUUID()));
        }
    }

    public String customer() {
        return customer;
    }

    public List<String> items() {
        return List.copyOf(items);
    }

    public boolean isShipped() {
        return shipped;
    }

    public sealed interface Event extends AggregateEvent<Order> permits Placed, ItemAdded, Shipped {
    }

    @PersonalData
    public record Placed(String customer) implements Event {
        @Override
        public void apply(Order order) {
            order.customer = customer;
        }
    }

    public record ItemAdded(String item, int quantity) implements Event {
        public ItemAdded {
            Objects.requireNonNull(item, "item");
        }

        @Override
        public void apply(Order order) {
            order.items.add(quantity + " " + item);
        }
    }

    public record Shipped(UUID parcelId) implements Event {
        @Override
        public void apply(Order order) {
            order.shipped = true;
        }
    }

    /** A checked exception, which a command may throw. */
    public static class ShippingException extends Exception {
        private static final long serialVersionUID = 1L;

        public ShippingException(String message) {
            super(message);
        }
    }
}
