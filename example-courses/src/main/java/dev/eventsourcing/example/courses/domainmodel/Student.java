package dev.eventsourcing.example.courses.domainmodel;

import java.util.UUID;

/** What the courses' rules say about a student: its tag, its name's length, its course limit. */
public final class Student {

    /** The most courses a student joins at a time. */
    public static final int MAX_COURSES = 5;
    /** The most characters a name has. */
    public static final int MAX_NAME_LENGTH = 200;

    private Student() {
    }

    /** @return the tag of the student's decisions, {@code student:<id>} */
    public static String tag(UUID studentId) {
        return "student:" + studentId;
    }
}
