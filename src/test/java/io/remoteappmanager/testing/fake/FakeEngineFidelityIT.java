package io.remoteappmanager.testing.fake;

import static io.remoteappmanager.testing.TestEngine.CRASH;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.testing.TestEngine;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * FakeEngine is checked against dockerd: one script of the runtime's operations and of changes made behind its back
 * (a kill, a process that exits by itself) gives, on each, the same events per container in the same order and the
 * same observed state after each step. The fast tier's controller tests are only as good as this likeness.
 */
class FakeEngineFidelityIT {

    @Test
    void theSameScriptGivesTheSameEventsAndStatesOnTheFakeAsOnDockerd() throws IOException {
        try (TestEngine real = TestEngine.withFreshRealm("fidelity")) {
            Map<String, String> labels = real.labels.realmFilter();
            String prefix = real.config.realm() + "-";
            Trace onDockerd = run(real.runtime, labels, prefix, id -> real.docker.killContainerCmd(id).exec(),
                    crashing -> { });
            FakeEngine fake = new FakeEngine().withImages(HTTPD, CRASH);
            Trace onFake = run(fake, labels, prefix, fake::kill, crashing -> fake.exit(crashing, 1));

            assertThat(onFake.states).as("observed states, step by step").isEqualTo(onDockerd.states);
            assertThat(onFake.events).as("events per container, in order").isEqualTo(onDockerd.events);
            assertThat(onDockerd.events.get("web")).as("the script saw the stop, the kill and the removal")
                    .contains("kill 15", "kill 9", "die 137", "destroy");
        }
    }

    /** The script, on one engine: {@code kill} kills behind its back, {@code exits} makes a crash image's process end. */
    private static Trace run(ContainerRuntime engine, Map<String, String> labels, String prefix, Consumer<String> kill,
            Consumer<String> exits) throws IOException {
        EventLog log = new EventLog();
        Trace trace = new Trace();
        try (Closeable watch = engine.watch(labels, log)) {
            await().until(log::isStarted);
            RuntimeContainer web = engine.launch(request(prefix + "web", HTTPD, labels));
            trace.saw("launched", web);
            trace.saw("stopped", engine.stop(web.id()));
            trace.saw("restarted", engine.restart(web.id()));
            kill.accept(web.id());
            trace.saw("killed", settled(engine, web.id()));
            engine.remove(web.id());
            RuntimeContainer crash = engine.launch(request(prefix + "crash", CRASH, labels));
            exits.accept(crash.id());
            trace.saw("exited", settled(engine, crash.id()));
            engine.remove(crash.id());
            RuntimeContainer running = engine.launch(request(prefix + "running", HTTPD, labels));
            engine.remove(running.id());
            List<String> ids = List.of(web.id(), crash.id(), running.id());
            await()
                    .until(() -> ids.stream().allMatch(id -> log.actions(id).contains("destroy")));
            assertThat(engine.list(labels)).as("the script leaves nothing behind").isEmpty();
            Function<String, String> named = id -> id.equals(web.id()) ? "web" : id.equals(crash.id()) ? "crash"
                    : "running";
            ids.forEach(id -> trace.events.put(named.apply(id), log.actions(id)));
        }
        return trace;
    }

    /** The container once its process has ended, as the engine reports it. */
    private static RuntimeContainer settled(ContainerRuntime engine, String id) {
        return await().until(() -> engine.inspect(id).orElseThrow(),
                c -> c.state() == ContainerState.EXITED);
    }

    private static ContainerRequest request(String name, String image, Map<String, String> labels) {
        return new ContainerRequest(name, image, PullPolicy.IfNotPresent, labels, Map.of(), List.of(), 8888,
                "127.0.0.1", List.of(), new ContainerRequest.Limits(0, 0, 0),
                new ContainerRequest.Security(true, List.of(), true), RestartPolicy.Never,
                ContainerRequest.Placement.ANYWHERE, java.util.Optional.empty(), List.of());
    }

    /** What one engine showed: the state after each step, and each container's events. */
    private static final class Trace {
        final List<String> states = new ArrayList<>();
        final Map<String, List<String>> events = new LinkedHashMap<>();

        void saw(String step, RuntimeContainer container) {
            OptionalInt code = container.state() == ContainerState.RUNNING ? OptionalInt.empty() : container.exitCode();
            states.add(step + ": " + container.state() + " exit " + code + " image " + container.image()
                    + " published " + container.endpoint().isPresent() + " labels " + container.labels().keySet());
        }
    }
}
