package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.application.AggregateNotFoundException;
import dev.eventsourcing.example.bank.domainmodel.AccountClosedException;
import dev.eventsourcing.example.bank.domainmodel.InsufficientFundsException;
import dev.eventsourcing.example.bank.domainmodel.InvalidAmountException;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.ShreddedException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception into {@code {"error": "<code>", "message": "…"}} with its status: the
 * API's own refusals, amounts that are not money the bank accepts (400), the domain model's
 * rules (409), unknown accounts (404), accounts whose personal data was shredded (410), lost
 * concurrency races (409, after the retries), and the
 * JAX-RS runtime's own errors (unknown path, wrong method or media type) under their status.
 * Anything else is a 500 and is logged.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        Throwable e = unwrap(exception);
        if (e instanceof ApiException api) {
            return respond(api.status().getStatusCode(), api.code(), api.getMessage());
        } else if (e instanceof InvalidAmountException) {
            return respond(400, "invalid_amount", e.getMessage());
        } else if (e instanceof AggregateNotFoundException notFound) {
            return respond(404, "account_not_found", "Account " + notFound.id() + " not found");
        } else if (e instanceof ShreddedException shredded) {
            return respond(410, "personal_data_shredded", "The personal data of account " + shredded.subject()
                    + " was shredded: the account can no longer be read or changed; its balance history stays in the"
                    + " notification log");
        } else if (e instanceof InsufficientFundsException) {
            return respond(409, "insufficient_funds", e.getMessage());
        } else if (e instanceof AccountClosedException) {
            return respond(409, "account_closed", e.getMessage());
        } else if (e instanceof IntegrityException) {
            return respond(409, "concurrency_conflict",
                    "The account was changed by concurrent requests; try again: " + e.getMessage());
        } else if (e instanceof IllegalArgumentException) {
            return respond(400, "invalid_request", e.getMessage());
        } else if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return respond(status, code(status), e.getMessage());
        }
        LOG.log(Level.SEVERE, "Request failed", exception);
        return respond(500, "internal_error", "The server failed to handle the request; see its log");
    }

    private static Throwable unwrap(Throwable e) {
        // A system exception from an EJB arrives wrapped; what matters is what it wraps.
        Throwable current = e;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String code(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "http_" + status : known.getReasonPhrase();
        return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private static Response respond(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Representations.error(code, message))
                .build();
    }
}
