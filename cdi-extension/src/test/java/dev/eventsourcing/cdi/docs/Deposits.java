package dev.eventsourcing.cdi.docs;

import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.cdi.jpa.DepositRow;
import dev.eventsourcing.persistence.Notification;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/** The README's projection. */
@Projection("deposits")                          // the name keys its tracking position
public class Deposits {
    void on(@Observes BankAccount.Deposited event, Notification notification, EntityManager em) {
        em.persist(new DepositRow(notification.id(), notification.originatorId(), event.amount()));
    }
}
