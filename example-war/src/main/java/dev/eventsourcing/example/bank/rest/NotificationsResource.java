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

/**
 * The bank's notification log, so that other systems can follow it:
 * {@code GET /notifications?start=N&limit=M}. {@code start} defaults to 1 and {@code limit} to
 * the section size, which is also the largest limit accepted. The body is the wire format of
 * {@link SectionJson}, the same that {@code RemoteNotificationLog} reads.
 */
@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @Inject
    NotificationLogService log;

    @GET
    public String select(@QueryParam("start") String start, @QueryParam("limit") String limit) {
        int sectionSize = log.sectionSize();
        long first = parse("start", start, 1, 1, Long.MAX_VALUE);
        long most = parse("limit", limit, sectionSize, 1, sectionSize);
        return SectionJson.write(log.select(first, (int) most));
    }

    private static long parse(String name, String text, long defaultValue, long min, long max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_paging", "Parameter '" + name + "' must be a whole number, was '"
                    + text + "'");
        }
        if (value < min || value > max) {
            throw ApiException.badRequest("invalid_paging", "Parameter '" + name + "' must be from " + min + " to "
                    + max + ", was " + value);
        }
        return value;
    }
}
