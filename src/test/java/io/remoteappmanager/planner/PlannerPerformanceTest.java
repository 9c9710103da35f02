package io.remoteappmanager.planner;

import static io.remoteappmanager.planner.PlanFixture.HASH;
import static io.remoteappmanager.planner.PlanFixture.NOW;
import static io.remoteappmanager.planner.PlanFixture.desired;
import static io.remoteappmanager.planner.PlanFixture.runningFor;
import static io.remoteappmanager.planner.PlanFixture.spec;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.remoteappmanager.spec.AppKey;
import io.remoteappmanager.spec.AppSpec;
import io.remoteappmanager.spec.DesiredState;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A no-op pass over 1000 apps must stay cheap: the whole reconcile pass has a 50 ms budget. */
class PlannerPerformanceTest {

    @Test
    void thousandUnchangedAppsPlanInUnderFiveMilliseconds() {
        List<AppSpec> specs = new ArrayList<>();
        List<ObservedContainer> observed = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            AppSpec spec = spec(new AppKey("user" + i, "app"));
            specs.add(spec);
            observed.add(runningFor(spec));
        }
        // The caller caches spec hashes (SHA-256 is not free); this measures the planner alone.
        Map<AppSpec, String> hashes = new IdentityHashMap<>();
        specs.forEach(s -> hashes.put(s, HASH.apply(s)));
        Planner planner = new Planner(false, hashes::get);
        DesiredState desired = desired(specs.toArray(AppSpec[]::new)).build();
        Function<AppKey, KeyHistory> history = key -> KeyHistory.FRESH;

        long best = Long.MAX_VALUE;
        for (int round = 0; round < 300; round++) {
            long start = System.nanoTime();
            Plan plan = planner.plan(desired, observed, history, NOW);
            best = Math.min(best, System.nanoTime() - start);
            assertTrue(plan.isNoop());
        }

        assertTrue(best < 5_000_000, "best of 300 no-op passes took " + best / 1000 + " µs");
    }
}
