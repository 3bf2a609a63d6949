package dev.eventsourcing.browser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.ReaderStatus;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The readers of the deployment (projections, and process applications following their leaders)
 * with their position in each log they follow, their lag, status and last failure.
 *
 * <p>The status is {@code failing} while the last attempt failed, else {@code parked} while
 * notifications are parked, else {@code current} at the end of the log or {@code behind};
 * {@code unknown} for a log of another deployment, whose end is not known here.
 */
final class ReadersView {

    private final MultiThreadedRunner runner;

    ReadersView(MultiThreadedRunner runner) {
        this.runner = runner;
    }

    ArrayNode list() {
        Map<String, Application> applications = runner.applications().stream()
                .collect(Collectors.toMap(Application::name, Function.identity(), (a, b) -> a));
        ArrayNode list = Reply.JSON.createArrayNode();
        for (ReaderStatus status : runner.statuses()) {
            Application upstream = applications.get(status.upstream());
            // Read after the status, so that the lag is never below zero by a write in between.
            Long lag = upstream == null ? null : Math.max(0, upstream.recorder().maxNotificationId() - status.position());
            list.add(describe(status, lag));
        }
        return list;
    }

    private static ObjectNode describe(ReaderStatus status, Long lag) {
        ObjectNode node = Reply.JSON.createObjectNode()
                .put("reader", status.reader())
                .put("upstream", status.upstream())
                .put("position", status.position())
                .put("lag", lag)
                .put("status", status(status, lag))
                .put("parked", status.parked())
                .put("attempts", status.attempts())
                .put("failure", status.failure());
        node.put("failingId", status.failingId() > 0 ? Long.valueOf(status.failingId()) : null);
        node.put("failedAt", status.failedAt() == null ? null : status.failedAt().toString());
        return node;
    }

    private static String status(ReaderStatus status, Long lag) {
        if (status.failing()) {
            return "failing";
        }
        if (status.parked() > 0) {
            return "parked";
        }
        if (lag == null) {
            return "unknown";
        }
        return lag == 0 ? "current" : "behind";
    }
}
