package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.application.MoneyTransfers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Money transfers over HTTP. A request is accepted ({@code 202}) once it is recorded; the bank
 * settles it afterwards, and {@code GET} shows how it ended. Requests that could never succeed
 * are refused at once: the same account on both sides, an amount that is not positive money
 * ({@code 400}), an account that does not exist ({@code 404}).
 */
@Path("transfers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TransfersResource {

    @Inject
    MoneyTransfers transfers;

    @Context
    UriInfo uriInfo;

    /** {@code {"from","to","amount"}} → 202, {@code Location}, {@code {"id"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(InputStream body) {
        JsonBody request = JsonBody.read(body);
        UUID from = request.id("from", "an account id");
        UUID to = request.id("to", "an account id");
        BigDecimal amount = request.amount("amount");
        if (from.equals(to)) {
            throw ApiException.badRequest("same_account", "A transfer needs two different accounts; 'from' and 'to'"
                    + " are both " + from);
        }
        UUID id = transfers.request(from, to, amount);
        return Response.accepted(Json.createObjectBuilder().add("id", id.toString()).build())
                .location(uriInfo.getAbsolutePathBuilder().path(id.toString()).build())
                .build();
    }

    /** → {@code {"id","from","to","amount","status","reason"?}}. */
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        UUID transferId = RequestIds.parse(id, "a transfer id");
        return Representations.transfer(transfers.find(transferId).orElseThrow(
                () -> ApiException.notFound("transfer_not_found", "Transfer " + transferId + " not found")));
    }
}
