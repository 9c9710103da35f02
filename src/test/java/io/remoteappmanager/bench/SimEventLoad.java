package io.remoteappmanager.bench;

import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.StatusSnapshot;
import io.remoteappmanager.testing.fake.FakeEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Event to action under a steady load: distinct running apps are killed behind the controller's back at
 * {@value #PER_SECOND} a second for {@value #SECONDS} s, and each kill is timed until the controller issues that
 * container's restart (the call entering the runtime, before the engine's pace).
 */
final class SimEventLoad {

    static final int PER_SECOND = 100;
    static final int SECONDS = 10;
    static final double TARGET_MEDIAN_MS = 10;

    private final Results results;

    SimEventLoad(Results results) {
        this.results = results;
    }

    void run(String scenario, SimController controller, FakeEngine engine, RestartLog restarts, int n) {
        List<String> ids = victims(controller.app.status().current(), Math.min(n, PER_SECOND * SECONDS));
        long[] killedAt = new long[ids.size()];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch fired = new CountDownLatch(ids.size());
        long passes = controller.passes();
        double passMillis = controller.passMillis();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try {
            ticker.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i < ids.size()) {
                    killedAt[i] = System.nanoTime();
                    engine.kill(ids.get(i));
                    fired.countDown();
                }
            }, 0, 1_000_000 / PER_SECOND, TimeUnit.MICROSECONDS);
            fired.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing apps", e);
        } finally {
            ticker.shutdownNow();
        }
        awaitRestarts(restarts, ids);
        Stats latency = new Stats();
        for (int i = 0; i < ids.size(); i++) {
            latency.addNanos(restarts.issued.get(ids.get(i)) - killedAt[i]);
        }
        long ran = controller.passes() - passes;
        String load = ids.size() + " kills at " + PER_SECOND + "/s";
        results.add(scenario, "event to action: kill to restart, median", latency.median(), "ms",
                "<= " + (long) TARGET_MEDIAN_MS, SimBenchmark.met(latency.median() <= TARGET_MEDIAN_MS) + "; " + load);
        results.add(scenario, "event to action: kill to restart, p99", latency.percentile(99), "ms", "", load);
        results.add(scenario, "event to action: passes during the load", ran, "passes", "",
                String.format(Locale.ROOT, "%.1f ms each on average", (controller.passMillis() - passMillis) / Math.max(1, ran)));
    }

    /** The containers of {@code count} apps spread over all of them. */
    private static List<String> victims(StatusSnapshot status, int count) {
        List<AppStatus> apps = new ArrayList<>(status.all());
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            AppStatus app = apps.get((int) ((long) i * apps.size() / count));
            ids.add(app.containerId().orElseThrow(() -> new IllegalStateException(app.key() + " has no container")));
        }
        return ids;
    }

    private static void awaitRestarts(RestartLog restarts, List<String> ids) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!restarts.issued.keySet().containsAll(ids)) {
            if (System.nanoTime() > deadline) {
                long missing = ids.stream().filter(id -> !restarts.issued.containsKey(id)).count();
                throw new IllegalStateException(missing + " of " + ids.size() + " killed apps saw no restart in 10 min");
            }
            LockSupport.parkNanos(5_000_000);
        }
    }

    /** When the controller issued each restart, by container id: the runtime's {@code restart} as it is called. */
    static final class RestartLog {

        private final Map<String, Long> issued = new ConcurrentHashMap<>();

        /** {@code runtime}, noting the moment of each restart call before passing it on. */
        ContainerRuntime around(ContainerRuntime runtime) {
            return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(),
                    new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> {
                        if (method.getName().equals("restart")) {
                            issued.putIfAbsent((String) args[0], System.nanoTime());
                        }
                        try {
                            return method.invoke(runtime, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
