/**
 * The courses' domain model with dynamic consistency boundaries. There are no aggregates: the
 * decisions ({@link dev.eventsourcing.example.courses.domainmodel.CourseRegistered},
 * {@link dev.eventsourcing.example.courses.domainmodel.StudentJoinedCourse}, …) carry the tags
 * {@code course:<id>} and {@code student:<id>} of what they concern, a join carrying both. Each
 * command is a slice that reads exactly the decisions its rule depends on, decides, and appends
 * on the condition that nothing inside its boundary was appended since it read; so a course's
 * capacity, a student's limit of {@value dev.eventsourcing.example.courses.domainmodel.Student#MAX_COURSES}
 * courses, and a single join per pair hold under any concurrency, with no process manager and no
 * reservation. Reads are perspectives over one tag. A rule that refuses throws a
 * {@link dev.eventsourcing.example.courses.domainmodel.Refusal} with its reason.
 */
package dev.eventsourcing.example.courses.domainmodel;
