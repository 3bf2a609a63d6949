package dev.eventsourcing.cdi.docs;

import dev.eventsourcing.cdi.RepositoryOf;
import dev.eventsourcing.dcb.application.DcbRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class Registrar {
    @Inject Courses courses;                                      // a subclass of DcbApplication
    @Inject @RepositoryOf(Courses.class) DcbRepository repository; // unqualified when it is the only one

    public long join(String course, String student) {
        return courses.execute(new JoinCourse(course, student));  // the slice's position
    }
}
