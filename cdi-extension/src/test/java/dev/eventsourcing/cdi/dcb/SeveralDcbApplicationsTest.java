package dev.eventsourcing.cdi.dcb;

import dev.eventsourcing.Settings;
import dev.eventsourcing.cdi.RepositoryOf;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestConfig;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.dcb.application.DcbRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** With several DCB applications, each is injected by its class and its repository by {@link RepositoryOf}. */
class SeveralDcbApplicationsTest {

    @Test
    void eachRepositoryQualifiedByItsApplicationIsThatApplicationsRepository() {
        WeldContainer container = Deployments.start(Map.of(), Catalogue.class, Rosters.class);
        try {
            Catalogue catalogue = container.select(Catalogue.class).get();

            assertSame(catalogue.courses().repository(), catalogue.courseRepository());
            assertSame(catalogue.seminars().repository(), catalogue.seminarRepository());
            assertEquals(List.of("Courses", "Seminars"), List.of(catalogue.courses().name(), catalogue.seminars().name()));
        } finally {
            container.shutdown();
            TestConfig.Registrar.release();
        }
    }

    @Test
    void aProjectionOfDecisionsFollowsEveryDcbApplication() {
        WeldContainer container = Deployments.start(Map.of(), Catalogue.class, Rosters.class);
        try {
            Catalogue catalogue = container.select(Catalogue.class).get();
            Rosters rosters = container.select(Rosters.class).get();

            catalogue.courses().execute(new Enrolment.RegisterCourse("course:1", "Algebra", 5));
            catalogue.courses().execute(new Enrolment.JoinCourse("course:1", "student:1"));
            catalogue.seminars().execute(new Enrolment.RegisterCourse("seminar:1", "Proofs", 5));
            catalogue.seminars().execute(new Enrolment.JoinCourse("seminar:1", "student:2"));

            assertEquals(List.of("student:1"), rosters.students("course:1"));
            assertEquals(List.of("student:2"), rosters.students("seminar:1"));
        } finally {
            container.shutdown();
            TestConfig.Registrar.release();
        }
    }

    /** A second DCB application, which reads the same decisions. */
    public static class Seminars extends DcbApplication {
        public Seminars(Settings settings) {
            super(settings);
        }

        @Override
        protected java.util.Set<Class<?>> domainClasses() {
            return java.util.Set.of(Enrolment.CourseRegistered.class, Enrolment.StudentJoined.class);
        }
    }

    @ApplicationScoped
    public static class Catalogue {
        @Inject
        Courses courses;

        @Inject
        Seminars seminars;

        @Inject
        @RepositoryOf(Courses.class)
        DcbRepository courseRepository;

        @Inject
        @RepositoryOf(Seminars.class)
        DcbRepository seminarRepository;

        public Courses courses() {
            return courses;
        }

        public Seminars seminars() {
            return seminars;
        }

        public DcbRepository courseRepository() {
            return courseRepository;
        }

        public DcbRepository seminarRepository() {
            return seminarRepository;
        }
    }
}
