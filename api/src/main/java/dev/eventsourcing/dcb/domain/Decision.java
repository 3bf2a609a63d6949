package dev.eventsourcing.dcb.domain;

/**
 * A domain event of a DCB application: an immutable fact, written as a Java record, that
 * perspectives fold into their state. Unlike an aggregate's event it belongs to no one object: the
 * tags it is stored with (see {@link TaggedDecision}) name the things in the world it is about, so
 * that one decision, such as a student joining a course, counts for the course and the student.
 *
 * <pre>{@code
 * @Topic("courses.StudentJoinedCourse")
 * public record StudentJoinedCourse(String courseId, String studentId) implements Decision { }
 * }</pre>
 *
 * <p>A decision is stored under its topic, as aggregate events are (see
 * {@link dev.eventsourcing.domain.Topic} and {@link dev.eventsourcing.persistence.TopicRegistry}):
 * its {@code @Topic}, or else its class's binary name; the topic is the stored event's type, which
 * queries select by. A stored type reads only as a class the application's mapper knows, never as a
 * class looked up by the name in the data. Its components are stored as JSON by the application's
 * transcoder, then compressed and encrypted as its settings say.
 */
public interface Decision {
}
