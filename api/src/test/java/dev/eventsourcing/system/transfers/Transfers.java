package dev.eventsourcing.system.transfers;

import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/** Takes transfer requests and marks each completed or rejected when the accounts answer. */
public class Transfers extends ProcessApplication {

    public Transfers(Settings settings) {
        super(settings);
    }

    // Its own aggregate, and the settlements it follows.
    @Override
    protected Set<Class<?>> domainClasses() {
        return Set.of(Transfer.class, Settlement.class);
    }

    public UUID request(UUID from, UUID to, BigDecimal amount) {
        Transfer transfer = Transfer.request(from, to, amount);
        save(transfer);
        return transfer.id();
    }

    public Transfer get(UUID id) {
        return repository(Transfer.class).get(id);
    }

    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
        if (event.payload() instanceof Settlement.Settled settled) {
            Transfer transfer = get(settled.transferId());
            transfer.complete();
            processing.collectEvents(transfer);
        } else if (event.payload() instanceof Settlement.Refused refused) {
            Transfer transfer = get(refused.transferId());
            transfer.reject(refused.reason());
            processing.collectEvents(transfer);
        }
    }
}
