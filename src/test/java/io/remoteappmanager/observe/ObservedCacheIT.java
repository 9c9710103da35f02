package io.remoteappmanager.observe;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.EngineLink;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The observed state as an informer keeps it, on the real engine: a pass that changes nothing asks the engine
 * nothing; a broken event stream is not trusted until the realm is listed again; an engine that stops answering
 * makes the controller not ready within the call timeout, and nothing is done until it answers again.
 */
@Execution(ExecutionMode.CONCURRENT)
class ObservedCacheIT {

    static final AppKey ALICE = new AppKey("alice", "web");
    static final AppKey BOB = new AppKey("bob", "web");

    @TempDir
    Path specs;

    @Test
    void aPassThatChangesNothingMakesNoEngineCall() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (TestEngine engine = TestEngine.withConfig(settings("noop"), metrics);
                TestController controller = new TestController(engine, metrics).start()) {
            writeTwoApps();
            await().until(() -> running(controller, ALICE) && running(controller, BOB));
            double before = calls(metrics, operation -> !operation.equals("ping"));

            for (int i = 0; i < 10; i++) {
                PassResult pass = controller.pass("test: nothing changed");
                assertThat(pass.plan().orElseThrow().isNoop()).isTrue();
            }

            assertThat(calls(metrics, operation -> !operation.equals("ping"))).as("engine calls").isEqualTo(before);
        }
    }

    @Test
    void theEventsOfTheControllersOwnChangesCostNoInspect() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (TestEngine engine = TestEngine.withConfig(settings("ownevents"), metrics);
                TestController controller = new TestController(engine, metrics).start()) {
            writeTwoApps();
            await().until(() -> running(controller, ALICE) && running(controller, BOB));
            String bob = controller.app(BOB).orElseThrow().containerId().orElseThrow();
            assertThat(calls(metrics, "inspect"::equals)).as("one read-back per launch").isEqualTo(2);

            SpecFiles.delete(specs, "alice.yaml");
            SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD, "mappingId: web",
                    "environment: {EDITED: \"1\"}"));
            await().until(() -> RealmContainers.ids(engine).keySet().equals(Set.of(BOB))
                    && running(controller, BOB) && !controller.app(BOB).orElseThrow().containerId().orElseThrow().equals(bob));

            // only the recreated container's read-back, while the stop, kill, die and destroy events keep arriving
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> calls(metrics, "inspect"::equals), count -> count == 3);
        }
    }

    @Test
    void aBrokenEventStreamIsTrustedAgainOnlyAfterTheRealmIsListedAgain() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (EngineLink link = EngineLink.toTestEngine();
                TestEngine engine = TestEngine.withConfig(settings("relist", "ram.docker.host", link.dockerHost()), metrics);
                TestController controller = new TestController(engine, metrics).start()) {
            writeTwoApps();
            await().until(() -> running(controller, ALICE) && running(controller, BOB));
            double lists = calls(metrics, "list"::equals);
            List<EngineState> seen = new CopyOnWriteArrayList<>();
            controller.status.listen(snapshot -> seen.add(snapshot.engine()));

            link.cut();
            link.restore();

            await().until(() -> calls(metrics, "list"::equals) > lists && controller.status.current().engine().trusted());
            assertThat(seen).as("not trusted between the break and the relist").anyMatch(state -> !state.trusted());
        }
    }

    @Test
    void anEngineThatStopsAnsweringMakesTheControllerNotReadyAndNothingIsDoneUntilItAnswers() throws Exception {
        try (EngineLink link = EngineLink.toTestEngine();
                TestEngine engine = TestEngine.withConfig(settings("hung", "ram.docker.host", link.dockerHost(),
                        "ram.docker.call-timeout", "5s"));
                TestEngine direct = TestEngine.withConfig(Map.of("ram.realm", engine.labels.realm()));
                TestController controller = new TestController(engine).start()) {
            writeTwoApps();
            await().until(() -> running(controller, ALICE) && running(controller, BOB));
            String alice = RealmContainers.ids(direct).get(ALICE);

            link.mute();
            EngineState down = await().atMost(Duration.ofSeconds(20)).until(() -> controller.status.current().engine(),
                    state -> !state.trusted());
            assertThat(down.error()).hasValueSatisfying(e -> assertThat(e).contains("did not answer within 5000 ms"));
            direct.docker.killContainerCmd(alice).exec();
            assertThat(controller.pass("test: while the engine hangs").engineError()).isPresent();

            link.unmute();

            await().atMost(Duration.ofSeconds(60)).until(() -> controller.status.current().engine().trusted()
                    && controller.app(ALICE).flatMap(AppStatus::lastAction).filter("restart"::equals).isPresent());
            assertThat(direct.runtime.inspect(alice)).as("the same container, started again")
                    .map(RuntimeContainer::isRunning).contains(true);
        }
    }

    private void writeTwoApps() {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-web", "alice", HTTPD, "mappingId: web"));
        SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD, "mappingId: web"));
    }

    private Map<String, String> settings(String purpose, String... more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("ram.realm", TestEngine.uniqueRealm(purpose),
                "ram.specs.dir", specs.toString()));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    private static boolean running(TestController controller, AppKey key) {
        return controller.app(key).map(AppStatus::phase).filter(Phase.Running::equals).isPresent();
    }

    private static double calls(SimpleMeterRegistry metrics, Predicate<String> operation) {
        return metrics.find("ram.docker.api.calls").counters().stream()
                .filter(c -> operation.test(c.getId().getTag("operation")))
                .mapToDouble(Counter::count).sum();
    }
}
