package dev.eventsourcing.cdi.dcb;

import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A DCB application and a projection of its decisions each have a readiness check. */
@EventSourcingWeldTest
@AddBeanClasses(Rosters.class)
class DcbHealthChecksTest {

    @Inject
    Registrar registrar;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Test
    void theDcbApplicationsCheckGivesItsHeadAndTheProjectionsCheckItsPositionInTheDecisions() {
        String course = registrar.register("Algebra", 3);
        registrar.join(course, "student:1");

        Map<String, HealthCheckResponse> ready = readiness.stream().map(HealthCheck::call)
                .collect(Collectors.toMap(HealthCheckResponse::getName, Function.identity()));

        assertEquals(Set.of("eventsourcing.application.Courses", "eventsourcing.reader.rosters"), ready.keySet(),
                "a deployment of DCB applications only has no default application");
        HealthCheckResponse courses = ready.get("eventsourcing.application.Courses");
        assertEquals(HealthCheckResponse.Status.UP, courses.getStatus());
        assertEquals(2L, courses.getData().orElseThrow().get("head"));
        HealthCheckResponse rosters = ready.get("eventsourcing.reader.rosters");
        assertEquals(HealthCheckResponse.Status.UP, rosters.getStatus());
        assertEquals(2L, rosters.getData().orElseThrow().get("Courses.position"));
        assertEquals(0L, rosters.getData().orElseThrow().get("Courses.lag"));
    }
}
