package dev.eventsourcing.dcb.application;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbRecorder;
import dev.eventsourcing.dcb.courses.Course;
import dev.eventsourcing.dcb.courses.CourseDecision;
import dev.eventsourcing.dcb.courses.Student;
import dev.eventsourcing.dcb.inmemory.InMemoryDcbRecorder;
import dev.eventsourcing.persistence.Infrastructure;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.UnknownTopicException;
import dev.eventsourcing.persistence.inmemory.InMemoryInfrastructureFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a DCB application is made and what it knows, on the in-memory backend: what it does with the
 * store on every backend is in {@link DcbApplicationTestCase}.
 */
class DcbApplicationTest {

    private final Courses courses = new Courses(Settings.empty());

    @Test
    void anApplicationIsNamedByItsClassAndStoresInMemoryByDefault() {
        assertEquals("Courses", courses.name());
        assertInstanceOf(InMemoryDcbRecorder.class, courses.recorder());
        assertSame(courses.recorder(), courses.repository().recorder());
        assertEquals("Registry", new DcbApplication("Registry", Settings.empty()).name());
        assertEquals("DcbApplication", new DcbApplication().name());
    }

    @Test
    void anApplicationRunsOnTheInfrastructureAndMetricsItsEnvironmentGivesWithSettingsScopedToItsName() {
        List<String> made = new ArrayList<>();
        List<String> appends = new ArrayList<>();
        Infrastructure infrastructure = (name, settings) -> {
            made.add(name);
            return new InMemoryInfrastructureFactory(name, settings);
        };
        MetricsListener metrics = new MetricsListener() {
            @Override
            public void appended(String application, int events, Duration duration) {
                appends.add(application + " " + events);
            }
        };
        Settings settings = Environment.of(
                Settings.of(Map.of("Courses.compressor", "zlib")), infrastructure, metrics);
        try (Courses inContainer = new Courses(settings)) {
            assertEquals(List.of("Courses"), made);
            assertTrue(inContainer.mapper().mapper().compressor().isPresent());
            assertEquals(Optional.of("zlib"), inContainer.settings().get(Settings.COMPRESSOR));
            inContainer.repository().save(Course.register("Algebra", 3), Student.register("Ada"));
            assertEquals(List.of("Courses 2"), appends);
        }
    }

    @Test
    void aDecisionOfAnUndeclaredClassIsReadOnlyOnceDeclared() {
        Course course = Course.register("Algebra", 2);
        courses.repository().save(course);
        DcbApplication reader = new DcbApplication("Reader", Settings.empty()) {
            @Override
            protected DcbRecorder constructRecorder(InfrastructureFactory factory) {
                return courses.recorder();
            }
        };
        var stored = courses.recorder().read(DcbQuery.all(), 0).events().get(0);
        UnknownTopicException unknown = assertThrows(
                UnknownTopicException.class, () -> reader.mapper().toDecision(stored));
        assertEquals("courses.CourseRegistered", unknown.topic());
        assertTrue(unknown.getMessage().startsWith("Cannot read the decision at position 1: its type"
                + " 'courses.CourseRegistered' names no decision class this application knows"), unknown.getMessage());
        assertThrows(UnknownTopicException.class,
                () -> reader.repository().get(course.id(), Course.class));

        reader.mapper().declare(CourseDecision.class);
        assertEquals("Algebra", reader.repository().get(course.id(), Course.class).title());
    }
}
