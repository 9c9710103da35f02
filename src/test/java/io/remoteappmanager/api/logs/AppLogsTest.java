package io.remoteappmanager.api.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.api.ApiException;
import io.remoteappmanager.app.RemoteAppManager;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.runtime.LogLine.Source;
import io.remoteappmanager.runtime.LogQuery;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.ManualJobs;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.fake.FakeEngine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logs endpoint's reading and writing on the fake engine: formats, tail, previous run, limits, followers. */
class AppLogsTest {

    static final String HTTPD = "ram-test/httpd:1";
    static final AppKey ALICE = new AppKey("alice", "web");
    static final AppLogs.Settings LIMITS = new AppLogs.Settings(100, 1, Duration.ofSeconds(30));

    @TempDir
    Path specs;
    FakeEngine engine;
    RemoteAppManager controller;
    AppLogs logs;
    String id;

    @BeforeEach
    void start() {
        RamConfig config = TestEngine.config(Map.of("ram.realm", "fakelogs", "ram.specs.dir", specs.toString(),
                "ram.readiness.enabled", "false", "ram.reconcile.initial-backoff", "1ms"));
        engine = new FakeEngine(config).withImages(HTTPD);
        controller = RemoteAppManager.assemble(config, engine, new SimpleMeterRegistry(), new ManualJobs());
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD));
        controller.start();
        id = await().until(() -> controller.status().current().app(ALICE),
                s -> s.isPresent() && s.get().phase() == Phase.Running).flatMap(AppStatus::containerId).orElseThrow();
        logs = new AppLogs(controller.status(), engine, LIMITS);
    }

    @AfterEach
    void stop() {
        controller.close();
        engine.close();
    }

    @Test
    void textIsTheLastLinesAsWrittenAndEventsNameTheirStream() throws Exception {
        engine.print(id, Source.STDOUT, "one");
        engine.print(id, Source.STDERR, "two");
        engine.print(id, Source.STDOUT, "three");

        assertThat(read(query(2, false, false), LogFormat.PLAIN)).isEqualTo("two\nthree\n");
        assertThat(read(query(3, false, false), LogFormat.EVENTS)).isEqualTo(": logs of web\n\n"
                + "event: stdout\ndata: one\n\nevent: stderr\ndata: two\n\nevent: stdout\ndata: three\n\n");
    }

    @Test
    void previousReadsTheRunBeforeTheRestartAndIs404WithoutOne() throws Exception {
        engine.print(id, Source.STDOUT, "first run");
        assertThatThrownBy(() -> logs.open("web", query(10, false, true)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("no previous output of app 'web'");

        engine.kill(id);
        await().until(() -> engine.starts(id) == 2 && engine.peek(id).orElseThrow().isRunning());
        engine.print(id, Source.STDOUT, "second run");

        assertThat(read(query(10, false, true), LogFormat.PLAIN)).isEqualTo("first run\n");
        assertThat(read(query(10, false, false), LogFormat.PLAIN)).isEqualTo("second run\n");
    }

    @Test
    void anUnknownAppIs404AndATailAboveTheLimitIs400() {
        assertThatThrownBy(() -> logs.open("nobody", query(1, false, false)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("no app named 'nobody'");
        assertThatThrownBy(() -> LogQueries.of(101, null, false, false, LIMITS.maxTail(), Instant.now()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("ram.logs.max-tail");
        assertThatThrownBy(() -> LogQueries.of(null, "yesterday", false, false, LIMITS.maxTail(), Instant.now()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("since must be");
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        assertThat(LogQueries.of(null, "10m", false, false, 100, now))
                .isEqualTo(new LogQuery(100, Optional.of(now.minusSeconds(600)), false, false));
    }

    @Test
    void aFollowerSeesNewLinesAndOneFollowerTooManyIs429UntilItEnds() {
        engine.print(id, Source.STDOUT, "before");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AppLogs.OpenLogs follower = logs.open("web", query(10, true, false));
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(follower, LogFormat.PLAIN, out));

        assertThatThrownBy(() -> logs.open("web", query(10, true, false)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(429))
                .hasMessageContaining("ram.logs.max-followers");
        engine.print(id, Source.STDERR, "after");
        await().until(() -> text(out), "before\nafter\n"::equals);

        follower.stream().close(); // the client went away
        await().until(writing::isDone);
        logs.open("web", query(10, true, false)).stream().close();
    }

    @Test
    void aFollowerWithNothingNewForTheIdleLimitIsEnded() {
        AppLogs quick = new AppLogs(controller.status(), engine, new AppLogs.Settings(100, 1, Duration.ofMillis(200)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        CompletableFuture<Void> writing = CompletableFuture.runAsync(
                () -> write(quick.open("web", query(10, true, false)), LogFormat.PLAIN, out, Duration.ofMillis(200)));

        await().atMost(Duration.ofSeconds(5)).until(writing::isDone);
        assertThat(writing).isNotCompletedExceptionally();
    }

    private static LogQuery query(int tail, boolean follow, boolean previous) {
        return new LogQuery(tail, Optional.empty(), follow, previous);
    }

    private String read(LogQuery query, LogFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(logs.open("web", query), format, out);
        return text(out);
    }

    private static void write(AppLogs.OpenLogs open, LogFormat format, ByteArrayOutputStream out) {
        write(open, format, out, LIMITS.followIdleTimeout());
    }

    private static void write(AppLogs.OpenLogs open, LogFormat format, ByteArrayOutputStream out, Duration idleLimit) {
        try {
            new LogOutput("web", open, format, idleLimit).write(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
