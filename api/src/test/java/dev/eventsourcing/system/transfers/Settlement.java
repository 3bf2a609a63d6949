package dev.eventsourcing.system.transfers;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.Ids;

import java.util.UUID;

/** The accounts' answer to one transfer request: settled, or refused with a reason. */
public class Settlement extends Aggregate {

    private UUID transferId;

    /** One settlement per transfer: its id is derived from the transfer's. */
    public static UUID idOf(UUID transferId) {
        return Ids.fromName("settlement:" + transferId);
    }

    public static Settlement settled(UUID transferId) {
        return create(idOf(transferId), Settlement::new, new Settled(transferId));
    }

    public static Settlement refused(UUID transferId, String reason) {
        return create(idOf(transferId), Settlement::new, new Refused(transferId, reason));
    }

    public UUID transferId() {
        return transferId;
    }

    public sealed interface Event extends AggregateEvent<Settlement> permits Settled, Refused {
    }

    public record Settled(UUID transferId) implements Event {
        @Override
        public void apply(Settlement settlement) {
            settlement.transferId = transferId;
        }
    }

    public record Refused(UUID transferId, String reason) implements Event {
        @Override
        public void apply(Settlement settlement) {
            settlement.transferId = transferId;
        }
    }
}
