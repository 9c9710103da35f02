package io.remoteappmanager.testing;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.app.RemoteAppManager;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.lifecycle.TimerJobs;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.reconcile.Controller;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.PassSummary;
import io.remoteappmanager.status.ProxyState;
import io.remoteappmanager.status.StatusBoard;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A whole controller, assembled exactly as the application assembles it ({@link RemoteAppManager}), on a
 * {@link TestEngine}'s realm and a spec directory of the test's own: several run side by side in one JVM, and one
 * can be stopped and another started on the same realm.
 */
public final class TestController implements AutoCloseable {

    public final RemoteAppManager app;
    public final StatusBoard status;
    public final Controller loop;

    public TestController(TestEngine engine) {
        this(engine, new SimpleMeterRegistry());
    }

    /** A controller whose meters (Docker API calls, actions) go to {@code metrics}. */
    public TestController(TestEngine engine, MeterRegistry metrics) {
        this(engine, engine.runtime, metrics);
    }

    /** A controller on {@code runtime}: the engine's own, or a wrapper of it that plays a misbehaving engine. */
    public TestController(TestEngine engine, ContainerRuntime runtime, MeterRegistry metrics) {
        this(jobs -> RemoteAppManager.assemble(engine.config, runtime, metrics, jobs));
    }

    /** A controller of {@code config} on {@code runtime}: a swarm's ({@link SwarmRealm}), or any other. */
    public TestController(RamConfig config, ContainerRuntime runtime) {
        this(jobs -> RemoteAppManager.assemble(config, runtime, new SimpleMeterRegistry(), jobs));
    }

    /** A controller reading another source (a git repository); it closes {@code specs} when it is closed. */
    public TestController(TestEngine engine, SpecSource specs) {
        this(jobs -> RemoteAppManager.assemble(engine.config, engine.runtime, specs, new SimpleMeterRegistry(), jobs));
    }

    /** The periodic jobs of this controller, on a timer of its own, closed with it. */
    private final TimerJobs jobs = new TimerJobs();

    private TestController(Function<Jobs, RemoteAppManager> assemble) {
        app = assemble.apply(jobs);
        status = app.status();
        loop = app.controller();
    }

    /** Starts watching, listening and the first pass, as the application's start-up does. */
    public TestController start() {
        app.start();
        return this;
    }

    /** The app's status now, if the controller knows the app. */
    public Optional<AppStatus> app(AppKey key) {
        return status.current().app(key);
    }

    public PassSummary lastPass() {
        return status.current().lastPass();
    }

    /** The reverse proxy as route sync last left it. */
    public ProxyState proxy() {
        return status.current().proxy();
    }

    /** Asks for a pass and waits for it and the work it queued. */
    public PassResult pass(String reason) throws InterruptedException, ExecutionException, TimeoutException {
        return loop.requestPass(reason).get(60, TimeUnit.SECONDS);
    }

    /**
     * Asks for passes until one runs on an observed state the controller trusts (right after start the cache may not
     * have listed the realm yet, and such a pass plans nothing); returns that pass.
     */
    public PassResult trustedPass(String reason) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> pass(reason), result -> result.plan().isPresent());
    }

    /** Stops the controller; its containers keep running. */
    @Override
    public void close() {
        app.close();
        jobs.close();
    }
}
