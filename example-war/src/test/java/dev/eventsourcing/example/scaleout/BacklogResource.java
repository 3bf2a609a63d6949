package dev.eventsourcing.example.scaleout;

import dev.eventsourcing.domain.Aggregate;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.UserTransaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Test only: {@code POST /api/scaleout/backlog?samples=400&events=50&batch=20} saves that many
 * samples with that many events each, {@code batch} samples per transaction, and answers
 * {@code {"notifications": n}}. Large transactions make a backlog of tens of thousands of
 * notifications in seconds.
 */
@Path("scaleout")
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class BacklogResource {

    @Inject
    Samples samples;

    @Resource
    UserTransaction transaction;

    @POST
    @Path("backlog")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject backlog(@QueryParam("samples") int count, @QueryParam("events") int events,
                              @QueryParam("batch") int batch) throws Exception {
        if (count < 1 || events < 1 || batch < 1) {
            throw new BadRequestException("samples, events and batch must be positive");
        }
        for (int first = 0; first < count; first += batch) {
            List<Aggregate> made = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + batch); i++) {
                Sample sample = Sample.create("sample " + i);
                for (int e = 1; e < events; e++) {
                    sample.tick();
                }
                made.add(sample);
            }
            transaction.begin();
            samples.save(made.toArray(Aggregate[]::new));
            transaction.commit();
        }
        return Json.createObjectBuilder().add("notifications", (long) count * events).build();
    }
}
