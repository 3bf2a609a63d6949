package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.application.Accounts;
import dev.eventsourcing.example.bank.application.ConflictRetry;
import dev.eventsourcing.example.bank.domainmodel.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * Bank accounts over HTTP: open one, read it, pay in, pay out, set its overdraft limit, close it,
 * shred its holder's personal data. Every command but the last answers with the account as it
 * is after the command.
 */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    Accounts accounts;

    @Inject
    ConflictRetry retry;

    @Context
    UriInfo uriInfo;

    /** {@code {"fullName","emailAddress"}} → 201, {@code Location}, {@code {"id"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(InputStream body) {
        JsonBody request = JsonBody.read(body);
        String fullName = request.text("fullName", Account.MAX_FULL_NAME_LENGTH);
        String emailAddress = request.text("emailAddress", Account.MAX_EMAIL_ADDRESS_LENGTH);
        UUID id = accounts.open(fullName, emailAddress);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(Json.createObjectBuilder().add("id", id.toString()).build())
                .build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return Representations.account(accounts.get(accountId(id)));
    }

    /** {@code {"amount": "10.00"}} → the account. */
    @POST
    @Path("{id}/deposits")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject deposit(@PathParam("id") String id, InputStream body) {
        UUID accountId = accountId(id);
        BigDecimal amount = JsonBody.read(body).amount("amount");
        return Representations.account(retry.run(() -> accounts.deposit(accountId, amount)));
    }

    /** {@code {"amount": "10.00"}} → the account. */
    @POST
    @Path("{id}/withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject withdraw(@PathParam("id") String id, InputStream body) {
        UUID accountId = accountId(id);
        BigDecimal amount = JsonBody.read(body).amount("amount");
        return Representations.account(retry.run(() -> accounts.withdraw(accountId, amount)));
    }

    /** {@code {"limit": "50.00"}} → the account. */
    @PUT
    @Path("{id}/overdraft-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject setOverdraftLimit(@PathParam("id") String id, InputStream body) {
        UUID accountId = accountId(id);
        BigDecimal limit = JsonBody.read(body).limit("limit");
        return Representations.account(retry.run(() -> accounts.setOverdraftLimit(accountId, limit)));
    }

    /** Closes the account → the account. */
    @POST
    @Path("{id}/close")
    public JsonObject close(@PathParam("id") String id) {
        UUID accountId = accountId(id);
        return Representations.account(retry.run(() -> accounts.close(accountId)));
    }

    /**
     * Shreds the account holder's personal data → 204; 410 when it was shredded already. The
     * account then answers 410 to every request, and its balance history stays in the log.
     */
    @DELETE
    @Path("{id}/personal-data")
    public Response shredPersonalData(@PathParam("id") String id) {
        accounts.shredPersonalData(accountId(id));
        return Response.noContent().build();
    }

    private static UUID accountId(String text) {
        return RequestIds.parse(text, "an account id");
    }

}
