package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.example.bank.domainmodel.Money;
import dev.eventsourcing.example.bank.domainmodel.Transfer;
import dev.eventsourcing.persistence.ParkedNotification;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The JSON the API answers with. */
final class Representations {

    /** The most characters of a parked notification's error that the API shows. */
    static final int MAX_ERROR_LENGTH = 500;

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

    /**
     * {@code {"reader","upstream","notificationId","originatorId","topic","error","attempts",
     * "parkedAt","behind","status","resolvedAt"}}: the error is its first line only, shortened to
     * {@value #MAX_ERROR_LENGTH} characters (the stack trace stays in the event store); behind is
     * the id of the parked notification it waits behind, null when it failed itself; resolvedAt
     * is null while it is parked. Times are ISO-8601 instants.
     */
    static JsonObject parked(ParkedNotification parked) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("reader", parked.reader())
                .add("upstream", parked.upstream())
                .add("notificationId", parked.notificationId())
                .add("originatorId", parked.originatorId().toString())
                .add("topic", parked.topic())
                .add("error", firstLine(parked.error()))
                .add("attempts", parked.attempts())
                .add("parkedAt", parked.parkedAt().toString());
        if (parked.behind() > 0) {
            json.add("behind", parked.behind());
        } else {
            json.addNull("behind");
        }
        json.add("status", parked.status().name());
        if (parked.resolvedAt() != null) {
            json.add("resolvedAt", parked.resolvedAt().toString());
        } else {
            json.addNull("resolvedAt");
        }
        return json.build();
    }

    /** {@code {"error": code, "message": message}}. */
    static JsonObject error(String code, String message) {
        return Json.createObjectBuilder()
                .add("error", code)
                .add("message", message == null ? code : message)
                .build();
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() <= MAX_ERROR_LENGTH ? line : line.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
