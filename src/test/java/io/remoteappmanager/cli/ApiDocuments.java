package io.remoteappmanager.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * The API's JSON as a controller sends it, for the stub: alice's app runs on a docker network, bob's crash-loops on a
 * swarm node with a long history. Written as JSON, not through the view records, as a client meets it on the wire.
 */
final class ApiDocuments {

    static final Instant NOW = Instant.now();
    /** Longer than a YAML writer's default line. */
    static final String LONG_ERROR = "back-off 40s after 3 crashes; the next start comes when the back-off ends, "
            + "or earlier when the spec changes";

    private ApiDocuments() {}

    static ObjectNode alice() {
        ObjectNode app = app("alice-web", "alice", "web", "Running", "container is running and ready");
        app.put("ready", true).put("image", "ram-test/httpd:1").put("imageDigest", "sha256:" + "a".repeat(64))
                .put("hostUrl", "http://127.0.0.1:32768").put("urlpath", "/user/alice/containers/8f14e45f")
                .put("urlId", "8f14e45f").put("network", "ram-net-1").put("containerId", "c0ffee".repeat(10))
                .put("since", NOW.minus(Duration.ofHours(3)).toString()).put("lastAction", "create")
                .put("lastReason", "no container for this spec").put("lastActionAt", NOW.minus(Duration.ofHours(3)).toString());
        app.putArray("transitions").add(transition(NOW.minus(Duration.ofHours(3)), null, "Pending", "new spec"))
                .add(transition(NOW.minus(Duration.ofHours(3)), "Pending", "Running", "container is running and ready"));
        app.put("futureField", "kept as the controller sent it");
        return app;
    }

    static ObjectNode bob() {
        ObjectNode app = app("bob-web", "bob", "bob-web", "CrashLoopBackOff", "keeps exiting (3 restarts)");
        app.put("ready", false).put("image", "ram-test/crash:1").put("node", "worker-2").put("revision", "4e1d9c2")
                .put("exitCode", 3).put("since", NOW.minus(Duration.ofMinutes(20)).toString()).put("lastAction", "start")
                .put("lastReason", "container exited with 3").put("lastActionAt", NOW.minus(Duration.ofMinutes(20)).toString())
                .put("lastError", LONG_ERROR).put("urlpath", "/user/bob/containers/1234abcd");
        ArrayNode transitions = app.putArray("transitions");
        for (int i = 1; i <= 25; i++) {
            transitions.add(transition(NOW.minus(Duration.ofMinutes(30 - i)), "Running", "CrashLoopBackOff", "crash #" + i));
        }
        return app;
    }

    static String apps() {
        return ControllerClient.JSON.createArrayNode().add(alice()).add(bob()).toString();
    }

    static String error(String message) {
        return ControllerClient.JSON.createObjectNode().put("error", message).toString();
    }

    private static ObjectNode app(String name, String user, String mappingId, String phase, String message) {
        return ControllerClient.JSON.createObjectNode().put("key", user + "/" + mappingId).put("user", user)
                .put("mappingId", mappingId).put("name", name).put("source", user + ".yaml (" + name + ")")
                .put("phase", phase).put("message", message).put("updated", NOW.toString());
    }

    private static ObjectNode transition(Instant at, String from, String to, String reason) {
        return ControllerClient.JSON.createObjectNode().put("at", at.toString()).put("from", from).put("to", to)
                .put("reason", reason);
    }
}
