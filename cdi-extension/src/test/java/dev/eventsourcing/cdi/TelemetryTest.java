package dev.eventsourcing.cdi;

import dev.eventsourcing.cdi.metrics.OpenTelemetryMetrics;
import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A deployment on a server that provides an OpenTelemetry bean reports its metrics to it. */
@EventSourcingWeldTest
@AddBeanClasses({Balances.class, TelemetryTest.Server.class})
class TelemetryTest {

    @Inject
    Teller teller;

    @Inject
    Server server;

    @Test
    void appendsAndWhatAProjectionProcessedAreRecordedWithItsLag() {
        UUID id = teller.open("Alice");
        teller.deposit(id, "2.00");

        Map<String, MetricData> metrics = server.collect().stream()
                .filter(m -> m.getInstrumentationScopeInfo().getName().equals(OpenTelemetryMetrics.SCOPE))
                .collect(Collectors.toMap(MetricData::getName, Function.identity()));

        assertEquals(2, metrics.get("eventsourcing.events.appended").getLongSumData().getPoints().iterator().next()
                .getValue());
        assertEquals(2, metrics.get("eventsourcing.append.duration").getHistogramData().getPoints().iterator().next()
                .getCount());
        assertEquals(2, metrics.get("eventsourcing.reader.processed").getLongSumData().getPoints().iterator().next()
                .getValue());
        assertEquals(0, metrics.get("eventsourcing.reader.lag").getLongGaugeData().getPoints().iterator().next()
                .getValue());
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
