package io.remoteappmanager.testing;

import io.remoteappmanager.app.FromConfig;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.source.git.GitSettings;
import io.remoteappmanager.source.git.GitSource;
import io.remoteappmanager.status.AppStatus;
import java.time.Duration;
import java.util.Optional;

/** A whole controller on a fresh realm of the real engine, reading a git repository: what the git end-to-end tests share. */
public final class GitFixture implements AutoCloseable {

    /**
     * How long a first ssh connection may take: the JVM's first one loads a crypto provider, which took over 30 s
     * on the 2 loaded cores while the whole suite ran.
     */
    public static final Duration FIRST_SSH = Duration.ofSeconds(90);

    public final TestEngine engine;
    public final GitSource source;
    public final TestController controller;

    private GitFixture(String purpose, GitSettings settings) {
        engine = TestEngine.withFreshRealm(purpose);
        source = new GitSource(settings, FromConfig.policy(engine.config), new SimpleMeterRegistry());
        controller = new TestController(engine, source).start();
    }

    /** Starts the controller; its first pass runs at once, its first fetch too. */
    public static GitFixture start(String purpose, GitSettings settings) {
        return new GitFixture(purpose, settings);
    }

    /** Waits until {@code key} runs a container made from {@code revision}, as the status shows it; returns that status. */
    public AppStatus awaitRunningAt(AppKey key, String revision) {
        return awaitRunningAt(key, revision, Duration.ofSeconds(30));
    }

    /** As {@link #awaitRunningAt(AppKey, String)}, waiting at most {@code timeout}. */
    public AppStatus awaitRunningAt(AppKey key, String revision, Duration timeout) {
        await().atMost(timeout).until(() -> controller.app(key)
                .filter(s -> s.phase() == Phase.Running && s.revision().equals(Optional.of(revision)))
                .isPresent());
        return controller.app(key).orElseThrow();
    }

    /** The {@code revision} label of {@code key}'s single container, read from the engine. */
    public Optional<String> revisionLabel(AppKey key) {
        return RealmContainers.byKey(engine).get(key).stream().findFirst()
                .flatMap(c -> engine.labels.get(c.labels(), io.remoteappmanager.model.LabelScheme.REVISION));
    }

    /** Stops the controller and removes the realm's containers. */
    @Override
    public void close() {
        controller.close();
        engine.close();
    }
}
