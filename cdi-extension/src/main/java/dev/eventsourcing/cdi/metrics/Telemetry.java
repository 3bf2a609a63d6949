package dev.eventsourcing.cdi.metrics;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.system.ReaderStatus;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.List;
import java.util.function.Supplier;

/**
 * Finds the server's OpenTelemetry: the extension calls it only where the OpenTelemetry API is
 * present, so that this class, which links against it, is never loaded elsewhere.
 */
public final class Telemetry {

    private Telemetry() {
    }

    /**
     * The listener that records to the {@code OpenTelemetry} bean the server provides
     * (MicroProfile Telemetry), or {@link MetricsListener#NONE} when there is none: an API on the
     * class path alone records nothing.
     *
     * @param beanManager the deployment's bean manager
     * @param statuses    the runner's reader statuses, read when metrics are collected
     * @return the listener; close it (it is {@link AutoCloseable} then) when the deployment stops
     */
    public static MetricsListener listener(BeanManager beanManager, Supplier<List<ReaderStatus>> statuses) {
        Instance<OpenTelemetry> found = beanManager.createInstance().select(OpenTelemetry.class);
        if (!found.isResolvable()) {
            return MetricsListener.NONE;
        }
        return new OpenTelemetryMetrics(found.get().getMeter(OpenTelemetryMetrics.SCOPE), statuses);
    }
}
