package io.remoteappmanager.notify;

import static io.remoteappmanager.testing.TestEngine.CRASH;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.Transition;
import io.remoteappmanager.testing.FreePort;
import io.remoteappmanager.testing.PausingRuntime;
import io.remoteappmanager.testing.SilentServer;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A controller on the real engine with three webhooks (a receiver on loopback, one that refuses connections, one
 * that accepts and never answers): the receiver gets one signed event per change of an app's trouble and per spec
 * problem, while the two failing webhooks slow no pass and hold up no app; an app Pending too long is told once.
 */
@Execution(ExecutionMode.CONCURRENT)
class NotificationsEndToEndIT {

    static final AppKey BOB = new AppKey("bob", "web");
    static final AppKey CRASHER = new AppKey("carl", "crash");
    static final AppKey SLOW = new AppKey("dave", "slow");
    static final AppKey LATE = new AppKey("erin", "web");
    static final String SECRET = "s3cret";
    /** How long the hanging webhook holds each try (ram.notify.timeout): a pass that waited for it would last as long. */
    static final Duration HANG = Duration.ofSeconds(10);

    @TempDir
    Path specs;

    @Test
    void eachChangeIsToldOnceSignedWhileDeadAndHangingWebhooksSlowNothing() throws Exception {
        MeterRegistry metrics = new SimpleMeterRegistry();
        try (WebhookReceiver receiver = WebhookReceiver.start();
                SilentServer hanging = SilentServer.start();
                TestEngine engine = TestEngine.withConfig(settings(receiver, hanging));
                TestController controller = new TestController(engine, metrics).start()) {
            SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD, "mappingId: web"));
            await().until(() -> phase(controller, BOB) == Phase.Running);

            // It exits a second after each start, so its creation succeeds and the restarts loop.
            SpecFiles.write(specs, "carl.yaml", SpecFiles.app("carl-crash", "carl", CRASH, "mappingId: crash",
                    "command: [/bin/sh, -c, 'sleep 1; exit 1']"));
            await().until(() -> entries(controller, CRASHER, Phase.CrashLoopBackOff) >= 2
                    && last(Received.app(receiver, "carl/crash")).endsWith("->CrashLoopBackOff"));

            // While two webhooks fail, passes complete and a new app converges.
            await().until(() -> failed(metrics, "dead") > 0 && hanging.connections() > 0);
            assertThat(controller.pass("test: while webhooks fail").engineError()).isEmpty();
            SpecFiles.write(specs, "erin.yaml", SpecFiles.app("erin-web", "erin", HTTPD, "mappingId: web"));
            await().until(() -> phase(controller, LATE) == Phase.Running);
            assertThat(delivered(metrics, "dead") + delivered(metrics, "hanging")).as("nothing got through").isZero();

            SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD, "mappingId: web",
                    "restartPolicy: Sometimes"));
            await().untilAsserted(() -> assertThat(Received.all(receiver)).contains("app firing Running->Invalid bob/web")
                    .anyMatch(e -> e.startsWith("spec-problem firing")));
            SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD, "mappingId: web"));
            SpecFiles.delete(specs, "carl.yaml");
            await().untilAsserted(() -> assertThat(Received.all(receiver))
                    .contains("app resolved Invalid->Running bob/web", "app resolved CrashLoopBackOff->null carl/crash")
                    .anyMatch(e -> e.startsWith("spec-problem resolved")));
            controller.pass("test: one more pass tells nothing new");

            // Whether its first start fails (Failed) before the loop depends on timing; the loop is one event.
            List<String> carl = Received.app(receiver, "carl/crash");
            assertThat(carl).as("a crash loop is one episode, however many restarts")
                    .filteredOn(e -> e.endsWith("->CrashLoopBackOff")).singleElement().asString().startsWith("firing ");
            assertThat(carl).last().isEqualTo("resolved CrashLoopBackOff->null");
            assertChained(carl);
            assertThat(Received.app(receiver, "bob/web"))
                    .containsExactly("firing Running->Invalid", "resolved Invalid->Running");
            assertThat(Received.of(receiver, "spec-problem")).hasSize(2).satisfies(events -> {
                assertThat(events.get(0)).startsWith("firing spec problem: bob.yaml:").contains("restartPolicy");
                assertThat(events.get(1)).startsWith("resolved spec problem cleared: bob.yaml:");
            });
            assertThat(Received.app(receiver, "erin/web")).as("an app that converged is no news").isEmpty();
            assertThat(receiver.accepted()).as("every event signed").allMatch(r -> r.signedWith(SECRET,
                    Duration.ofMinutes(5)));
            assertThat(receiver.accepted()).extracting(r -> r.json().get("realm").asText())
                    .containsOnly(engine.config.realm());
            assertThat(receiver.requests()).as("each event once").hasSameSizeAs(receiver.accepted());
            // the passes that published these events, the hanging webhook holding its tries meanwhile
            Timer passes = metrics.get("ram.reconcile.pass").timer();
            assertThat(Duration.ofNanos((long) passes.max(TimeUnit.NANOSECONDS))).as("the longest of %d passes",
                    passes.count()).isLessThan(HANG);
        }
    }

    @Test
    void anAppPendingTooLongIsToldOncePerStay() throws Exception {
        PausingRuntime launches = PausingRuntime.control();
        try (WebhookReceiver receiver = WebhookReceiver.start();
                TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("pending"),
                        "ram.specs.dir", specs.toString(), "ram.notify.pending-too-long", "1s",
                        "ram.notify.webhooks[0].url", receiver.url()));
                TestController controller = new TestController(engine,
                        PausingRuntime.pauseOn(engine.runtime, "launch", launches), new SimpleMeterRegistry()).start()) {
            SpecFiles.write(specs, "dave.yaml", SpecFiles.app("dave-slow", "dave", HTTPD, "mappingId: slow"));
            assertThat(launches.entered.await(30, TimeUnit.SECONDS)).as("the create began").isTrue();

            await().until(() -> Received.app(receiver, "dave/slow").size() == 1);
            controller.loop.trigger("test: a pass while it is still Pending");
            Instant pass = controller.lastPass().finishedAt().orElseThrow();
            await().until(() -> controller.lastPass().finishedAt().orElseThrow().isAfter(pass));
            launches.release.countDown();
            await().until(() -> phase(controller, SLOW) == Phase.Running
                    && Received.app(receiver, "dave/slow").size() == 2);

            assertThat(Received.app(receiver, "dave/slow"))
                    .containsExactly("firing Pending->PendingTooLong", "resolved PendingTooLong->Running");
            assertThat(receiver.accepted().get(0).json().get("reason").asText())
                    .startsWith("Pending for more than 1s: created: no container for dave/slow");
        }
    }

    private Map<String, String> settings(WebhookReceiver receiver, SilentServer hanging) {
        Map<String, String> settings = new HashMap<>();
        settings.put("ram.realm", TestEngine.uniqueRealm("notify"));
        settings.put("ram.specs.dir", specs.toString());
        // longer than the crashing app runs, so it waits in CrashLoopBackOff between its restarts
        settings.put("ram.reconcile.initial-backoff", "2s");
        settings.put("ram.reconcile.max-backoff", "4s");
        settings.put("ram.notify.pending-too-long", "10m");
        settings.put("ram.notify.timeout", HANG.toSeconds() + "s");
        settings.put("ram.notify.initial-backoff", "200ms");
        settings.put("ram.notify.max-backoff", "1s");
        settings.put("ram.notify.webhooks[0].url", receiver.url());
        settings.put("ram.notify.webhooks[0].secret", SECRET);
        settings.put("ram.notify.webhooks[0].name", "receiver");
        settings.put("ram.notify.webhooks[1].url", "http://127.0.0.1:" + FreePort.onLoopback() + "/hook");
        settings.put("ram.notify.webhooks[1].name", "dead");
        settings.put("ram.notify.webhooks[2].url", "http://" + hanging.address() + "/hook");
        settings.put("ram.notify.webhooks[2].name", "hanging");
        return settings;
    }

    /** Each event starts where the one before ended: none missed, none told twice. */
    private static void assertChained(List<String> events) {
        for (int i = 1; i < events.size(); i++) {
            String before = events.get(i - 1);
            assertThat(events.get(i)).as("event %d of %s", i, events)
                    .contains(" " + before.substring(before.indexOf("->") + 2) + "->");
        }
    }

    private static String last(List<String> events) {
        return events.isEmpty() ? "" : events.get(events.size() - 1);
    }

    private static Phase phase(TestController controller, AppKey key) {
        return controller.app(key).map(AppStatus::phase).orElse(null);
    }

    private static long entries(TestController controller, AppKey key, Phase phase) {
        List<Transition> transitions = controller.app(key).map(AppStatus::transitions).orElse(List.of());
        return transitions.stream().filter(t -> t.to() == phase).count();
    }

    private static double failed(MeterRegistry metrics, String sink) {
        return metrics.get("ram.notify.failed").tag("sink", sink).counter().count();
    }

    private static double delivered(MeterRegistry metrics, String sink) {
        return metrics.get("ram.notify.delivered").tag("sink", sink).counter().count();
    }
}
