package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.CRASH;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.testing.ControllerProcess;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step of the controller's wall clock, an hour back and then a day forward (libfaketime moves it; the monotonic
 * clock runs on), changes no retry and fails no health check: a crash-looping app keeps being restarted at its
 * back-off pace, a healthy app keeps its container, and a crash after the step is seen and restarted at once (the
 * cache's order of reads survives the step). Needs scripts/faketime.sh (RAM_TEST_LIBFAKETIME).
 */
class WallClockStepIT {

    static final AppKey CRASHING = new AppKey("alice", "crashing");
    static final AppKey HEALTHY = new AppKey("alice", "healthy");
    /** Restarts that prove the loop goes on after a step; with a 1 s to 2 s back-off they take some 10 s. */
    static final int RESTARTS = 3;

    @TempDir
    Path dir;

    @Test
    void aSteppedWallClockChangesNoBackOffAndRecreatesNothing() throws Exception {
        Path library = Path.of(System.getenv().getOrDefault("RAM_TEST_LIBFAKETIME",
                "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"));
        assumeTrue(Files.isRegularFile(library), "libfaketime is not installed (scripts/faketime.sh install)");
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Path offset = dir.resolve("faketime");
        Path clock = dir.resolve("clock");
        Files.writeString(offset, "+0\n");
        String realm = TestEngine.uniqueRealm("clockstep");
        try (TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", realm, "ram.specs.dir", specs.toString()))) {
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("crashing", "alice", CRASH, "restartPolicy: Always")
                    + "---\n" + SpecFiles.app("healthy", "alice", HTTPD));
            List<Event> events = new CopyOnWriteArrayList<>();
            Closeable following = follow(engine, events);
            Process controller = ControllerProcess.launch(realm, specs,
                    Map.of("ram.reconcile.initial-backoff", "1s", "ram.reconcile.max-backoff", "2s"),
                    Map.of("LD_PRELOAD", library.toString(),
                            "FAKETIME_TIMESTAMP_FILE", offset.toString(),
                            "FAKETIME_NO_CACHE", "1",
                            "FAKETIME_DONT_FAKE_MONOTONIC", "1",
                            // libfaketime 0.9.10 otherwise turns the JVM's waits on monotonic condition variables
                            // into waits of decades (its pthread_cond_timedwait shifts them by the wall clock)
                            "FAKETIME_FORCE_MONOTONIC_FIX", "0",
                            ControllerProcess.CLOCK_FILE, clock.toString()));
            try (following) {
                await().atMost(Duration.ofSeconds(60)).until(() -> RealmContainers.ids(engine).size() == 2
                        && engine.docker.inspectContainerCmd(RealmContainers.ids(engine).get(HEALTHY)).exec()
                                .getState().getRunning());
                String healthy = RealmContainers.ids(engine).get(HEALTHY);
                awaitRestarts(events, healthy);

                step(offset, clock, "-1h", Duration.ofHours(-1));
                awaitRestarts(events, healthy);
                // what the engine tells after the step still counts: the healthy app, killed now, runs again at once
                int beforeKill = events.size();
                engine.docker.killContainerCmd(healthy).exec();
                await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().skip(beforeKill)
                        .anyMatch(e -> healthy.equals(e.getId()) && "start".equals(e.getAction())));
                step(offset, clock, "+1d", Duration.ofDays(1));
                awaitRestarts(events, healthy);

                assertThat(RealmContainers.byKey(engine).get(HEALTHY)).as("the healthy app's containers")
                        .singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(healthy));
                assertThat(engine.docker.inspectContainerCmd(healthy).exec().getState().getRunning())
                        .as("the healthy app still runs").isTrue();
                assertThat(events.stream().filter(e -> healthy.equals(e.getId())).map(Event::getAction))
                        .as("engine events of the healthy container").doesNotContain("stop", "destroy")
                        .filteredOn("die"::equals).hasSize(1);
            } finally {
                controller.destroyForcibly();
                assertThat(controller.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    /** Steps the controller's wall clock to {@code spec} (libfaketime's offset) and waits until it reports it. */
    private static void step(Path offset, Path clock, String spec, Duration by) throws IOException {
        Files.writeString(offset, spec + "\n");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> Duration.between(
                Instant.now().plus(by), ControllerProcess.reportedClock(clock)).abs().compareTo(Duration.ofMinutes(1)) < 0);
    }

    /** Waits until the crash-looping app was started {@link #RESTARTS} times from now on. */
    private static void awaitRestarts(List<Event> events, String healthy) {
        long before = starts(events, healthy);
        await().atMost(Duration.ofSeconds(30)).until(() -> starts(events, healthy) >= before + RESTARTS);
    }

    private static long starts(List<Event> events, String healthy) {
        return events.stream().filter(e -> "start".equals(e.getAction()) && !healthy.equals(e.getId())).count();
    }

    /** Follows the engine's container events of the realm into {@code events} until closed. */
    private static Closeable follow(TestEngine engine, List<Event> events) {
        return engine.docker.eventsCmd().withEventTypeFilter("container").withLabelFilter(engine.labels.realmFilter())
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        events.add(event);
                    }
                });
    }
}
