package dev.eventsourcing.example.ledger;

import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
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
 * ledger has seen the account opened, with the {@link Balances} projection's {@code "row"}
 * ({@code {"balance","events"}}, or empty before it has seen the account); and
 * {@code GET /position} → {@code {"Ledger": {"position","failure"?}, "Balances": {…}}}: how far
 * each has processed the bank's log.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    @Inject
    Ledger ledger;

    @Inject
    Readers projections;

    @Inject
    Balances balances;

    @GET
    @Path("position")
    public JsonObject position() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (String follower : new String[] {ledger.name(), Balances.NAME}) {
            ReaderStatus status = projections.statuses().stream()
                    .filter(s -> s.reader().equals(follower) && s.upstream().equals("Bank"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(follower + " follows no 'Bank': "
                            + projections.statuses()));
            JsonObjectBuilder entry = Json.createObjectBuilder().add("position", status.position());
            if (status.failing()) {
                entry.add("failure", status.failure());
            }
            json.add(follower, entry);
        }
        return json.build();
    }

    private JsonObject row(UUID id) {
        BalanceRow row = balances.find(id.toString());
        return row == null ? JsonObject.EMPTY_JSON_OBJECT : Json.createObjectBuilder()
                .add("balance", row.balance().toPlainString())
                .add("events", row.events())
                .build();
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
                .add("row", row(id))
                .build();
    }
}
