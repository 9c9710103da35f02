package io.remoteappmanager.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.remoteappmanager.testing.WebhookReceiver;
import java.util.List;

/** The events a webhook receiver took, as short lines a test can compare: {@code state from->to} per app. */
final class Received {

    private Received() {}

    /** The app events about {@code key}, as {@code firing Restarting->CrashLoopBackOff}. */
    static List<String> app(WebhookReceiver receiver, String key) {
        return receiver.accepted().stream().map(WebhookReceiver.Request::json)
                .filter(e -> e.get("type").asText().equals("app") && e.get("app").get("key").asText().equals(key))
                .map(e -> e.get("state").asText() + " " + text(e.get("from")) + "->" + text(e.get("to"))).toList();
    }

    /** The events of {@code type} (engine, spec-problem), as {@code firing <reason>}. */
    static List<String> of(WebhookReceiver receiver, String type) {
        return receiver.accepted().stream().map(WebhookReceiver.Request::json)
                .filter(e -> e.get("type").asText().equals(type))
                .map(e -> e.get("state").asText() + " " + e.get("reason").asText()).toList();
    }

    /** Every event, as {@code type state from->to key} for apps and {@code type state reason} for the others. */
    static List<String> all(WebhookReceiver receiver) {
        return receiver.accepted().stream().map(WebhookReceiver.Request::json)
                .map(e -> e.get("type").asText() + " " + e.get("state").asText() + " " + (e.has("app")
                        ? text(e.get("from")) + "->" + text(e.get("to")) + " " + e.get("app").get("key").asText()
                        : e.get("reason").asText()))
                .toList();
    }

    private static String text(JsonNode node) {
        return node.isNull() ? "null" : node.asText();
    }
}
