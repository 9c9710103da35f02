package io.remoteappmanager.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.testing.ManualJobs;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.fake.FakeEngine;
import io.remoteappmanager.time.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One key's containers, as a worker's attempt reads them from the cache, follow the listing, the events and the
 * actuator's own removals: a key with a duplicate has both, a container removed behind the controller's back or by
 * it is gone from its key, and a container created later is found under its key.
 */
class ObservedCacheKeysTest {

    static final LabelScheme LABELS = new LabelScheme("ram.", "keys");
    static final AppKey ALICE = new AppKey("alice", "web");
    static final AppKey BOB = new AppKey("bob", "web");
    static final AppKey CAROL = new AppKey("carol", "web");

    final FakeEngine engine = new FakeEngine().withImages(TestEngine.HTTPD);
    final ObservedCache cache = new ObservedCache(engine, LABELS, new ObservedCache.Settings(Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofSeconds(30), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1))),
            Clock.systemUTC(), reason -> { });

    @AfterEach
    void close() {
        cache.close();
        engine.close();
    }

    @Test
    void eachKeyHasItsOwnContainersThroughListingEventsAndRemovals() {
        String alice1 = run("keys-alice-1", ALICE);
        String alice2 = run("keys-alice-2", ALICE);
        String bob = run("keys-bob", BOB);
        engine.runForeign("stranger", TestEngine.HTTPD, Map.of("ram.realm", "other", "ram.user", "alice",
                "ram.mapping_id", "web"));
        cache.start(new ManualJobs());
        await().until(() -> cache.engine().trusted());

        assertThat(ids(ALICE)).containsExactlyInAnyOrder(alice1, alice2);
        assertThat(ids(BOB)).containsExactly(bob);

        engine.removeBehind(alice1);
        cache.removed(bob);
        String carol = run("keys-carol", CAROL);

        await().until(() -> ids(ALICE).equals(List.of(alice2)) && ids(CAROL).equals(List.of(carol)));
        assertThat(ids(BOB)).isEmpty();
        assertThat(cache.snapshot().containers()).extracting(ObservedContainer::id)
                .containsExactlyInAnyOrder(alice2, carol);
    }

    private String run(String name, AppKey key) {
        return engine.runForeign(name, TestEngine.HTTPD, Map.of(LABELS.key(LabelScheme.REALM), LABELS.realm(),
                LABELS.key(LabelScheme.USER), key.user(), LABELS.key(LabelScheme.MAPPING_ID), key.mappingId()));
    }

    private List<String> ids(AppKey key) {
        return cache.forKey(key).stream().map(ObservedContainer::id).toList();
    }
}
