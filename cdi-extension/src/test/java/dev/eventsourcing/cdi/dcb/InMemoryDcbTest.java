package dev.eventsourcing.cdi.dcb;

import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A DCB application and its repository injected, and a projection of its decisions, on the in-memory store. */
@EventSourcingWeldTest
@AddBeanClasses(Rosters.class)
class InMemoryDcbTest {

    @Inject
    Registrar registrar;

    @Inject
    Rosters rosters;

    @Inject
    Readers readers;

    @Test
    void theDcbApplicationIsOneSingletonInjectedByItsClassAndAsDcbApplicationWithItsRepository() {
        assertSame(registrar.courses(), registrar.application());
        assertEquals("Courses", registrar.courses().name());
        assertSame(registrar.courses().repository(), registrar.repository());
    }

    @Test
    void aBeanExecutesCommandsThroughTheInjectedApplicationAndItsInvariantHolds() {
        String course = registrar.register("Algebra", 2);
        registrar.join(course, "student:1");
        long last = registrar.join(course, "student:2");

        assertThrows(IllegalStateException.class, () -> registrar.join(course, "student:3"));
        assertEquals(3, last);
        assertEquals(3, registrar.courses().recorder().read(DcbQuery.all(), 0).events().size());
    }

    @Test
    void aProjectionOfDecisionsHasProcessedEachOneWithItsTagsAndPositionWhenExecuteReturns() {
        String course = registrar.register("Algebra", 5);
        registrar.join(course, "student:1");
        registrar.join(course, "student:2");

        assertEquals(List.of("student:1", "student:2"), rosters.students(course));
        assertEquals(List.of(2L, 3L), rosters.positions());
        List<ReaderStatus> statuses = readers.statuses();
        assertEquals(1, statuses.size());
        assertEquals("rosters", statuses.get(0).reader());
        assertEquals("Courses", statuses.get(0).upstream());
        assertEquals(3, statuses.get(0).position());
    }
}
