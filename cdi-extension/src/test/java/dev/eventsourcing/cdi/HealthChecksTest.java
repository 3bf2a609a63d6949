package dev.eventsourcing.cdi;

import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import dev.eventsourcing.cdi.support.TestConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EventSourcingWeldTest
@AddBeanClasses({Balances.class, Flaky.class})
@TestConfig("eventsourcing.projection.attempts=1")
class HealthChecksTest {

    @Inject
    Teller teller;

    @Inject
    Flaky flaky;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Test
    void thereIsAReadinessCheckPerApplicationAndPerProjectionAllUpOnceCaughtUp() {
        UUID id = teller.open("Alice");
        teller.deposit(id, "10.00");

        Map<String, HealthCheckResponse> ready = call(readiness);

        assertEquals(Set.of("eventsourcing.application.Application", "eventsourcing.reader.balances",
                "eventsourcing.reader.flaky"), ready.keySet());
        ready.values().forEach(response -> assertEquals(HealthCheckResponse.Status.UP, response.getStatus(),
                response.getName()));
        assertEquals(2L, data(ready, "eventsourcing.application.Application").get("last-notification-id"));
        Map<String, Object> balances = data(ready, "eventsourcing.reader.balances");
        assertEquals(2L, balances.get("Application.position"));
        assertEquals(0L, balances.get("Application.lag"));
        assertEquals(0L, balances.get("Application.parked"));
    }

    @Test
    void aParkedNotificationTurnsItsReadersCheckDownNamingIt() {
        UUID id = teller.open("Bob");
        flaky.failTimes(1);
        teller.deposit(id, "1.00");

        Map<String, HealthCheckResponse> ready = call(readiness);

        HealthCheckResponse down = ready.get("eventsourcing.reader.flaky");
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        Map<String, Object> data = down.getData().orElseThrow();
        assertEquals(1L, data.get("Application.parked"));
        assertEquals("1 notification(s) of 'Application' parked", data.get("reason"));
        assertEquals(HealthCheckResponse.Status.UP, ready.get("eventsourcing.reader.balances").getStatus());
    }

    @Test
    void theLivenessCheckOfTheWorkersIsUpWhileNoneIsHung() {
        teller.open("Carol");

        Map<String, HealthCheckResponse> live = call(liveness);

        assertEquals(Set.of("eventsourcing.workers"), live.keySet());
        assertEquals(HealthCheckResponse.Status.UP, live.get("eventsourcing.workers").getStatus());
        assertEquals(2L, data(live, "eventsourcing.workers").get("workers"));
    }

    private static Map<String, HealthCheckResponse> call(Instance<HealthCheck> checks) {
        return checks.stream().map(HealthCheck::call)
                .collect(Collectors.toMap(HealthCheckResponse::getName, Function.identity()));
    }

    private static Map<String, Object> data(Map<String, HealthCheckResponse> responses, String name) {
        HealthCheckResponse response = responses.get(name);
        assertTrue(response.getData().isPresent(), name + " has no data");
        return response.getData().get();
    }
}
