package dev.eventsourcing.cdi.metrics;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.system.ReaderStatus;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link MetricsListener} that records to an OpenTelemetry {@link Meter}, and reads the lag and
 * parked count of every reader from the runner's statuses when the metrics are collected. Names
 * follow OpenTelemetry's conventions: dotted lowercase, the unit in the instrument's unit.
 */
public final class OpenTelemetryMetrics implements MetricsListener, AutoCloseable {

    /** The instrumentation scope of the meter. */
    public static final String SCOPE = "dev.eventsourcing";

    static final AttributeKey<String> APPLICATION = AttributeKey.stringKey("eventsourcing.application");
    static final AttributeKey<String> READER = AttributeKey.stringKey("eventsourcing.reader");
    static final AttributeKey<String> UPSTREAM = AttributeKey.stringKey("eventsourcing.upstream");

    // Seconds: appends take from well under a millisecond (in memory) to seconds (a locked table).
    private static final List<Double> APPEND_BUCKETS = List.of(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
            0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    private final DoubleHistogram appendDuration;
    private final LongCounter eventsAppended;
    private final LongCounter processed;
    private final LongCounter retries;
    private final LongCounter parkings;
    private final BatchCallback observed;

    /**
     * Makes the instruments on the meter.
     *
     * @param meter    where to record
     * @param statuses the runner's reader statuses, read at each collection; what it throws
     *                 (the runner is not running) records nothing
     */
    public OpenTelemetryMetrics(Meter meter, Supplier<List<ReaderStatus>> statuses) {
        appendDuration = inSeconds(meter.histogramBuilder("eventsourcing.append.duration").setUnit("s")
                .setDescription("How long an application's appends of events to its recorder take.")).build();
        eventsAppended = meter.counterBuilder("eventsourcing.events.appended").setUnit("{event}")
                .setDescription("Events an application stored.").build();
        processed = meter.counterBuilder("eventsourcing.reader.processed").setUnit("{notification}")
                .setDescription("Notifications a reader's handler processed.").build();
        retries = meter.counterBuilder("eventsourcing.reader.retries").setUnit("{retry}")
                .setDescription("Failures after which a reader tries again.").build();
        parkings = meter.counterBuilder("eventsourcing.reader.parkings").setUnit("{notification}")
                .setDescription("Notifications a reader parked.").build();
        observed = Gauges.register(meter, statuses);
    }

    // The default buckets suit milliseconds. Older servers' APIs (Payara 6's) lack the advice: their default it is.
    private static DoubleHistogramBuilder inSeconds(DoubleHistogramBuilder builder) {
        try {
            return builder.setExplicitBucketBoundariesAdvice(APPEND_BUCKETS);
        } catch (NoSuchMethodError e) {
            return builder;
        }
    }

    @Override
    public void appended(String application, int events, Duration duration) {
        Attributes attributes = Attributes.of(APPLICATION, application);
        appendDuration.record(duration.toNanos() / 1e9, attributes);
        eventsAppended.add(events, attributes);
    }

    @Override
    public void processed(String reader, String upstream) {
        processed.add(1, Attributes.of(READER, reader, UPSTREAM, upstream));
    }

    @Override
    public void retried(String reader, String upstream, long notificationId) {
        retries.add(1, Attributes.of(READER, reader, UPSTREAM, upstream));
    }

    @Override
    public void parked(String reader, String upstream, long notificationId) {
        parkings.add(1, Attributes.of(READER, reader, UPSTREAM, upstream));
    }

    /** Stops reading the statuses: the deployment is going away. */
    @Override
    public void close() {
        observed.close();
    }

    /** The instruments read from the statuses, in one callback per collection. */
    private static final class Gauges {

        private Gauges() {
        }

        static BatchCallback register(Meter meter, Supplier<List<ReaderStatus>> statuses) {
            ObservableLongMeasurement lag = meter.gaugeBuilder("eventsourcing.reader.lag").ofLongs().setUnit("{notification}")
                    .setDescription("Notifications of a log that a reader has not processed yet.").buildObserver();
            ObservableDoubleMeasurement lagDuration = meter.gaugeBuilder("eventsourcing.reader.lag.duration").setUnit("s")
                    .setDescription("How long a reader has been behind a log; 0 when caught up.").buildObserver();
            ObservableLongMeasurement parked = meter.upDownCounterBuilder("eventsourcing.reader.parked")
                    .setUnit("{notification}").setDescription("Notifications a reader has parked and not resolved.")
                    .buildObserver();
            return meter.batchCallback(() -> {
                List<ReaderStatus> now;
                try {
                    now = statuses.get();
                } catch (RuntimeException e) {
                    return; // not running: nothing to observe
                }
                for (ReaderStatus status : now) {
                    Attributes attributes = Attributes.of(READER, status.reader(), UPSTREAM, status.upstream());
                    lag.record(status.lag(), attributes);
                    lagDuration.record(status.lagDuration().toNanos() / 1e9, attributes);
                    parked.record(status.parked(), attributes);
                }
            }, lag, lagDuration, parked);
        }
    }
}
