package dev.eventsourcing.dcb.courses;

import dev.eventsourcing.dcb.courses.CourseDecision.CapacityChanged;
import dev.eventsourcing.dcb.courses.CourseDecision.CourseRegistered;
import dev.eventsourcing.dcb.courses.CourseDecision.StudentJoinedCourse;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.EnduringObject;

import java.util.ArrayList;
import java.util.List;

/** A course, as an enduring object. */
public class Course extends EnduringObject {

    private String title;
    private int capacity;
    private final List<String> students = new ArrayList<>();

    Course() {
    }

    public static Course register(String title, int capacity) {
        return register(newId("course"), title, capacity);
    }

    public static Course register(String id, String title, int capacity) {
        return create(Course::new, id, new CourseRegistered(id, title, capacity));
    }

    public void changeCapacity(int newCapacity) {
        if (newCapacity < students.size()) {
            throw new IllegalStateException("capacity below subscriptions");
        }
        trigger(new CapacityChanged(id(), newCapacity));
    }

    @Override
    protected void apply(Decision decision) {
        if (decision instanceof CourseRegistered registered) {
            title = registered.title();
            capacity = registered.capacity();
        } else if (decision instanceof CapacityChanged changed) {
            capacity = changed.capacity();
        } else if (decision instanceof StudentJoinedCourse joined) {
            students.add(joined.studentId());
        }
    }

    public String title() {
        return title;
    }

    public int capacity() {
        return capacity;
    }

    public List<String> students() {
        return List.copyOf(students);
    }

    public boolean isFull() {
        return students.size() >= capacity;
    }
}
