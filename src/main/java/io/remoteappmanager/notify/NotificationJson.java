package io.remoteappmanager.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire form of a {@link Notification}, in one place because receivers rely on it: the fields every event has,
 * then those of its type (each present, null when it has no value), in a fixed order.
 */
final class NotificationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationJson() {}

    static byte[] encode(Notification event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id());
        json.put("type", event.type().wire());
        json.put("state", event.firing() ? "firing" : "resolved");
        json.put("time", event.time().toString());
        json.put("realm", event.realm());
        event.app().ifPresent(app -> {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("key", app.key().toString());
            about.put("user", app.key().user());
            about.put("mappingId", app.key().mappingId());
            about.put("name", app.name().orElse(null));
            json.put("app", about);
            json.put("from", event.from().orElse(null));
            json.put("to", event.to().orElse(null));
        });
        event.engine().ifPresent(engine -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("reachable", engine.reachable());
            state.put("error", engine.error().orElse(null));
            json.put("engine", state);
        });
        event.problem().ifPresent(problem -> json.put("problem", problem));
        if (event.type() == Notification.Type.LEADER) {
            json.put("from", event.from().orElse(null));
            json.put("to", event.to().orElse(null));
        }
        json.put("reason", event.reason());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification of plain strings cannot fail to encode", e);
        }
    }
}
