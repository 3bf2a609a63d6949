package dev.eventsourcing.cdi.dcb;

import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.dcb.application.DcbRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** A service bean as users write one: a DCB application and its repository injected. */
@ApplicationScoped
public class Registrar {

    @Inject
    Courses courses;

    @Inject
    DcbApplication application;

    @Inject
    DcbRepository repository;

    public String register(String title, int capacity) {
        String course = "course:" + UUID.randomUUID();
        courses.execute(new Enrolment.RegisterCourse(course, title, capacity));
        return course;
    }

    public long join(String course, String student) {
        return courses.execute(new Enrolment.JoinCourse(course, student));
    }

    public Courses courses() {
        return courses;
    }

    public DcbApplication application() {
        return application;
    }

    public DcbRepository repository() {
        return repository;
    }
}
