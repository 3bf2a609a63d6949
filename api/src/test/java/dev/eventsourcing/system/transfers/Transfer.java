package dev.eventsourcing.system.transfers;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;

import java.math.BigDecimal;
import java.util.UUID;

/** A request to move money between two accounts, and what became of it. */
public class Transfer extends Aggregate {

    public enum Status { REQUESTED, COMPLETED, REJECTED }

    private UUID from;
    private UUID to;
    private BigDecimal amount;
    private Status status;
    private String reason;

    public static Transfer request(UUID from, UUID to, BigDecimal amount) {
        return create(Transfer::new, new Requested(from, to, amount));
    }

    public void complete() {
        trigger(new Completed());
    }

    public void reject(String why) {
        trigger(new Rejected(why));
    }

    public Status status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public BigDecimal amount() {
        return amount;
    }

    public sealed interface Event extends AggregateEvent<Transfer> permits Requested, Completed, Rejected {
    }

    public record Requested(UUID from, UUID to, BigDecimal amount) implements Event {
        @Override
        public void apply(Transfer transfer) {
            transfer.from = from;
            transfer.to = to;
            transfer.amount = amount;
            transfer.status = Status.REQUESTED;
        }
    }

    public record Completed() implements Event {
        @Override
        public void apply(Transfer transfer) {
            transfer.status = Status.COMPLETED;
        }
    }

    public record Rejected(String reason) implements Event {
        @Override
        public void apply(Transfer transfer) {
            transfer.status = Status.REJECTED;
            transfer.reason = reason;
        }
    }
}
