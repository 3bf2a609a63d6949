package dev.eventsourcing.example.courses.domainmodel;

import java.util.UUID;

/** What the courses' rules say about a course: its tag, its title's length, its capacity's range. */
public final class Course {

    /** The fewest students a course takes. */
    public static final int MIN_CAPACITY = 1;
    /** The most students a course takes. */
    public static final int MAX_CAPACITY = 10_000;
    /** The most characters a title has. */
    public static final int MAX_TITLE_LENGTH = 200;

    private Course() {
    }

    /** @return the tag of the course's decisions, {@code course:<id>} */
    public static String tag(UUID courseId) {
        return "course:" + courseId;
    }

    /** @throws IllegalArgumentException unless the capacity lies from {@link #MIN_CAPACITY} to {@link #MAX_CAPACITY} */
    static void checkCapacity(int capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("A course's capacity must be from " + MIN_CAPACITY + " to "
                    + MAX_CAPACITY + ", was " + capacity);
        }
    }
}
