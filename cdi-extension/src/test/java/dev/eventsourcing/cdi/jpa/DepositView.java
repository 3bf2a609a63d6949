package dev.eventsourcing.cdi.jpa;

import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.persistence.Notification;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A projection writing its view through the dispatch transaction's entity manager, as in Java SE.
 * The static knobs survive container restarts: a gate each event waits at after its write, a
 * delay per event, and failures after the write.
 */
@Projection("deposit-view")
public class DepositView {

    static final AtomicInteger DELAY_MILLIS = new AtomicInteger();
    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    static final AtomicInteger HANDLED = new AtomicInteger();
    static volatile CountDownLatch gate = new CountDownLatch(0);

    void on(@Observes BankAccount.Deposited event, Notification notification, EntityManager em) throws InterruptedException {
        em.persist(new DepositRow(notification.id(), notification.originatorId(), event.amount()));
        em.flush();
        if (FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("failing after the view was written");
        }
        gate.await();
        Thread.sleep(DELAY_MILLIS.get());
        HANDLED.incrementAndGet();
    }
}
