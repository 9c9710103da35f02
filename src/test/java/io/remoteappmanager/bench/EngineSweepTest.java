package io.remoteappmanager.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remoteappmanager.runtime.ContainerRuntime;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's clean-up tells an engine that stopped removing containers (which only a restart clears) from one
 * that is merely slow: it stops with {@link EngineSweep.Stalled} once nothing was removed for the stall time, long
 * before its deadline of a minute and more, and a benchmark run then restarts the engine.
 */
class EngineSweepTest {

    @Test
    void anEngineThatRemovesNothingIsReportedStalledWithinTheStallTime() {
        CountDownLatch never = new CountDownLatch(1);
        ContainerRuntime stuck = runtime(id -> {
            try {
                never.await(); // as a removal does on a wedged dockerd: no answer, until interrupted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> EngineSweep.removeAll("realm tbenchstuck", stuck, () -> List.of("a", "b", "c"),
                Duration.ofMillis(300)))
                .isInstanceOf(EngineSweep.Stalled.class)
                .hasMessageContaining("realm tbenchstuck").hasMessageContaining("stalled");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(EngineSweep.Stalled.in(new IllegalStateException("scenario failed",
                new EngineSweep.Stalled("stalled")))).isTrue();
    }

    @Test
    void anEngineThatRemovesEverythingIsSweptClean() {
        Set<String> left = ConcurrentHashMap.newKeySet();
        left.addAll(List.of("a", "b", "c"));

        EngineSweep.removeAll("realm tbenchfine", runtime(left::remove), () -> List.copyOf(left), Duration.ofMillis(300));

        assertThat(left).isEmpty();
    }

    /** A runtime whose {@code remove(id)} does {@code removal}; nothing else of it is used. */
    private static ContainerRuntime runtime(Consumer<String> removal) {
        return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> {
                    if (method.getName().equals("remove")) {
                        removal.accept((String) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
