package io.remoteappmanager.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.executor.Backoffs;
import io.remoteappmanager.executor.Executor;
import io.remoteappmanager.manager.ContainerManager;
import io.remoteappmanager.policy.SpecPolicy;
import io.remoteappmanager.proxy.ProxyBeans;
import io.remoteappmanager.proxy.ProxyStatus;
import io.remoteappmanager.proxy.ReadinessGate;
import io.remoteappmanager.proxy.ReadinessProbes;
import io.remoteappmanager.proxy.RouteSync;
import io.remoteappmanager.reconcile.EngineEvents;
import io.remoteappmanager.reconcile.PassListener;
import io.remoteappmanager.reconcile.ReconcileLoop;
import io.remoteappmanager.reconcile.Reconciler;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.source.directory.DirectorySource;
import io.remoteappmanager.status.StatusStore;
import java.util.List;

/**
 * A whole controller (spec directory and watcher, or another source, planner, executor, loop, engine events, readiness
 * probes, and the route synchroniser when the engine's config sets {@code ram.proxy.api-url}) wired by
 * hand as CDI wires it, on a {@link TestEngine}'s realm and a spec directory of the test's own: several
 * run side by side in one JVM, and one can be stopped and another started on the same realm.
 */
public final class TestController implements AutoCloseable {

    public final ReadinessProbes readiness;
    public final StatusStore status;
    public final ProxyStatus proxy;
    public final Reconciler reconciler;
    public final ReconcileLoop loop;
    private final EngineEvents events;
    private final SpecSource source;
    private final Executor executor;

    public TestController(TestEngine engine) {
        this(engine, new DirectorySource(SpecPolicy.directory(engine.config.specs().dir(), engine.config,
                engine.config.specs().debounce()), engine.config.specs().debounce()));
    }

    /** A controller reading another source (a git repository); it closes {@code specs} when it is closed. */
    public TestController(TestEngine engine, SpecSource specs) {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        ContainerManager manager = engine.manager();
        Backoffs backoffs = new Backoffs(engine.config);
        readiness = new ReadinessProbes(engine.config.readiness().enabled(),
                engine.config.readiness().maxConcurrent(), this::wake);
        status = new StatusStore(readiness);
        proxy = new ProxyStatus(engine.config.proxy().apiUrl());
        executor = new Executor(manager, backoffs, status, metrics, engine.config);
        List<PassListener> listeners = List.of(
                new ReadinessGate(engine.config.readiness(), readiness, status, manager, backoffs, this::wake),
                new RouteSync(ProxyBeans.chp(engine.config.proxy()), engine.config.realm(), status, readiness, proxy,
                        metrics));
        source = specs;
        reconciler = new Reconciler(source, engine.runtime, engine.labels,
                engine.template, executor, backoffs, status, metrics, engine.config, listeners);
        loop = new ReconcileLoop(reconciler);
        events = new EngineEvents(engine.runtime, engine.labels, loop);
    }

    /** Starts watching, listening and the first pass, as the application's start-up does. */
    public TestController start() {
        source.start(() -> loop.trigger("spec files changed"));
        events.start();
        loop.start();
        return this;
    }

    /** Stops the controller; its containers keep running. */
    @Override
    public void close() {
        source.close();
        events.close();
        loop.close();
        executor.close();
        readiness.close();
    }

    /** Wakes the loop, as CDI's producers pass {@code loop::trigger} (the loop is built after its listeners). */
    private void wake(String reason) {
        loop.trigger(reason);
    }
}
