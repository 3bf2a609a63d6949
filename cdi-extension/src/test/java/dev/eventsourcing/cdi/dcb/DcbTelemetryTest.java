package dev.eventsourcing.cdi.dcb;

import dev.eventsourcing.cdi.metrics.OpenTelemetryMetrics;
import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A DCB application's appends and its projection's work are recorded as an application's and a reader's. */
@EventSourcingWeldTest
@AddBeanClasses({Rosters.class, DcbTelemetryTest.Server.class})
class DcbTelemetryTest {

    @Inject
    Registrar registrar;

    @Inject
    Server server;

    @Test
    void appendsOfDecisionsAndWhatTheProjectionProcessedAreRecordedUnderTheDcbApplicationsName() {
        String course = registrar.register("Algebra", 5);
        registrar.join(course, "student:1");

        Map<String, MetricData> metrics = server.collect().stream()
                .filter(m -> m.getInstrumentationScopeInfo().getName().equals(OpenTelemetryMetrics.SCOPE))
                .collect(Collectors.toMap(MetricData::getName, Function.identity()));

        LongPointData appended = metrics.get("eventsourcing.events.appended").getLongSumData().getPoints().iterator().next();
        assertEquals(2, appended.getValue());
        assertEquals("Courses", appended.getAttributes().get(AttributeKey.stringKey("eventsourcing.application")));
        LongPointData processed = metrics.get("eventsourcing.reader.processed").getLongSumData().getPoints().iterator().next();
        assertEquals(1, processed.getValue(), "the join; the registration is not observed");
        assertEquals("Courses", processed.getAttributes().get(AttributeKey.stringKey("eventsourcing.upstream")));
    }

    /** What MicroProfile Telemetry on a server provides: an OpenTelemetry bean, here with a reader tests collect. */
    @ApplicationScoped
    static class Server {

        private final InMemoryMetricReader reader = InMemoryMetricReader.create();

        /** What the server's meters hold now (a method: the bean is reached through a proxy). */
        List<MetricData> collect() {
            return List.copyOf(reader.collectAllMetrics());
        }

        @Produces
        @ApplicationScoped
        OpenTelemetry openTelemetry() {
            return OpenTelemetrySdk.builder()
                    .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build();
        }
    }
}
