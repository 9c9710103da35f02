package io.remoteappmanager.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.app.RemoteAppManager;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.status.StatusSnapshot;
import io.remoteappmanager.testing.ManualJobs;
import io.remoteappmanager.testing.TestEngine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * One controller of the simulation, assembled as the application assembles it ({@link RemoteAppManager}: cache,
 * queue, planner, actuator, status) on a fake engine and a {@link FedSource}. Its periodic jobs (resync, relist,
 * heartbeat) never run, so every engine call and every pass it makes is one the measured work caused.
 */
final class SimController implements AutoCloseable {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    final FedSource source;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final RemoteAppManager app;

    SimController(RamConfig config, ContainerRuntime runtime, FedSource source) {
        this.source = source;
        this.app = RemoteAppManager.assemble(config, runtime, source, metrics, new ManualJobs());
    }

    /**
     * The simulation's configuration: readiness probes off (the fake's ports answer nobody), and as many workers
     * as the modelled engine takes calls at once.
     */
    static RamConfig config(SimPace pace) {
        return TestEngine.config(Map.of("ram.realm", "sim", "ram.readiness.enabled", "false",
                "ram.reconcile.parallelism", String.valueOf(pace.concurrent())));
    }

    SimController start() {
        app.start();
        return this;
    }

    /**
     * Waits until a published snapshot satisfies {@code done}, looking at each new one; returns {@link System#nanoTime}
     * when it was seen. Says how far it got every 15 s.
     */
    long await(String what, Duration atMost, Predicate<StatusSnapshot> done) {
        long start = System.nanoTime();
        long lastReport = start;
        long seen = -1;
        while (true) {
            StatusSnapshot now = app.status().current();
            if (now.sequence() != seen) {
                seen = now.sequence();
                if (done.test(now)) {
                    return System.nanoTime();
                }
            }
            long t = System.nanoTime();
            if (t - start > atMost.toNanos()) {
                throw new IllegalStateException(what + ": not reached within " + atMost + "; " + describe(now));
            }
            if (t - lastReport > PROGRESS_EVERY.toNanos()) {
                lastReport = t;
                System.out.println("== sim: waiting for " + what + ": " + describe(now));
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** A first pass has planned on a listed realm. */
    static boolean trustedPassDone(StatusSnapshot s) {
        return s.firstPassDone() && s.engine().trusted() && s.lastPass().engineError().isEmpty();
    }

    /** All {@code n} apps are known and Running. */
    static Predicate<StatusSnapshot> allRunning(int n) {
        return s -> trustedPassDone(s) && s.apps().size() == n && running(s) == n;
    }

    static long running(StatusSnapshot s) {
        return s.all().stream().filter(a -> a.phase() == Phase.Running).count();
    }

    /** A requested pass and how the work it queued ended. */
    PassResult pass(String reason) {
        try {
            return app.controller().requestPass(reason).get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("pass (" + reason + ") did not finish: " + e, e);
        }
    }

    /** Passes the loop has run so far. */
    long passes() {
        return metrics.timer("ram.reconcile.pass").count();
    }

    /** Milliseconds the loop's passes took so far, together. */
    double passMillis() {
        return metrics.timer("ram.reconcile.pass").totalTime(TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        app.close();
    }

    private static String describe(StatusSnapshot s) {
        return s.apps().size() + " apps known, " + running(s) + " Running; engine "
                + (s.engine().trusted() ? "trusted" : "not trusted") + "; last pass " + s.lastPass().trigger();
    }
}
