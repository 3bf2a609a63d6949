package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.system.ParkedNotifications;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * The notifications that the bank's readers (the {@code AccountSummaries} projection, and the
 * {@code Bank} and {@code Transfers} process applications) parked, for operators:
 * {@code GET /parked?reader=&status=&limit=} lists them (see {@link ParkedQuery}), and once the
 * cause is fixed {@code POST /parked/{reader}/{upstream}/{id}/retry} processes one and those of
 * its account parked behind it ({@code {"retried": n}}), or {@code .../skip} gives it up
 * ({@code 204}). A notification that is not parked, or no longer, is a {@code 404}
 * {@code parked_not_found}.
 *
 * <p>Not transactional on purpose: retrying runs the reader in transactions of the runner's own,
 * as it would have run at first. A real deployment would let only operators in here.
 */
@Path("parked")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ParkedResource {

    @Inject
    ParkedNotifications parked;

    @Inject
    Readers readers;

    /** → {@code [{"reader","upstream","notificationId",…}, …]}, ordered by reader, log and id. */
    @GET
    public JsonArray list(@QueryParam("reader") String reader, @QueryParam("status") String status,
                          @QueryParam("limit") String limit) {
        ParkedQuery query = ParkedQuery.parse(reader, status, limit, readerNames());
        JsonArrayBuilder list = Json.createArrayBuilder();
        parked.parked(query.reader(), query.status(), query.limit())
                .forEach(notification -> list.add(Representations.parked(notification)));
        return list.build();
    }

    /** Processes the parked notification, and those parked behind it → {@code {"retried": n}}. */
    @POST
    @Path("{reader}/{upstream}/{id}/retry")
    public JsonObject retry(@PathParam("reader") String reader, @PathParam("upstream") String upstream,
                            @PathParam("id") String id) {
        long notificationId = notificationId(id);
        int retried = parkedOrNotFound(() -> parked.retry(reader, upstream, notificationId));
        return Json.createObjectBuilder().add("retried", retried).build();
    }

    /** Gives the parked notification up: it is never processed → {@code 204}. */
    @POST
    @Path("{reader}/{upstream}/{id}/skip")
    public Response skip(@PathParam("reader") String reader, @PathParam("upstream") String upstream,
                         @PathParam("id") String id) {
        long notificationId = notificationId(id);
        parkedOrNotFound(() -> {
            parked.skip(reader, upstream, notificationId);
            return 0;
        });
        return Response.noContent().build();
    }

    private Set<String> readerNames() {
        return readers.statuses().stream().map(ReaderStatus::reader).collect(Collectors.toSet());
    }

    // The runner says "not parked by that reader" (also for an unknown reader or log) with an
    // IllegalArgumentException, which would otherwise answer 400.
    private static int parkedOrNotFound(IntSupplier action) {
        try {
            return action.getAsInt();
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("parked_not_found", e.getMessage());
        }
    }

    private static long notificationId(String text) {
        if (text == null || !text.matches("\\d{1,18}") || Long.parseLong(text) < 1) {
            throw ApiException.badRequest("invalid_id", "'" + (text == null || text.length() <= 30 ? text
                    : text.substring(0, 30) + "…") + "' is not a notification id (a whole number from 1)");
        }
        return Long.parseLong(text);
    }
}
