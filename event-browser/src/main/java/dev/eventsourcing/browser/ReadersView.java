package dev.eventsourcing.browser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.ReaderStatus;

import java.util.Locale;

/**
 * The readers of the deployment (projections, and process applications following their leaders)
 * with their position in each log they follow, their lag in notifications and in seconds, what
 * their worker is doing, their status and last failure.
 *
 * <p>The status is {@code failing} while the last attempt failed, else {@code parked} while
 * notifications are parked, else {@code current} at the end of the log or {@code behind}; a
 * reader whose runner stopped is {@code stopped}.
 */
final class ReadersView {

    private final MultiThreadedRunner runner;

    ReadersView(MultiThreadedRunner runner) {
        this.runner = runner;
    }

    ArrayNode list() {
        ArrayNode list = Reply.JSON.createArrayNode();
        runner.statuses().forEach(status -> list.add(describe(status)));
        return list;
    }

    private static ObjectNode describe(ReaderStatus status) {
        ObjectNode node = Reply.JSON.createObjectNode()
                .put("reader", status.reader())
                .put("upstream", status.upstream())
                .put("position", status.position())
                .put("logEnd", status.logEnd())
                .put("lag", status.lag())
                .put("lagSeconds", status.lagDuration().toMillis() / 1000.0)
                .put("activity", status.activity().name().toLowerCase(Locale.ROOT))
                .put("status", status(status))
                .put("parked", status.parked())
                .put("attempts", status.attempts())
                .put("failure", status.failure());
        node.put("failingId", status.failingId() > 0 ? Long.valueOf(status.failingId()) : null);
        node.put("failedAt", status.failedAt() == null ? null : status.failedAt().toString());
        return node;
    }

    private static String status(ReaderStatus status) {
        if (status.activity() == ReaderStatus.Activity.STOPPED) {
            return "stopped";
        }
        if (status.failing()) {
            return "failing";
        }
        if (status.parked() > 0) {
            return "parked";
        }
        return status.lag() == 0 ? "current" : "behind";
    }
}
