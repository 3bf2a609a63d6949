package dev.eventsourcing.example.ledger;

import dev.eventsourcing.cdi.ProjectionStatus;
import dev.eventsourcing.cdi.Projections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * The ledger's view over HTTP: {@code GET /accounts/{id}} →
 * {@code {"id","holder","balance","notificationIds":[…],"accountVersions":[…]}}, 404 until the
 * ledger has seen the account opened; and {@code GET /position} →
 * {@code {"position","failure"?}}: how far the ledger has processed the bank's log.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    @Inject
    Ledger ledger;

    @Inject
    Projections projections;

    @GET
    @Path("position")
    public JsonObject position() {
        ProjectionStatus status = projections.statuses().stream()
                .filter(s -> s.projection().equals(ledger.name()) && s.application().equals("Bank"))
                .findFirst().orElseThrow(() -> new IllegalStateException("The ledger follows no 'Bank': "
                        + projections.statuses()));
        JsonObjectBuilder json = Json.createObjectBuilder().add("position", status.position());
        if (status.failing()) {
            json.add("failure", status.failure());
        }
        return json.build();
    }

    @GET
    @Path("accounts/{id}")
    public JsonObject activity(@PathParam("id") UUID id) {
        AccountActivity activity = ledger.activity(id)
                .orElseThrow(() -> new NotFoundException("The ledger has no activity of account " + id));
        JsonArrayBuilder notificationIds = Json.createArrayBuilder();
        activity.notificationIds().forEach(notificationIds::add);
        JsonArrayBuilder versions = Json.createArrayBuilder();
        activity.accountVersions().forEach(versions::add);
        return Json.createObjectBuilder()
                .add("id", id.toString())
                .add("holder", activity.holder())
                .add("balance", activity.balance().toPlainString())
                .add("notificationIds", notificationIds)
                .add("accountVersions", versions)
                .build();
    }
}
