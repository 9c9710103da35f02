package io.remoteappmanager.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.HealthStatus;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeWatcher;
import io.remoteappmanager.testing.ManualJobs;
import io.remoteappmanager.time.Backoff;
import java.io.Closeable;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine calls the cache's events cost: none for an event that carries the watch's own read (a swarm's task
 * poll), none for the create of a container the cache knows already, one inspect for an event that carries nothing.
 */
class ObservedCacheReadsTest {

    static final LabelScheme LABELS = new LabelScheme("ram.", "reads");
    static final AppKey ALICE = new AppKey("alice", "web");

    final AtomicInteger inspects = new AtomicInteger();
    final AtomicReference<RuntimeWatcher> watcher = new AtomicReference<>();
    final AtomicReference<RuntimeContainer> engineHas = new AtomicReference<>();
    final ObservedCache cache = new ObservedCache(runtime(), LABELS, new ObservedCache.Settings(Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofSeconds(30), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1))),
            Clock.systemUTC(), reason -> { });

    @BeforeEach
    void start() {
        cache.start(new ManualJobs());
        await().until(() -> watcher.get() != null);
        watcher.get().started();
        await().until(() -> cache.engine().trusted());
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void anEventCarryingTheWatchsReadIsKeptWithoutAnInspect() {
        RuntimeContainer read = container("svc1", ContainerState.RUNNING, Instant.now());

        watcher.get().event(new RuntimeEvent("task", "svc1", read.labels(), nanos(Instant.now()), Optional.of(read)));

        await().until(() -> state("svc1").equals(Optional.of(ContainerState.RUNNING)));
        assertThat(inspects).hasValue(0);
    }

    @Test
    void aCarriedReadOlderThanWhatTheCacheHoldsIsNotKept() {
        Instant now = Instant.now();
        cache.written(container("svc1", ContainerState.RUNNING, now));

        RuntimeContainer older = container("svc1", ContainerState.RESTARTING, now.minusSeconds(1));
        watcher.get().event(new RuntimeEvent("task", "svc1", older.labels(), nanos(now), Optional.of(older)));
        RuntimeContainer newer = container("svc2", ContainerState.RUNNING, now);
        watcher.get().event(new RuntimeEvent("task", "svc2", newer.labels(), nanos(now), Optional.of(newer)));

        await().until(() -> state("svc2").isPresent());
        assertThat(state("svc1")).contains(ContainerState.RUNNING);
        assertThat(inspects).hasValue(0);
    }

    @Test
    void theCreateOfAContainerTheCacheKnowsCostsNothingEvenWhenItCameAfterTheRead() {
        Instant createSent = Instant.now();
        cache.written(container("svc1", ContainerState.RESTARTING, createSent));

        watcher.get().event(new RuntimeEvent("create", "svc1", Map.of(), nanos(createSent.plusMillis(50))));
        RuntimeContainer other = container("svc2", ContainerState.RUNNING, Instant.now());
        engineHas.set(other);
        watcher.get().event(new RuntimeEvent("create", "svc2", Map.of(), nanos(Instant.now())));

        await().until(() -> state("svc2").isPresent());
        assertThat(inspects).as("only the create of a container not known yet").hasValue(1);
        assertThat(state("svc1")).contains(ContainerState.RESTARTING);
    }

    @Test
    void anEventWithoutAReadCostsAnInspect() {
        engineHas.set(container("svc1", ContainerState.RUNNING, Instant.now()));

        watcher.get().event(new RuntimeEvent("update", "svc1", Map.of(), nanos(Instant.now())));

        await().until(() -> state("svc1").isPresent());
        assertThat(inspects).hasValue(1);
    }

    private Optional<ContainerState> state(String id) {
        return cache.snapshot().containers().stream().filter(c -> c.id().equals(id)).findFirst()
                .map(ObservedContainer::state);
    }

    private static RuntimeContainer container(String id, ContainerState state, Instant observedAt) {
        Map<String, String> labels = Map.of(LABELS.key(LabelScheme.REALM), LABELS.realm(),
                LABELS.key(LabelScheme.USER), ALICE.user(), LABELS.key(LabelScheme.MAPPING_ID), ALICE.mappingId());
        return new RuntimeContainer(id, "reads-alice-web", "httpd", "", labels, state, observedAt, Optional.empty(),
                List.of(), OptionalInt.empty(), Optional.empty(), Optional.empty(), 0, HealthStatus.NONE,
                Optional.empty(), observedAt);
    }

    /** Lists nothing, inspects to what the test put in {@link #engineHas} (counted), and hands over its watcher. */
    private ContainerRuntime runtime() {
        return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "list" -> List.of();
                    case "inspect" -> {
                        inspects.incrementAndGet();
                        yield Optional.ofNullable(engineHas.get()).filter(c -> c.id().equals(args[0]));
                    }
                    case "watch" -> {
                        watcher.set((RuntimeWatcher) args[1]);
                        yield (Closeable) () -> { };
                    }
                    case "ping", "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
