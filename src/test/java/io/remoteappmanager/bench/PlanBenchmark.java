package io.remoteappmanager.bench;

import io.remoteappmanager.testing.Templates;
import io.remoteappmanager.actuator.ContainerTemplate;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.HealthStatus;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.planner.KeyHistory;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.planner.PlanInputs;
import io.remoteappmanager.planner.Planner;
import io.remoteappmanager.testing.TestEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Scenario 7: the pure planner ({@code Planner.plan}) on N desired apps against N observed containers that match
 * them (the steady state every periodic pass meets), built in memory: no engine, no files. Time, CPU time and bytes
 * allocated per plan, median over a few plans after a warm-up; the spec hashes are computed before, as a pass looks them up.
 */
final class PlanBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 20;
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    private final Results results;

    PlanBenchmark(Results results) {
        this.results = results;
    }

    void run(int n) {
        String scenario = "plan-" + n;
        ContainerTemplate template = Templates.of(TestEngine.config(Map.of()));
        Map<AppKey, AppSpec> apps = new HashMap<>();
        Map<AppSpec, String> hashes = new HashMap<>();
        List<ObservedContainer> observed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AppSpec spec = SimApps.spec(i);
            String hash = template.specHash(spec);
            apps.put(spec.key(), spec);
            hashes.put(spec, hash);
            observed.add(runningFor(spec, hash, i));
        }
        DesiredState desired = new DesiredState(apps, List.of(), Set.of(), Set.of(), true, Set.of());
        Planner planner = new Planner(false, false, hashes::get);
        for (int i = 0; i < WARM_UP; i++) {
            plan(planner, desired, observed);
        }
        Stats time = new Stats();
        Stats cpu = new Stats();
        Stats bytes = new Stats();
        for (int i = 0; i < RUNS; i++) {
            ThreadCost cost = ThreadCost.start();
            long start = System.nanoTime();
            Plan plan = plan(planner, desired, observed);
            time.addNanos(System.nanoTime() - start);
            cpu.add(cost.cpuMillis());
            bytes.add(cost.mebibytes());
            if (!plan.isNoop() || plan.decisions().size() != n) {
                throw new IllegalStateException("expected a no-op plan of " + n + " decisions, got " + plan.actions());
            }
        }
        String note = n + " desired, " + n + " observed, all matching";
        results.add(scenario, "plan, median: time", time.median(), "ms", "", note);
        results.add(scenario, "plan, median: CPU time", cpu.median(), "ms", "", note);
        results.add(scenario, "plan, median: allocated", bytes.median(), "MiB", "", note);
    }

    /** The planner's one call, with every container ready, as in the steady state. */
    private static Plan plan(Planner planner, DesiredState desired, List<ObservedContainer> observed) {
        return planner.plan(new PlanInputs(desired, observed, key -> KeyHistory.FRESH, container -> ProbeVerdict.READY), NOW);
    }

    private static ObservedContainer runningFor(AppSpec spec, String hash, int i) {
        String urlId = String.format("%032x", i);
        return new ObservedContainer(String.format("%064x", i), "remoteexec-" + spec.user() + "-" + spec.mappingId(),
                spec.key(), ContainerState.RUNNING, spec.image(), hash, urlId, Optional.of(spec.urlpath(urlId)),
                Optional.of(spec.origin().file()), Optional.empty(), NOW.minusSeconds(3600),
                Optional.of(new Endpoint("127.0.0.1", 30000 + i % 30000)), List.of(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, HealthStatus.NONE, Optional.empty(),
                "sha256:1");
    }
}
