package dev.eventsourcing.dcb.domain;

/**
 * One command or query of the vertical-slice style: a perspective with a boundary of its own
 * choosing, a projection of the decisions in it ({@link #apply(Decision)}), and an
 * {@link #execute()} step that decides. The application's {@code execute(slice)} brings the
 * projection up to date, executes, and saves what was triggered on the condition that nothing in
 * the boundary changed since; its {@code evaluate(slice)} only brings the projection up to date.
 *
 * <pre>{@code
 * public class JoinCourse extends Slice {
 *     private final String courseId;
 *     private final String studentId;
 *     private int capacity;
 *     private final Set<String> students = new HashSet<>();
 *     private final Set<String> coursesOfStudent = new HashSet<>();
 *
 *     public JoinCourse(String courseId, String studentId) { this.courseId = courseId; this.studentId = studentId; }
 *
 *     public List<Selector> consistencyBoundary() {
 *         return List.of(Selector.tags(courseId), Selector.tags(studentId));
 *     }
 *
 *     protected void apply(Decision decision) {
 *         if (decision instanceof CourseRegistered registered) capacity = registered.capacity();
 *         else if (decision instanceof StudentJoinedCourse joined) {
 *             if (joined.courseId().equals(courseId)) students.add(joined.studentId());
 *             if (joined.studentId().equals(studentId)) coursesOfStudent.add(joined.courseId());
 *         }
 *     }
 *
 *     public void execute() {
 *         if (students.size() >= capacity) throw new CourseFullException(courseId);
 *         if (coursesOfStudent.size() >= 5) throw new StudentLimitException(studentId);
 *         trigger(new StudentJoinedCourse(courseId, studentId), courseId, studentId);
 *     }
 * }
 * }</pre>
 *
 * <p>A slice is for one command: make a new instance for each.
 */
public abstract class Slice extends Perspective {

    /** A slice that has read nothing yet. */
    protected Slice() {
    }

    /**
     * Decides, on the state projected from the boundary: triggers new decisions, or refuses by
     * throwing a domain exception (then nothing is saved).
     */
    public abstract void execute();
}
