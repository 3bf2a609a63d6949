package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.example.bank.domainmodel.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The JSON the API answers with. */
final class Representations {

    private Representations() {
    }

    /** {@code {"id","fullName","emailAddress","balance","overdraftLimit","closed","version"}}. */
    static JsonObject account(Account account) {
        return Json.createObjectBuilder()
                .add("id", account.id().toString())
                .add("fullName", account.fullName())
                .add("emailAddress", account.emailAddress())
                .add("balance", Money.format(account.balance()))
                .add("overdraftLimit", Money.format(account.overdraftLimit()))
                .add("closed", account.isClosed())
                .add("version", account.version())
                .build();
    }

    /** {@code {"error": code, "message": message}}. */
    static JsonObject error(String code, String message) {
        return Json.createObjectBuilder()
                .add("error", code)
                .add("message", message == null ? code : message)
                .build();
    }
}
