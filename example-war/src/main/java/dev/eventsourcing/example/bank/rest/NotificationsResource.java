package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.application.SectionJson;
import dev.eventsourcing.example.bank.application.NotificationLogService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The bank's notification log, so that other systems can follow it:
 * {@code GET /notifications?start=N&limit=M}, with {@code &topics=T} once for each topic a
 * follower observes when it observes only some ({@link SectionQuery}). {@code start} defaults to
 * 1 and {@code limit} to the section size, which is also the largest limit accepted. The body is
 * the wire format of {@link SectionJson}, the same that {@code RemoteNotificationLog} reads; with
 * topics, the section spans the same ids and holds only the notifications of those topics.
 */
@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @Inject
    NotificationLogService log;

    @GET
    public String select(@QueryParam("start") String start, @QueryParam("limit") String limit,
                         @QueryParam("topics") List<String> topics) {
        SectionQuery query = SectionQuery.parse(start, limit, topics, log.sectionSize());
        return SectionJson.write(log.select(query.start(), query.limit(), query.topics()));
    }
}
