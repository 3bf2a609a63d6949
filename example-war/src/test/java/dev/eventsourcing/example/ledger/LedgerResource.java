package dev.eventsourcing.example.ledger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
 * ledger has seen the account opened.
 */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    @Inject
    Ledger ledger;

    @GET
    @Path("{id}")
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
