package dev.eventsourcing.example.ledger;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Publishes the ledger's resources under {@code /api}. */
@ApplicationPath("api")
public class LedgerApi extends Application {
}
