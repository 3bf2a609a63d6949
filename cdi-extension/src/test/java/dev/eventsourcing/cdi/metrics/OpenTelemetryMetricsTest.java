package dev.eventsourcing.cdi.metrics;

import dev.eventsourcing.system.ReaderStatus;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metrics the OpenTelemetry adapter records: names, units, attributes and values. */
class OpenTelemetryMetricsTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final Attributes BALANCES = Attributes.of(OpenTelemetryMetrics.READER, "balances",
            OpenTelemetryMetrics.UPSTREAM, "Bank");

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build();
    private final AtomicReference<List<ReaderStatus>> statuses = new AtomicReference<>(List.of());
    private final OpenTelemetryMetrics metrics = new OpenTelemetryMetrics(provider.get(OpenTelemetryMetrics.SCOPE),
            statuses::get);

    @AfterEach
    void close() {
        metrics.close();
        provider.close();
    }

    @Test
    void appendsAreCountedInEventsAndTimedInSecondsPerApplication() {
        metrics.appended("Bank", 3, Duration.ofMillis(20));
        metrics.appended("Bank", 1, Duration.ofMillis(40));

        Map<String, MetricData> collected = collect();

        MetricData appended = collected.get("eventsourcing.events.appended");
        assertEquals("{event}", appended.getUnit());
        assertEquals(4, only(appended.getLongSumData().getPoints()).getValue());
        MetricData duration = collected.get("eventsourcing.append.duration");
        assertEquals("s", duration.getUnit());
        var histogram = only(duration.getHistogramData().getPoints());
        assertEquals(2, histogram.getCount());
        assertEquals(0.06, histogram.getSum(), 1e-9);
        assertEquals(Attributes.of(OpenTelemetryMetrics.APPLICATION, "Bank"), histogram.getAttributes());
    }

    @Test
    void processedRetriedAndParkedNotificationsAreCountedPerReaderAndLog() {
        metrics.processed("balances", "Bank");
        metrics.processed("balances", "Bank");
        metrics.retried("balances", "Bank", 3);
        metrics.parked("balances", "Bank", 3);

        Map<String, MetricData> collected = collect();

        assertEquals(2, only(collected.get("eventsourcing.reader.processed").getLongSumData().getPoints()).getValue());
        assertEquals(1, only(collected.get("eventsourcing.reader.retries").getLongSumData().getPoints()).getValue());
        var parkings = only(collected.get("eventsourcing.reader.parkings").getLongSumData().getPoints());
        assertEquals(1, parkings.getValue());
        assertEquals(BALANCES, parkings.getAttributes());
    }

    @Test
    void lagAndParkedCountAreReadFromTheStatusesWhenCollected() {
        statuses.set(List.of(new ReaderStatus("balances", "Bank", 5, 12, 0, null, null, 0, 2, AT.minusSeconds(90),
                ReaderStatus.Activity.IDLE, AT, AT)));

        Map<String, MetricData> collected = collect();

        MetricData lag = collected.get("eventsourcing.reader.lag");
        assertEquals("{notification}", lag.getUnit());
        var lagPoint = only(lag.getLongGaugeData().getPoints());
        assertEquals(7, lagPoint.getValue());
        assertEquals(BALANCES, lagPoint.getAttributes());
        MetricData lagDuration = collected.get("eventsourcing.reader.lag.duration");
        assertEquals("s", lagDuration.getUnit());
        assertEquals(90.0, only(lagDuration.getDoubleGaugeData().getPoints()).getValue(), 1e-9);
        assertEquals(2, only(collected.get("eventsourcing.reader.parked").getLongSumData().getPoints()).getValue());
    }

    @Test
    void aRunnerThatDoesNotRunRecordsNoLag() {
        OpenTelemetryMetrics stopped = new OpenTelemetryMetrics(provider.get("stopped"), () -> {
            throw new IllegalStateException("Event sourcing is not running");
        });

        Map<String, MetricData> collected = collect();
        stopped.close();

        assertTrue(collected.values().stream().noneMatch(m -> m.getInstrumentationScopeInfo().getName().equals("stopped")),
                collected.keySet().toString());
    }

    private Map<String, MetricData> collect() {
        return reader.collectAllMetrics().stream().filter(m -> !m.isEmpty())
                .collect(Collectors.toMap(MetricData::getName, Function.identity(), (a, b) -> a));
    }

    private static <P extends PointData> P only(Collection<P> points) {
        assertEquals(1, points.size(), points.toString());
        return points.iterator().next();
    }
}
