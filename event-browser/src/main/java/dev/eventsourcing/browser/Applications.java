package dev.eventsourcing.browser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.NotificationLog;
import dev.eventsourcing.application.Section;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.system.MultiThreadedRunner;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The applications of the deployment, their notification logs and their aggregates' histories. */
final class Applications {

    /** The most events of one aggregate shown on one page of its history. */
    static final int HISTORY_PAGE = 200;

    private final MultiThreadedRunner runner;

    Applications(MultiThreadedRunner runner) {
        this.runner = runner;
    }

    /** {@code [{"name", "lastId", "sectionSize"}]} in the order of the system. */
    ArrayNode list() {
        ArrayNode list = Reply.JSON.createArrayNode();
        runner.applications().forEach(application -> list.addObject()
                .put("name", application.name())
                .put("lastId", application.recorder().maxNotificationId())
                .put("sectionSize", application.notificationLog().sectionSize()));
        return list;
    }

    /**
     * One page of the log from {@code start}, a section at most, with the starts of the pages
     * around it: of the topics asked for only, where the log is read, the page then holding the
     * notifications of those topics within the same window of ids.
     */
    ObjectNode log(String name, BrowserRequest request) {
        Application application = named(name);
        NotificationLog log = application.notificationLog();
        long start = Parameters.number(request, "start", 1, 1, Long.MAX_VALUE - log.sectionSize());
        int limit = (int) Parameters.number(request, "limit", log.sectionSize(), 1, log.sectionSize());
        Set<String> topics = Parameters.topics(request);
        long lastId = application.recorder().maxNotificationId();
        Section section = log.select(start, limit, topics);
        ObjectNode page = Reply.JSON.createObjectNode().put("application", application.name())
                .put("start", start).put("limit", limit).put("lastId", lastId);
        ArrayNode kept = page.putArray("topics");
        topics.stream().sorted().forEach(kept::add);
        page.put("previous", start > 1 ? Long.valueOf(Math.max(1, start - limit)) : null);
        page.put("next", section.next());
        ArrayNode items = page.putArray("items");
        section.items().forEach(n -> items.add(EventJson.notification(n, application.mapper())));
        return page;
    }

    /** The events of one aggregate after a version, a page at most, each with its decoded state. */
    ObjectNode history(String name, String id, long after) {
        Application application = named(name);
        UUID originatorId = Parameters.aggregateId(id);
        List<StoredEvent> events = application.recorder()
                .selectEvents(originatorId, new EventSelection(after, null, false, HISTORY_PAGE));
        if (events.isEmpty() && after == 0) {
            throw BrowserException.notFound("aggregate_not_found",
                    "Application " + application.name() + " holds no events of aggregate " + originatorId);
        }
        ObjectNode history = Reply.JSON.createObjectNode().put("application", application.name())
                .put("id", originatorId.toString()).put("after", after);
        history.put("next", events.size() == HISTORY_PAGE ? events.get(events.size() - 1).originatorVersion() : null);
        ArrayNode items = history.putArray("events");
        events.forEach(event -> items.add(EventJson.event(event, application.mapper())));
        return history;
    }

    Application named(String name) {
        return runner.applications().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> BrowserException.notFound("unknown_application", "No application is named '" + name
                        + "'; the deployment's are " + runner.applications().stream().map(Application::name).toList()));
    }
}
