package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.example.bank.domainmodel.Money;
import dev.eventsourcing.example.bank.domainmodel.Transfer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

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

    /** {@code {"id","from","to","amount","status","reason"?,"version"}}: a reason only when rejected. */
    static JsonObject transfer(Transfer transfer) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", transfer.id().toString())
                .add("from", transfer.from().toString())
                .add("to", transfer.to().toString())
                .add("amount", Money.format(transfer.amount()))
                .add("status", transfer.status().name());
        if (transfer.reason() != null) {
            json.add("reason", transfer.reason());
        }
        return json.add("version", transfer.version()).build();
    }

    /** {@code {"error": code, "message": message}}. */
    static JsonObject error(String code, String message) {
        return Json.createObjectBuilder()
                .add("error", code)
                .add("message", message == null ? code : message)
                .build();
    }
}
