package dev.eventsourcing.example.bank.domainmodel;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.Ids;

import java.util.Objects;
import java.util.UUID;

/**
 * The bank's answer to one transfer request: settled (the money moved) or refused, with the
 * reason.
 *
 * <p>Its id is derived from the transfer's, so a transfer can have one settlement only: were a
 * request ever processed twice, the second settlement would collide with the first in the event
 * store and be refused there, together with the account changes recorded with it.
 */
public class Settlement extends Aggregate {

    /** Why a transfer is refused when one of its accounts is closed. */
    public static final String ACCOUNT_CLOSED = "account closed";
    /** Why a transfer is refused when the source account cannot cover it. */
    public static final String INSUFFICIENT_FUNDS = "insufficient funds";
    /** Why a transfer is refused when one of its accounts does not exist. */
    public static final String UNKNOWN_ACCOUNT = "unknown account";
    /**
     * Why a transfer is refused when its amount is not one the bank accepts now, such as more
     * than {@link Money#MAX} in a request recorded before that maximum existed.
     */
    public static final String INVALID_AMOUNT = "invalid amount";
    /** Why a transfer was refused: one of its accounts had its personal data shredded, and takes no more transfers. */
    public static final String ACCOUNT_SHREDDED = "account shredded";

    private UUID transferId;
    private String refusal;

    protected Settlement() {
    }

    /** The id of the settlement of a transfer. */
    public static UUID idOf(UUID transferId) {
        return Ids.fromName("bank-settlement:" + Objects.requireNonNull(transferId, "transferId"));
    }

    /** The money of the transfer moved. */
    public static Settlement settled(UUID transferId) {
        return create(idOf(transferId), Settlement::new, new Settled(transferId));
    }

    /** The transfer was refused; nothing moved. */
    public static Settlement refused(UUID transferId, String reason) {
        return create(idOf(transferId), Settlement::new, new Refused(transferId, reason));
    }

    public UUID transferId() {
        return transferId;
    }

    /** Why the transfer was refused; null when it was settled. */
    public String refusal() {
        return refusal;
    }

    /** What the bank answered. */
    public sealed interface Event extends AggregateEvent<Settlement> permits Settled, Refused {
    }

    /** The transfer's money moved. */
    public record Settled(UUID transferId) implements Event {
        public Settled {
            Objects.requireNonNull(transferId, "transferId");
        }

        @Override
        public void apply(Settlement settlement) {
            settlement.transferId = transferId;
        }
    }

    /** The transfer was refused. */
    public record Refused(UUID transferId, String reason) implements Event {
        public Refused {
            Objects.requireNonNull(transferId, "transferId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public void apply(Settlement settlement) {
            settlement.transferId = transferId;
            settlement.refusal = reason;
        }
    }
}
