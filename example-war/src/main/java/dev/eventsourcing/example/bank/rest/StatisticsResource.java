package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.application.AccountSummaries;
import dev.eventsourcing.example.bank.application.Statistics;
import dev.eventsourcing.example.bank.domainmodel.Money;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Figures over all accounts, {@code {"accounts": n, "totalBalance": "…"}}, read from the
 * projection's read model: eventually consistent, they may lag the latest commands briefly.
 */
@Path("statistics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    @Inject
    AccountSummaries summaries;

    @GET
    public JsonObject statistics() {
        Statistics statistics = summaries.statistics();
        return Json.createObjectBuilder()
                .add("accounts", statistics.accounts())
                .add("totalBalance", Money.format(statistics.totalBalance()))
                .build();
    }
}
