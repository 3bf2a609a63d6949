package dev.eventsourcing.example.courses.domainmodel;

import java.util.Objects;

/**
 * A command the courses' rules refuse, with the reason why. Nothing was recorded. A lost race
 * with a concurrent command is not a refusal: the command is decided again on what is new.
 */
public class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a command was refused. */
    public enum Reason {
        /** No course has the id. */
        COURSE_NOT_FOUND,
        /** No student has the id. */
        STUDENT_NOT_FOUND,
        /** The course has as many students as its capacity. */
        COURSE_FULL,
        /** The student has joined as many courses as a student may ({@link Student#MAX_COURSES}). */
        STUDENT_LIMIT,
        /** The student has joined the course already. */
        ALREADY_JOINED,
        /** The student has not joined the course (or has left it). */
        NOT_JOINED,
        /** The course has more students than the capacity asked for. */
        CAPACITY_BELOW_SUBSCRIPTIONS
    }

    private final Reason reason;

    /**
     * @param reason  why the command was refused
     * @param message the refusal in words, naming the course or student
     */
    public Refusal(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the command was refused */
    public Reason reason() {
        return reason;
    }
}
