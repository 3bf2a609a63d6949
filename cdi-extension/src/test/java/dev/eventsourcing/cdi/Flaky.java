package dev.eventsourcing.cdi;

import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.persistence.Notification;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A projection whose handler fails as often as it is told to. */
@Projection("flaky")
public class Flaky {

    final AtomicInteger failuresLeft = new AtomicInteger();
    final List<Long> handled = new ArrayList<>();

    void on(@Observes BankAccount.Deposited event, Notification notification) {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("view store unavailable");
        }
        handled.add(notification.id());
    }

    public void failTimes(int times) {
        failuresLeft.set(times);
    }

    public synchronized List<Long> handled() {
        return List.copyOf(handled);
    }
}
