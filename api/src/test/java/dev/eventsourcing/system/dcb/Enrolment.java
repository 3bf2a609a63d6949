package dev.eventsourcing.system.dcb;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;

import java.util.List;
import java.util.Set;

/** A small DCB application for the runner's tests: students register and join courses. */
final class Enrolment {

    private Enrolment() {
    }

    /** A student registered. */
    record Registered(String student, String name) implements Decision {
    }

    /** A student joined a course. */
    record Joined(String course, String student) implements Decision {
    }

    /** The application, which reads both decisions. */
    static final class Courses extends DcbApplication {

        Courses() {
            this("Courses");
        }

        Courses(String name) {
            super(name, Settings.empty());
        }

        @Override
        protected Set<Class<?>> domainClasses() {
            return Set.of(Registered.class, Joined.class);
        }

        /** Registers a student; returns the position. */
        long register(String student, String name) {
            return execute(new Register(student, name));
        }

        /** Makes the student join the course; returns the position. */
        long join(String course, String student) {
            return execute(new Join(course, student));
        }
    }

    /** Registers a student, unless one with that id is. */
    private static final class Register extends Slice {
        private final String student;
        private final String name;
        private boolean registered;

        Register(String student, String name) {
            this.student = student;
            this.name = name;
        }

        @Override
        public List<Selector> consistencyBoundary() {
            return List.of(Selector.tags(student));
        }

        @Override
        protected void apply(Decision decision) {
            registered |= decision instanceof Registered;
        }

        @Override
        public void execute() {
            if (registered) {
                throw new IllegalStateException(student + " is registered already");
            }
            trigger(new Registered(student, name), student);
        }
    }

    /** Makes a student join a course. */
    private static final class Join extends Slice {
        private final String course;
        private final String student;

        Join(String course, String student) {
            this.course = course;
            this.student = student;
        }

        @Override
        public List<Selector> consistencyBoundary() {
            return List.of(Selector.tags(course, student));
        }

        @Override
        protected void apply(Decision decision) {
        }

        @Override
        public void execute() {
            trigger(new Joined(course, student), course, student);
        }
    }
}
