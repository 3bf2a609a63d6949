package dev.eventsourcing.application.clinic;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.PersonalData;

/** A patient whose name and e-mail address are personal data; the visits counted are not. */
public class Patient extends Aggregate {

    private String name;
    private String email;
    private int visits;

    protected Patient() {
    }

    public static Patient register(String name, String email) {
        return create(Patient::new, new Registered(name, email));
    }

    public void visit() {
        trigger(new Visited());
    }

    public void changeEmail(String email) {
        trigger(new EmailChanged(email));
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public int visits() {
        return visits;
    }

    public sealed interface Event extends AggregateEvent<Patient> permits Registered, Visited, EmailChanged {
    }

    @PersonalData
    public record Registered(String name, String email) implements Event {
        @Override
        public void apply(Patient patient) {
            patient.name = name;
            patient.email = email;
        }
    }

    public record Visited() implements Event {
        @Override
        public void apply(Patient patient) {
            patient.visits++;
        }
    }

    @PersonalData
    public record EmailChanged(String email) implements Event {
        @Override
        public void apply(Patient patient) {
            patient.email = email;
        }
    }
}
