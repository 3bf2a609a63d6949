package dev.eventsourcing.cdi.dcb;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.dcb.application.DcbRepository;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.persistence.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.eventsourcing.cdi.support.Deployments.failureOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each misconfigured DCB bean fails the deployment with a message that starts with its stable id. */
class DcbDeploymentProblemsTest {

    @Test
    void anAbstractDcbApplicationFailsWithEscdi021() {
        assertProblem("ESCDI021: DCB application " + AbstractCourses.class.getName() + " cannot be made by the extension:"
                + " it is abstract", failureOf(NeedsAbstractCourses.class));
    }

    @Test
    void aDcbApplicationWithoutASettingsConstructorFailsWithEscdi021() {
        assertProblem("ESCDI021: DCB application " + UnsettledCourses.class.getName() + " cannot be made by the"
                + " extension: it has no constructor taking Settings", failureOf(NeedsUnsettledCourses.class));
    }

    @Test
    void injectingDcbApplicationWhenThereAreSeveralFailsWithEscdi022() {
        assertProblem("ESCDI022: Injection point " + NeedsAnyDcbApplication.class.getName() + ".application of type"
                + " DcbApplication is ambiguous: the deployment has several DCB applications ([Courses, OtherCourses])",
                failureOf(NeedsAnyDcbApplication.class, NeedsOtherCourses.class));
    }

    @Test
    void injectingAnUnqualifiedRepositoryWhenThereAreSeveralFailsWithEscdi022() {
        assertProblem("ESCDI022: Injection point " + NeedsAnyDcbRepository.class.getName() + ".repository of type"
                + " DcbRepository is ambiguous", failureOf(NeedsAnyDcbRepository.class, Registrar.class,
                NeedsOtherCourses.class));
    }

    @Test
    void injectingARepositoryWithoutAnyDcbApplicationFailsWithEscdi022() {
        assertProblem("ESCDI022: Injection point " + NeedsAnyDcbRepository.class.getName() + ".repository of type"
                + " DcbRepository has no DCB application", failureOf(NeedsAnyDcbRepository.class));
    }

    @Test
    void aProjectionOfDecisionsWithoutADcbApplicationFailsWithEscdi023() {
        assertProblem("ESCDI023: Projection " + Rosters.class.getName() + " observes decisions, but the deployment has"
                + " no DCB application", failureOf(Rosters.class));
    }

    @Test
    void anObservedDecisionThatIsNoRecordFailsWithEscdi024() {
        assertProblem("ESCDI024: Decision type " + Unrecorded.class.getName() + " cannot be stored: it is not a record",
                failureOf(ObservesUnrecorded.class, Registrar.class));
    }

    @Test
    void aProjectionObservingEventsAndDecisionsFailsWithEscdi025() {
        assertProblem("ESCDI025: Projection " + Mixed.class.getName() + " observes both events of aggregates and"
                + " decisions", failureOf(Mixed.class, Registrar.class));
    }

    @Test
    void aDecisionObserverTakingANotificationFailsWithEscdi005() {
        assertProblem("ESCDI005: Projection method " + TakesNotification.class.getName() + ".on() has a parameter of type "
                + Notification.class.getName() + "; besides the observed decision it may take SequencedDecision or"
                + " EntityManager", failureOf(TakesNotification.class, Registrar.class));
    }

    private static void assertProblem(String expected, String failure) {
        assertTrue(failure.contains(expected), () -> "expected a failure containing\n  " + expected + "\nbut was\n  " + failure);
    }

    public abstract static class AbstractCourses extends DcbApplication {
        protected AbstractCourses(Settings settings) {
            super(settings);
        }
    }

    @ApplicationScoped
    public static class NeedsAbstractCourses {
        @Inject
        AbstractCourses courses;
    }

    public static class UnsettledCourses extends DcbApplication {
        public UnsettledCourses() {
            super(Settings.empty());
        }
    }

    @ApplicationScoped
    public static class NeedsUnsettledCourses {
        @Inject
        UnsettledCourses courses;
    }

    public static class OtherCourses extends DcbApplication {
        public OtherCourses(Settings settings) {
            super(settings);
        }
    }

    @ApplicationScoped
    public static class NeedsOtherCourses {
        @Inject
        OtherCourses courses;
    }

    @ApplicationScoped
    public static class NeedsAnyDcbApplication {
        @Inject
        Courses courses;

        @Inject
        DcbApplication application;
    }

    @ApplicationScoped
    public static class NeedsAnyDcbRepository {
        @Inject
        DcbRepository repository;
    }

    /** Implements Decision but is no record. */
    public static class Unrecorded implements Decision {
    }

    @Projection("unrecorded")
    public static class ObservesUnrecorded {
        void on(@Observes Unrecorded decision) {
        }
    }

    @Projection("mixed")
    public static class Mixed {
        void on(@Observes Enrolment.StudentJoined joined) {
        }

        void on(@Observes BankAccount.Deposited deposited) {
        }
    }

    @Projection("notified")
    public static class TakesNotification {
        void on(@Observes Enrolment.StudentJoined joined, Notification notification) {
        }
    }
}
