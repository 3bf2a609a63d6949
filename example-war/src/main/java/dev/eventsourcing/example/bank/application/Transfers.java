package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.example.bank.domainmodel.Settlement;
import dev.eventsourcing.example.bank.domainmodel.Transfer;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/**
 * Takes transfer requests, and follows the {@link Bank} to mark each transfer completed or
 * rejected when the bank settles or refuses it.
 */
public class Transfers extends ProcessApplication {

    public Transfers(Settings settings) {
        super(settings);
    }

    /** Its transfers, and the settlements of the bank it follows. */
    @Override
    protected Set<Class<?>> domainClasses() {
        return Set.of(Transfer.class, Settlement.class);
    }

    /**
     * Records a transfer request and returns its id. It does not look at the accounts: the
     * bank decides when it settles the transfer.
     *
     * @throws IllegalArgumentException when both accounts are the same, or the amount is not
     *                                  positive money
     */
    public UUID request(UUID from, UUID to, BigDecimal amount) {
        Transfer transfer = Transfer.request(from, to, amount);
        save(transfer);
        return transfer.id();
    }

    /** The transfers. */
    public Repository<Transfer> transfers() {
        return repository(Transfer.class);
    }

    /**
     * Only the bank's settlements: its account events are neither fetched nor decoded here.
     */
    @Override
    public Set<Class<?>> observedTypes() {
        return Set.of(Settlement.Settled.class, Settlement.Refused.class);
    }

    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
        if (event.payload() instanceof Settlement.Settled settled) {
            Transfer transfer = transfers().get(settled.transferId());
            transfer.complete();
            processing.collectEvents(transfer);
        } else if (event.payload() instanceof Settlement.Refused refused) {
            Transfer transfer = transfers().get(refused.transferId());
            transfer.reject(refused.reason());
            processing.collectEvents(transfer);
        }
    }
}
