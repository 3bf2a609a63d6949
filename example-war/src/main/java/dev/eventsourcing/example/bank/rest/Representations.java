package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.application.Section;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.example.bank.domainmodel.Money;
import dev.eventsourcing.persistence.Notification;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Base64;

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

    /**
     * The notification log's wire format: {@code {"items":[{"id","originator_id",
     * "originator_version","topic","state"}],"next":N}}, with the state in base64 and
     * {@code next} null when the log holds nothing more yet.
     */
    static JsonObject section(Section section) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Notification notification : section.items()) {
            items.add(Json.createObjectBuilder()
                    .add("id", notification.id())
                    .add("originator_id", notification.originatorId().toString())
                    .add("originator_version", notification.originatorVersion())
                    .add("topic", notification.topic())
                    .add("state", Base64.getEncoder().encodeToString(notification.state())));
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("items", items);
        if (section.next() == null) {
            body.addNull("next");
        } else {
            body.add("next", section.next());
        }
        return body.build();
    }

    /** {@code {"error": code, "message": message}}. */
    static JsonObject error(String code, String message) {
        return Json.createObjectBuilder()
                .add("error", code)
                .add("message", message == null ? code : message)
                .build();
    }
}
