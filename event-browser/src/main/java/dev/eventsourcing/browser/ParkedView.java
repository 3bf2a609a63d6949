package dev.eventsourcing.browser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.ReaderStatus;

import java.util.Locale;

/** The parked notifications of the deployment's readers, and the operator's retry and skip. */
final class ParkedView {

    /** The most parked notifications listed at once. */
    static final int MAX_LIMIT = 1000;

    private final MultiThreadedRunner runner;

    ParkedView(MultiThreadedRunner runner) {
        this.runner = runner;
    }

    /** Parameters {@code reader}, {@code status} ({@code parked} by default, or {@code all}) and {@code limit}. */
    ArrayNode list(BrowserRequest request) {
        String reader = request.parameter("reader").orElse(null);
        if (reader != null && runner.statuses().stream().map(ReaderStatus::reader).noneMatch(reader::equals)) {
            throw BrowserException.badRequest("invalid_parameter", "No reader is named '" + reader + "'");
        }
        ParkedNotification.Status status = status(request.parameter("status").orElse("parked"));
        int limit = (int) Parameters.number(request, "limit", 100, 1, MAX_LIMIT);
        ArrayNode list = Reply.JSON.createArrayNode();
        runner.parked(reader, status, limit).forEach(parked -> list.add(describe(parked)));
        return list;
    }

    /** Retries the parked notification: {@code {"retried": n}}, how many were processed. */
    ObjectNode retry(String reader, String upstream, String id) {
        long notificationId = Parameters.notificationId(id);
        try {
            return Reply.JSON.createObjectNode().put("retried", runner.retry(reader, upstream, notificationId));
        } catch (IllegalArgumentException e) {
            throw notParked(reader, upstream, notificationId);
        }
    }

    /** Skips the parked notification: {@code {"skipped": 1}}. */
    ObjectNode skip(String reader, String upstream, String id) {
        long notificationId = Parameters.notificationId(id);
        try {
            runner.skip(reader, upstream, notificationId);
            return Reply.JSON.createObjectNode().put("skipped", 1);
        } catch (IllegalArgumentException e) {
            throw notParked(reader, upstream, notificationId);
        }
    }

    private static BrowserException notParked(String reader, String upstream, long id) {
        return BrowserException.notFound("parked_not_found",
                "Reader '" + reader + "' has no notification " + id + " of log '" + upstream + "' parked");
    }

    private static ParkedNotification.Status status(String value) {
        if (value.equalsIgnoreCase("all")) {
            return null;
        }
        try {
            return ParkedNotification.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BrowserException.badRequest("invalid_parameter",
                    "status must be parked, retried, skipped or all, was '" + value + "'");
        }
    }

    private static ObjectNode describe(ParkedNotification parked) {
        ObjectNode node = Reply.JSON.createObjectNode()
                .put("reader", parked.reader())
                .put("upstream", parked.upstream())
                .put("notificationId", parked.notificationId())
                .put("originatorId", parked.originatorId().toString())
                .put("originatorVersion", parked.originatorVersion())
                .put("topic", parked.topic())
                .put("error", parked.error())
                .put("attempts", parked.attempts())
                .put("parkedAt", parked.parkedAt().toString())
                .put("status", parked.status().name().toLowerCase(Locale.ROOT));
        node.put("behind", parked.behind() > 0 ? Long.valueOf(parked.behind()) : null);
        node.put("resolvedAt", parked.resolvedAt() == null ? null : parked.resolvedAt().toString());
        return node;
    }
}
