package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.ClassVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * A test aggregate at its third class version, whose creation event is at its third version too.
 * Version 1 of the aggregate had the fields {@code fullName} and {@code email}; version 2 renamed
 * {@code fullName} to {@code name}; version 3 replaced {@code email} by the list {@code emails}.
 * Version 1 of the event was {@code {"fullName":…}}; version 2 renamed it to {@code name};
 * version 3 added {@code currency} and {@code level}.
 */
@ClassVersion(3)
public class Customer extends Aggregate {

    private String name;
    private List<String> emails = new ArrayList<>();
    private String currency;

    private Customer() {
    }

    public static Customer register(String name, String email) {
        Customer customer = create(Customer::new, new Registered(name, "EUR", 1));
        customer.addEmail(email);
        return customer;
    }

    public void addEmail(String email) {
        trigger(new EmailAdded(email));
    }

    public String name() {
        return name;
    }

    public List<String> emails() {
        return emails;
    }

    public String currency() {
        return currency;
    }

    @ClassVersion(3)
    public record Registered(String name, String currency, int level) implements AggregateEvent<Customer> {
        public void apply(Customer c) {
            c.name = name;
            c.currency = currency;
        }
    }

    public record EmailAdded(String email) implements AggregateEvent<Customer> {
        public void apply(Customer c) {
            c.emails.add(email);
        }
    }
}
