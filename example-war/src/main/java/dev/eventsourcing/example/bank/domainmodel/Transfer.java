package dev.eventsourcing.example.bank.domainmodel;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to move money from one account to another, and what became of it. A transfer is
 * requested first; the bank then settles it (the money moves) or refuses it, and the transfer
 * records that outcome once: {@linkplain Status#COMPLETED completed} or
 * {@linkplain Status#REJECTED rejected} with the reason.
 */
public class Transfer extends Aggregate {

    /** Where a transfer stands. */
    public enum Status {
        /** Requested; the bank has not answered yet. */
        REQUESTED,
        /** The money moved. */
        COMPLETED,
        /** The bank refused the transfer; nothing moved. */
        REJECTED
    }

    private UUID from;
    private UUID to;
    private BigDecimal amount;
    private Status status;
    private String reason;

    protected Transfer() {
    }

    /**
     * Requests a transfer.
     *
     * @throws IllegalArgumentException when both accounts are the same
     * @throws InvalidAmountException   when the amount is not positive money up to {@link Money#MAX}
     */
    public static Transfer request(UUID from, UUID to, BigDecimal amount) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("A transfer needs two different accounts, both were " + from);
        }
        return create(Transfer::new, new Requested(from, to, Money.amount(amount, "amount")));
    }

    /**
     * Records that the money moved.
     *
     * @throws IllegalStateException when the transfer has an outcome already
     */
    public void complete() {
        checkRequested("complete");
        trigger(new Completed());
    }

    /**
     * Records that the bank refused the transfer.
     *
     * @throws IllegalStateException when the transfer has an outcome already
     */
    public void reject(String why) {
        checkRequested("reject");
        trigger(new Rejected(Objects.requireNonNull(why, "why")));
    }

    public UUID from() {
        return from;
    }

    public UUID to() {
        return to;
    }

    /** The amount, with two decimal places. */
    public BigDecimal amount() {
        return amount;
    }

    public Status status() {
        return status;
    }

    /** Why the transfer was rejected; null unless it was. */
    public String reason() {
        return reason;
    }

    private void checkRequested(String command) {
        if (status != Status.REQUESTED) {
            throw new IllegalStateException("Cannot " + command + " transfer " + id() + ": it is " + status + " already");
        }
    }

    /** What can happen to a transfer. */
    public sealed interface Event extends AggregateEvent<Transfer> permits Requested, Completed, Rejected {
    }

    /** Money was asked to move from one account to another. */
    public record Requested(UUID from, UUID to, BigDecimal amount) implements Event {
        public Requested {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            amount = Money.positive(amount, "amount");
        }

        @Override
        public void apply(Transfer transfer) {
            transfer.from = from;
            transfer.to = to;
            transfer.amount = amount;
            transfer.status = Status.REQUESTED;
        }
    }

    /** The money moved. */
    public record Completed() implements Event {
        @Override
        public void apply(Transfer transfer) {
            transfer.status = Status.COMPLETED;
        }
    }

    /** The bank refused the transfer. */
    public record Rejected(String reason) implements Event {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public void apply(Transfer transfer) {
            transfer.status = Status.REJECTED;
            transfer.reason = reason;
        }
    }
}
