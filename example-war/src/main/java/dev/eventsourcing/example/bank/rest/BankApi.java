package dev.eventsourcing.example.bank.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Publishes the bank's resources under {@code /api}. */
@ApplicationPath("api")
public class BankApi extends Application {
}
