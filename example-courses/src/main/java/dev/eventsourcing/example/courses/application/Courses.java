package dev.eventsourcing.example.courses.application;

import dev.eventsourcing.example.courses.domainmodel.ChangeCourseCapacity;
import dev.eventsourcing.example.courses.domainmodel.CourseDetails;
import dev.eventsourcing.example.courses.domainmodel.CourseView;
import dev.eventsourcing.example.courses.domainmodel.JoinCourse;
import dev.eventsourcing.example.courses.domainmodel.LeaveCourse;
import dev.eventsourcing.example.courses.domainmodel.RegisterCourse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The courses' commands and queries. Each command is a new slice per attempt, each attempt one
 * transaction of {@link Decisions}; an attempt that lost a condition race is decided again by
 * {@link DecisionRetry}. A command the rules refuse throws a
 * {@link dev.eventsourcing.example.courses.domainmodel.Refusal}.
 */
@ApplicationScoped
public class Courses {

    @Inject
    Decisions decisions;

    @Inject
    DecisionRetry retry;

    /** Registers a course and returns its new id. */
    public UUID register(String title, int capacity) {
        return retry.run(() -> decisions.execute(new RegisterCourse(title, capacity))).courseId();
    }

    /** The course as the event store has it now. */
    public CourseDetails get(UUID courseId) {
        return decisions.evaluate(new CourseView(courseId)).course();
    }

    /** Changes the course's capacity; returns the course with it. */
    public CourseDetails changeCapacity(UUID courseId, int capacity) {
        return retry.run(() -> decisions.execute(new ChangeCourseCapacity(courseId, capacity))).course();
    }

    /** The student joins the course; returns the course with the student. */
    public CourseDetails join(UUID courseId, UUID studentId) {
        return retry.run(() -> decisions.execute(new JoinCourse(courseId, studentId))).course();
    }

    /** The student leaves the course. */
    public void leave(UUID courseId, UUID studentId) {
        retry.run(() -> decisions.execute(new LeaveCourse(courseId, studentId)));
    }
}
