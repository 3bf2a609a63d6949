package dev.eventsourcing.cdi;

import dev.eventsourcing.application.bank.BankAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plain CDI observer, not a projection: it receives saved events after commit, best effort. */
@ApplicationScoped
public class Audit {

    private final List<BankAccount.Event> events = new CopyOnWriteArrayList<>();

    void on(@Observes BankAccount.Event event) {
        events.add(event);
    }

    public List<BankAccount.Event> events() {
        return List.copyOf(events);
    }
}
