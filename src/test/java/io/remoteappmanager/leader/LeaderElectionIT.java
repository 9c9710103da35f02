package io.remoteappmanager.leader;

import static io.remoteappmanager.testing.TestEngine.CRASH;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.ControllerProcess;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two controllers of one realm on the real engine, one webhook: the first, a process of its own, leads; the second,
 * in this JVM, stands by with its status current. Only the leader creates containers and each change of an app is
 * told once; SIGKILL of the leader makes the standby lead within 2 s (one retry period and the kernel's release of
 * the lock), tell the change of leader once, and act, without telling again the crash loop it watched as a standby.
 */
class LeaderElectionIT {

    static final AppKey BOB = new AppKey("bob", "web");
    static final AppKey ERIN = new AppKey("erin", "web");
    static final Duration TAKEOVER = Duration.ofSeconds(2);

    @TempDir
    Path specs;

    @TempDir
    Path state;

    @Test
    void onlyTheLeaderActsAndTellsAndTheStandbyLeadsWithinTwoSecondsOfItsDeath() throws Exception {
        String realm = TestEngine.uniqueRealm("lead");
        try (WebhookReceiver receiver = WebhookReceiver.start();
                TestEngine engine = TestEngine.withConfig(settings(realm, receiver))) {
            Map<String, String> childSettings = new HashMap<>(settings(realm, receiver));
            childSettings.keySet().removeAll(List.of("ram.realm", "ram.specs.dir"));
            Process first = ControllerProcess.launch(realm, specs, childSettings, Map.of());
            try {
                await().atMost(ControllerProcess.BOOT).until(() -> leaseNames(":" + first.pid()));
                MeterRegistry metrics = new SimpleMeterRegistry();
                try (TestController second = new TestController(engine, metrics).start()) {
                    assertThat(second.app.leadership().leads()).as("the lease is held by the first").isFalse();
                    await().until(() -> second.status.current().leader().leader()
                            .filter(leader -> leader.endsWith(":" + first.pid())).isPresent());

                    SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD, "mappingId: web"));
                    // It exits a second after each start, so its creation succeeds and the restarts loop.
                    SpecFiles.write(specs, "carl.yaml", SpecFiles.app("carl-crash", "carl", CRASH, "mappingId: crash",
                            "command: [/bin/sh, -c, 'sleep 1; exit 1']"));
                    await().atMost(Duration.ofMinutes(2)).until(() -> phase(second, BOB) == Phase.Running
                            && crashLoops(receiver) >= 1);
                    // A change both controllers see alike: a spec that turns invalid (two tellers tell it twice).
                    SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD, "mappingId: web",
                            "restartPolicy: Sometimes"));
                    await().until(() -> appEvents(receiver, "bob/web").stream().anyMatch(e -> e.contains("->Invalid")));
                    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                            .until(() -> crashLoops(receiver) == 1 && events(receiver, "spec-problem").size() == 1
                                    && appEvents(receiver, "bob/web").size() == 1);
                    SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD, "mappingId: web"));
                    await().until(() -> appEvents(receiver, "bob/web").size() == 2
                            && events(receiver, "spec-problem").size() == 2);
                    assertThat(actions(metrics)).as("the standby acted on nothing").isZero();
                    assertThat(RealmContainers.byKey(engine).values()).allSatisfy(cs -> assertThat(cs).hasSize(1));

                    long killed = System.nanoTime();
                    first.destroyForcibly(); // SIGKILL
                    await().atMost(TAKEOVER.plusSeconds(3)).pollInterval(Duration.ofMillis(10))
                            .until(() -> second.app.leadership().leads());
                    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
                    System.out.printf("leader election: the standby led %d ms after SIGKILL of the leader%n",
                            takeover.toMillis());
                    assertThat(takeover).isLessThanOrEqualTo(TAKEOVER);

                    SpecFiles.write(specs, "erin.yaml", SpecFiles.app("erin-web", "erin", HTTPD, "mappingId: web"));
                    await().atMost(Duration.ofMinutes(1)).until(() -> phase(second, ERIN) == Phase.Running);
                    assertThat(actions(metrics)).as("the new leader acts").isPositive();
                    await().until(() -> events(receiver, "leader").size() == 1);
                    JsonNode handover = events(receiver, "leader").get(0);
                    assertThat(handover.get("from").asText()).endsWith(":" + first.pid());
                    assertThat(handover.get("to").asText()).isEqualTo(second.status.current().leader().self());
                    // longer than the longest back-off, so the new leader restarts the crashing app at least once
                    await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                            .until(() -> events(receiver, "leader").size() == 1 && crashLoops(receiver) == 1);
                    assertThat(appEvents(receiver, "bob/web")).as("the new leader tells nothing already known")
                            .hasSize(2);
                    assertThat(appEvents(receiver, "carl/crash")).as("the crash loop, told once across the takeover")
                            .hasSize(1);
                }
            } finally {
                first.destroyForcibly();
                first.waitFor();
            }
        }
    }

    private Map<String, String> settings(String realm, WebhookReceiver receiver) {
        return Map.of("ram.realm", realm, "ram.specs.dir", specs.toString(),
                "ram.leader-election.enabled", "true",
                "ram.leader-election.lock-file", state.resolve("realm.lock").toString(),
                // longer than the crashing app runs, so it waits in CrashLoopBackOff between its restarts
                "ram.reconcile.initial-backoff", "2s", "ram.reconcile.max-backoff", "4s",
                "ram.notify.initial-backoff", "200ms", "ram.notify.webhooks[0].url", receiver.url());
    }

    /** Whether the lease file names a controller whose identity ends with {@code suffix}. */
    private boolean leaseNames(String suffix) throws IOException {
        Path lease = state.resolve("realm.lock");
        return Files.exists(lease) && Files.readString(lease).strip().endsWith(suffix);
    }

    private static List<JsonNode> events(WebhookReceiver receiver, String type) {
        return receiver.accepted().stream().map(WebhookReceiver.Request::json)
                .filter(e -> e.get("type").asText().equals(type)).toList();
    }

    /** The app events about {@code key}, as {@code firing Restarting->CrashLoopBackOff at <time>}. */
    private static List<String> appEvents(WebhookReceiver receiver, String key) {
        return events(receiver, "app").stream().filter(e -> e.get("app").get("key").asText().equals(key))
                .map(e -> e.get("state").asText() + " " + e.get("from").asText() + "->" + e.get("to").asText()
                        + " at " + e.get("time").asText())
                .toList();
    }

    private static long crashLoops(WebhookReceiver receiver) {
        return appEvents(receiver, "carl/crash").stream().filter(e -> e.contains("->CrashLoopBackOff")).count();
    }

    private static double actions(MeterRegistry metrics) {
        return metrics.find("ram.actions").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static Phase phase(TestController controller, AppKey key) {
        return controller.app(key).map(AppStatus::phase).orElse(null);
    }
}
