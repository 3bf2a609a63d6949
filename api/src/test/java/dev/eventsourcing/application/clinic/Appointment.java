package dev.eventsourcing.application.clinic;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.PersonalData;

import java.util.UUID;

/** An appointment, whose reason is personal data of the patient it names, not of the appointment. */
public class Appointment extends Aggregate {

    private UUID patient;
    private String reason;
    private boolean attended;

    protected Appointment() {
    }

    public static Appointment book(UUID patient, String reason) {
        return create(Appointment::new, new Booked(patient, reason));
    }

    public void attend() {
        trigger(new Attended());
    }

    public String reason() {
        return reason;
    }

    public boolean attended() {
        return attended;
    }

    public sealed interface Event extends AggregateEvent<Appointment> permits Booked, Attended {
    }

    @PersonalData(subject = "patient")
    public record Booked(UUID patient, String reason) implements Event {
        @Override
        public void apply(Appointment appointment) {
            appointment.patient = patient;
            appointment.reason = reason;
        }
    }

    public record Attended() implements Event {
        @Override
        public void apply(Appointment appointment) {
            appointment.attended = true;
        }
    }
}
