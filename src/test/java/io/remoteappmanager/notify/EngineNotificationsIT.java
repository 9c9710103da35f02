package io.remoteappmanager.notify;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.EngineLink;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The engine going away (its socket cut) or hanging (muted) and coming back, through a link of the test's own so
 * the shared engine keeps running: each change of the engine's state, as the published status shows it, is one
 * event (an outage one when it begins and one when it ends), and the apps, whose state is unknown meanwhile, tell
 * nothing.
 */
@Execution(ExecutionMode.CONCURRENT)
class EngineNotificationsIT {

    static final AppKey ALICE = new AppKey("alice", "web");

    @TempDir
    Path specs;

    @Test
    void eachOutageOfTheEngineIsOneEventWhenItBeginsAndOneWhenItEnds() {
        try (WebhookReceiver receiver = WebhookReceiver.start();
                EngineLink link = EngineLink.toTestEngine();
                TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("notifyengine"),
                        "ram.specs.dir", specs.toString(), "ram.docker.host", link.dockerHost(),
                        "ram.docker.call-timeout", "5s", "ram.notify.webhooks[0].url", receiver.url()));
                TestController controller = new TestController(engine)) {
            List<Boolean> changes = new CopyOnWriteArrayList<>();
            controller.status.listen(snapshot -> record(snapshot.engine(), changes));
            controller.start();
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-web", "alice", HTTPD, "mappingId: web"));
            await().until(() -> controller.app(ALICE).map(AppStatus::phase).orElse(null) == Phase.Running);

            Instant outage = Instant.now();
            link.cut();
            await().until(() -> reachable(receiver).contains(false));
            link.restore();
            await().until(() -> last(reachable(receiver)) && reachable(receiver).size() >= 2);
            int beforeMute = reachable(receiver).size();
            link.mute();
            await().until(() -> reachable(receiver).size() > beforeMute);
            link.unmute();
            await().until(() -> last(reachable(receiver)) && controller.status.current().engine().trusted());

            assertThat(reachable(receiver)).as("one event per change of the engine's state, as the status showed it")
                    .isEqualTo(changes);
            assertThat(Received.of(receiver, "engine")).anySatisfy(hung -> assertThat(hung)
                    .startsWith("firing the engine is unreachable: ").contains("did not answer within 5000 ms"));
            assertThat(Received.of(receiver, "engine")).contains(
                    "resolved the engine answers again and its containers are listed");
            assertThat(receiver.accepted()).as("the apps' state is unknown meanwhile: no app event after the outage began")
                    .filteredOn(r -> !Instant.parse(r.json().get("time").asText()).isBefore(outage))
                    .isNotEmpty().allMatch(r -> r.json().get("type").asText().equals("engine"));
        }
    }

    /** Appends the engine's reachability when it differs from the last one recorded (reachable assumed at start). */
    private static void record(EngineState engine, List<Boolean> changes) {
        boolean last = changes.isEmpty() || changes.get(changes.size() - 1);
        if (!engine.equals(EngineState.starting(engine.since())) && engine.trusted() != last) {
            changes.add(engine.trusted());
        }
    }

    private static List<Boolean> reachable(WebhookReceiver receiver) {
        return receiver.accepted().stream().map(r -> r.json()).filter(e -> e.get("type").asText().equals("engine"))
                .map(e -> e.get("engine").get("reachable").asBoolean()).toList();
    }

    private static boolean last(List<Boolean> states) {
        return !states.isEmpty() && states.get(states.size() - 1);
    }
}
