package dev.eventsourcing.dcb.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.courses.CourseDecision;

import java.util.Set;

/** The courses application as a user writes it: it declares its decisions and nothing else. */
class Courses extends DcbApplication {

    Courses(Settings settings) {
        super(settings);
    }

    @Override
    protected Set<Class<?>> domainClasses() {
        return Set.of(CourseDecision.class);
    }
}
