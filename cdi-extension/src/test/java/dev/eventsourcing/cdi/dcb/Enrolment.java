package dev.eventsourcing.cdi.dcb;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The decisions and commands of the DCB application in these tests: courses that students join. */
public final class Enrolment {

    private Enrolment() {
    }

    /** A course was registered. */
    public record CourseRegistered(String course, String title, int capacity) implements Decision {
    }

    /** A student joined a course. */
    public record StudentJoined(String course, String student) implements Decision {
    }

    /** Registers a course under a new id. */
    public static final class RegisterCourse extends Slice {
        private final String course;
        private final String title;
        private final int capacity;

        public RegisterCourse(String course, String title, int capacity) {
            this.course = course;
            this.title = title;
            this.capacity = capacity;
        }

        @Override
        public List<Selector> consistencyBoundary() {
            return List.of(Selector.tags(course));
        }

        @Override
        protected void apply(Decision decision) {
        }

        @Override
        public void execute() {
            trigger(new CourseRegistered(course, title, capacity), course);
        }
    }

    /** Makes a student join a course that has room. */
    public static final class JoinCourse extends Slice {
        private final String course;
        private final String student;
        private final Set<String> students = new HashSet<>();
        private int capacity;

        public JoinCourse(String course, String student) {
            this.course = course;
            this.student = student;
        }

        @Override
        public List<Selector> consistencyBoundary() {
            return List.of(Selector.tags(course));
        }

        @Override
        protected void apply(Decision decision) {
            if (decision instanceof CourseRegistered registered) {
                capacity = registered.capacity();
            } else if (decision instanceof StudentJoined joined) {
                students.add(joined.student());
            }
        }

        @Override
        public void execute() {
            if (students.size() >= capacity) {
                throw new IllegalStateException("course_full");
            }
            trigger(new StudentJoined(course, student), course, student);
        }
    }
}
