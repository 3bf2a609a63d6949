package dev.eventsourcing.example.courses.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.example.courses.domainmodel.CourseCapacityChanged;
import dev.eventsourcing.example.courses.domainmodel.CourseRegistered;
import dev.eventsourcing.example.courses.domainmodel.StudentJoinedCourse;
import dev.eventsourcing.example.courses.domainmodel.StudentLeftCourse;
import dev.eventsourcing.example.courses.domainmodel.StudentRegistered;

import java.util.Set;

/**
 * The courses' DCB application: its decisions, stored in the deployment's event store. The CDI
 * extension makes it, on the deployment's persistence, and injects it into the EJBs.
 */
public class CourseSubscriptions extends DcbApplication {

    /** @param settings the deployment's settings and infrastructure */
    public CourseSubscriptions(Settings settings) {
        super("Courses", settings);
    }

    @Override
    protected Set<Class<?>> domainClasses() {
        return Set.of(CourseRegistered.class, CourseCapacityChanged.class, StudentRegistered.class,
                StudentJoinedCourse.class, StudentLeftCourse.class);
    }
}
