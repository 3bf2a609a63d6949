package dev.eventsourcing.cdi.dcb;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.application.DcbApplication;

import java.util.Set;

/** A DCB application as users write one: made by the extension through its constructor taking Settings. */
public class Courses extends DcbApplication {

    public Courses(Settings settings) {
        super(settings);
    }

    @Override
    protected Set<Class<?>> domainClasses() {
        return Set.of(Enrolment.CourseRegistered.class, Enrolment.StudentJoined.class);
    }
}
