package dev.eventsourcing.cdi.system;

import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.cdi.jpa.DepositRow;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A projection that may follow a bank in another deployment: a row per deposit, written with
 * the dispatch transaction's entity manager, keyed by the notification's id and the event's
 * originator. Openings are passed over. A static delay per deposit survives container restarts.
 */
@Projection(BankView.NAME)
public class BankView {

    static final String NAME = "bank-view";
    static final AtomicInteger DELAY_MILLIS = new AtomicInteger();
    static final AtomicInteger HANDLED = new AtomicInteger();

    void on(@Observes BankAccount.Deposited event, Notification notification, DomainEvent<?> envelope, EntityManager em)
            throws InterruptedException {
        em.persist(new DepositRow(notification.id(), envelope.originatorId(), event.amount()));
        Thread.sleep(DELAY_MILLIS.get());
        HANDLED.incrementAndGet();
    }
}
