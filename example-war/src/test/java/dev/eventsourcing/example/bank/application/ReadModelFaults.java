package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.example.bank.domainmodel.Money;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * For the HTTP tests only (added to the deployment by the test, never part of the WAR): puts the
 * read model out of step with the events for one account, as a lost row or a bad migration
 * would, so that the projection fails on that account's next events; and repairs it.
 */
@Path("test/read-model/accounts/{id}")
@RequestScoped
@Transactional
public class ReadModelFaults {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Inject
    Accounts accounts;

    /** Removes the account's row → 204; 404 while the projection has not projected it yet. */
    @DELETE
    public Response remove(@PathParam("id") UUID id) {
        AccountSummary summary = em.find(AccountSummary.class, id.toString());
        if (summary == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        em.remove(summary);
        return Response.noContent().build();
    }

    /** Puts the row back as the account was when opened, for the projection to apply the rest → 204. */
    @PUT
    public Response restore(@PathParam("id") UUID id) {
        em.persist(new AccountSummary(id, accounts.get(id).fullName(), Money.ZERO, 1));
        return Response.noContent().build();
    }
}
