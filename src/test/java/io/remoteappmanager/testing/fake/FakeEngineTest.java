package io.remoteappmanager.testing.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.EngineTimeoutException;
import io.remoteappmanager.runtime.EngineUnavailableException;
import io.remoteappmanager.runtime.LaunchFailedException;
import io.remoteappmanager.runtime.NameConflictException;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeFault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake engine keeps containers, emits the real engine's events, and fails, hangs and paces as a test asks. */
class FakeEngineTest {

    static final String HTTPD = "ram-test/httpd:1";
    static final Map<String, String> REALM = Map.of("realm", "fake");

    FakeEngine engine;
    EventLog log;

    @BeforeEach
    void start() {
        engine = new FakeEngine().withImages(HTTPD);
        log = new EventLog();
        engine.watch(REALM, log);
        await().until(log::isStarted);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    static ContainerRequest request(String name, String image, PullPolicy pull) {
        return new ContainerRequest(name, image, pull, REALM, Map.of(), List.of(), 8080, "127.0.0.1", List.of(),
                new ContainerRequest.Limits(0, 0, 0), new ContainerRequest.Security(true, List.of(), true),
                RestartPolicy.Always, ContainerRequest.Placement.ANYWHERE, Optional.empty(), List.of());
    }

    @Test
    void aLaunchCreatesAndStartsWithoutAReadBackOnADistinctPortWithTheEnginesEvents() {
        RuntimeContainer a = engine.launch(request("a", HTTPD, PullPolicy.IfNotPresent));
        RuntimeContainer b = engine.launch(request("b", HTTPD, PullPolicy.IfNotPresent));

        assertThat(a.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(a.endpoint()).as("the port is the start event's reader's to learn").isEmpty();
        assertThat(a.labels()).as("its own, and its network as the Docker runtime records it")
                .containsAllEntriesOf(REALM).containsEntry("remoteappmanager.network", "bridge").hasSize(2);
        assertThat(engine.calls()).containsEntry(EngineCall.CREATE, 2L).containsEntry(EngineCall.START, 2L)
                .containsEntry(EngineCall.INSPECT, 0L).containsEntry(EngineCall.PULL, 0L);
        Endpoint atA = engine.inspect(a.id()).orElseThrow().endpoint().orElseThrow();
        assertThat(atA.host()).isEqualTo("127.0.0.1");
        assertThat(atA).isNotEqualTo(engine.inspect(b.id()).orElseThrow().endpoint().orElseThrow());
        await().until(() -> log.actions(a.id()).equals(List.of("create", "start")));
        assertThat(log.events().get(0).labels()).containsEntry("name", "a").containsEntry("image", HTTPD);
    }

    @Test
    void aTakenNameIsAConflictAndCreatesNothing() {
        engine.launch(request("a", HTTPD, PullPolicy.IfNotPresent));

        assertThatThrownBy(() -> engine.launch(request("a", HTTPD, PullPolicy.IfNotPresent)))
                .isInstanceOf(NameConflictException.class).hasMessageContaining("create a failed: Conflict");
        assertThat(engine.list(REALM)).hasSize(1);
    }

    @Test
    void stopRestartAndRemoveEmitWhatTheEngineEmits() {
        String id = engine.launch(request("a", HTTPD, PullPolicy.IfNotPresent)).id();

        RuntimeContainer stopped = engine.stop(id);
        assertThat(stopped.state()).isEqualTo(ContainerState.EXITED);
        assertThat(stopped.exitCode()).hasValue(0);
        assertThat(stopped.endpoint()).isEmpty();
        engine.stop(id); // a stopped container: nothing happens
        assertThat(engine.restart(id).isRunning()).isTrue();
        engine.remove(id);
        engine.remove(id); // gone: no error

        await().until(() -> log.actions(id).size() == 10);
        assertThat(log.actions(id)).containsExactly("create", "start", "kill 15", "die 0", "stop", "start",
                "kill 15", "die 0", "stop", "destroy");
    }

    @Test
    void outsideChangesAreSeenAsTheEngineReportsThem() {
        String killed = engine.launch(request("a", HTTPD, PullPolicy.IfNotPresent)).id();
        String exited = engine.launch(request("b", HTTPD, PullPolicy.IfNotPresent)).id();
        String foreign = engine.runForeign("c", HTTPD, REALM);
        long before = engine.totalCalls();

        engine.kill(killed);
        engine.exit(exited, 3);
        engine.removeBehind(foreign);

        assertThat(engine.totalCalls()).as("changes from outside are no calls of the controller").isEqualTo(before);
        assertThat(engine.inspect(killed).orElseThrow().exitCode()).hasValue(137);
        assertThat(engine.inspect(exited).orElseThrow().exitCode()).hasValue(3);
        assertThat(engine.inspect(foreign)).isEmpty();
        await().until(() -> log.actions(foreign).size() == 5);
        assertThat(log.actions(killed)).endsWith("kill 9", "die 137");
        assertThat(log.actions(exited)).endsWith("start", "die 3");
        assertThat(log.actions(foreign)).containsExactly("create", "start", "kill 9", "die 137", "destroy");
    }

    @Test
    void imagesArePulledAsThePullPolicySays() {
        assertThatThrownBy(() -> engine.launch(request("a", "absent:1", PullPolicy.Never)))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessage("image absent:1 is not present and imagePullPolicy is Never");
        assertThatThrownBy(() -> engine.launch(request("b", HTTPD, PullPolicy.Always)))
                .isInstanceOf(LaunchFailedException.class).hasMessageStartingWith("pulling image " + HTTPD + " failed:");

        engine.publish(FakeImage.serving("remote:1"));
        RuntimeContainer pulled = engine.inspect(engine.launch(request("c", "remote:1", PullPolicy.IfNotPresent)).id())
                .orElseThrow();
        assertThat(pulled.imageDigest()).isPresent();
        assertThat(engine.calls()).containsEntry(EngineCall.PULL, 2L).containsEntry(EngineCall.CREATE, 3L);
        assertThat(engine.image("remote:1").orElseThrow().repoDigests()).hasSize(1);
        assertThat(engine.registryDigest("remote:1")).isEqualTo(pulled.imageDigest().orElseThrow());
    }

    @Test
    void aFailedStartRemovesWhatTheLaunchCreated() {
        engine.failNext(EngineCall.START, FakeEngine.error("no space left on device"));

        assertThatThrownBy(() -> engine.launch(request("a", HTTPD, PullPolicy.IfNotPresent)))
                .isInstanceOf(LaunchFailedException.class).hasMessageContaining("no space left on device");
        assertThat(engine.list(REALM)).isEmpty();
        assertThat(engine.launch(request("a", HTTPD, PullPolicy.IfNotPresent)).isRunning()).as("once only").isTrue();
    }

    @Test
    void aFaultLastsUntilHealedAndAListCanFail() {
        engine.fail(EngineCall.LIST, FakeEngine.error("boom"));
        assertThatThrownBy(() -> engine.list(REALM)).isInstanceOf(RuntimeFault.class).hasMessage("list failed: boom");
        assertThatThrownBy(() -> engine.list(REALM)).isInstanceOf(RuntimeFault.class);
        engine.heal(EngineCall.LIST);
        assertThat(engine.list(REALM)).isEmpty();
    }

    @Test
    void aHungCallFailsAtItsDeadlineWhenTheTestSaysItHasPassed() {
        Hang hang = engine.hang(EngineCall.CREATE);
        CompletableFuture<RuntimeContainer> launch = CompletableFuture.supplyAsync(
                () -> engine.launch(request("a", HTTPD, PullPolicy.IfNotPresent)));
        await().until(hang::entered);
        assertThat(hang.operation()).contains("create a");
        assertThat(launch).isNotDone();

        hang.expire();

        assertThatThrownBy(launch::join).hasCauseInstanceOf(EngineTimeoutException.class)
                .hasMessageContaining("create a did not answer within 30000 ms (ram.docker.call-timeout)");
        assertThat(engine.peek("a")).isEmpty();
    }

    @Test
    void aCallThatHangsAfterItsEffectLeavesTheContainerAndAReleasedOneAnswersLate() {
        Hang lost = engine.hangAfterEffect(EngineCall.CREATE);
        CompletableFuture<RuntimeContainer> first = CompletableFuture.supplyAsync(
                () -> engine.launch(request("a", HTTPD, PullPolicy.IfNotPresent)));
        await().until(lost::entered);
        lost.expire();
        assertThatThrownBy(first::join).hasCauseInstanceOf(EngineTimeoutException.class);
        assertThat(engine.peek("a").orElseThrow().state()).as("created, never started").isEqualTo(ContainerState.CREATED);

        Hang slow = engine.hang(EngineCall.START);
        CompletableFuture<RuntimeContainer> second = CompletableFuture.supplyAsync(
                () -> engine.launch(request("b", HTTPD, PullPolicy.IfNotPresent)));
        await().until(slow::entered);
        slow.release();
        assertThat(second.join().isRunning()).isTrue();
    }

    @Test
    void aHungCallWithNobodyToReleaseItFailsAtTheConfiguredDeadline() {
        FakeEngine strict = new FakeEngine(io.remoteappmanager.testing.TestEngine.config(
                Map.of("ram.docker.call-timeout", "50ms")));
        strict.hang(EngineCall.PING);

        assertThatThrownBy(strict::ping).isInstanceOf(EngineTimeoutException.class)
                .hasMessage("ping did not answer within 50 ms (ram.docker.call-timeout)");
        strict.close();
    }

    @Test
    void anOutageFailsEveryCallAndBreaksTheStreamOnce() {
        engine.down();

        assertThatThrownBy(engine::ping).isInstanceOf(EngineUnavailableException.class);
        await().until(() -> log.broken().isPresent());
        EventLog refused = new EventLog();
        engine.watch(REALM, refused);
        await().until(() -> refused.broken().isPresent());
        assertThat(refused.isStarted()).isFalse();

        engine.up();
        engine.ping();
        EventLog again = new EventLog();
        engine.watch(REALM, again);
        await().until(again::isStarted);
        assertThat(log.breaks()).isEqualTo(1);
    }

    @Test
    void aDroppedStreamBreaksOnceAndHearsNothingMore() {
        engine.breakStreams();
        await().until(() -> log.broken().isPresent());
        engine.launch(request("a", HTTPD, PullPolicy.IfNotPresent));

        EventLog later = new EventLog();
        engine.watch(REALM, later);
        engine.launch(request("b", HTTPD, PullPolicy.IfNotPresent));
        await().until(() -> later.actions().size() == 2);
        assertThat(log.events()).isEmpty();
        assertThat(log.breaks()).isEqualTo(1);
    }

    @Test
    void thePaceLimitsCallsUnderWay() {
        engine.paced(Duration.ofMillis(20), 2);
        long start = System.nanoTime();

        IntStream.range(0, 6).parallel().forEach(i -> engine.ping());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("6 calls of 20 ms, 2 at a time")
                .isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }
}
