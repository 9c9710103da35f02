package io.remoteappmanager.planner;

import static io.remoteappmanager.planner.PlanFixture.ALICE;
import static io.remoteappmanager.planner.PlanFixture.HASH;
import static io.remoteappmanager.planner.PlanFixture.NOW;
import static io.remoteappmanager.planner.PlanFixture.containerOf;
import static io.remoteappmanager.planner.PlanFixture.desired;
import static io.remoteappmanager.planner.PlanFixture.only;
import static io.remoteappmanager.planner.PlanFixture.problem;
import static io.remoteappmanager.planner.PlanFixture.specOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.model.ProxyActivity;
import io.remoteappmanager.model.ProxyActivity.QuietRoute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Idle culling: an app nobody used for its idle timeout is stopped, and started again when a request asks for it. */
class PlannerIdleTest {

    private static final Planner PLANNER = new Planner(false, false, HASH);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Endpoint ENDPOINT = new Endpoint("127.0.0.1", 32768);
    private static final String WAKE_PAGE = "http://127.0.0.1:8080/wake";

    private final AppSpec spec = specOf(ALICE).idleTimeout(TIMEOUT).build();

    @Test
    void readyAppWhoseRouteWasQuietLongerThanItsTimeoutIsStopped() {
        Decision decision = decide(spec, running(), quiet(ENDPOINT.url(), 11), Map.of());

        assertThat(decision.phase()).isEqualTo(Phase.Idle);
        assertThat(decision.actions()).extracting(Action::kind).containsExactly(Action.Kind.STOP);
        assertThat(decision.message()).startsWith("culled: no request since " + NOW.minus(Duration.ofMinutes(11)))
                .endsWith("(idle timeout 10m)");
    }

    @Test
    void appUsedWithinItsTimeoutKeepsRunning() {
        assertRunning(decide(spec, running(), quiet(ENDPOINT.url(), 9), Map.of()));
    }

    @Test
    void routeTheProxyDidNotListAsQuietCountsAsUsed() {
        assertRunning(decide(spec, running(), new ProxyActivity(NOW, Map.of()), Map.of()));
    }

    @Test
    void quietRouteLeadingElsewhereSaysNothingOfThisContainer() {
        assertRunning(decide(spec, running(), quiet(WAKE_PAGE, 60), Map.of()));
        assertRunning(decide(spec, running(), quiet("http://127.0.0.1:1", 60), Map.of()));
    }

    @Test
    void appNotReadyYetIsNeverStopped() {
        Plan plan = PLANNER.plan(new PlanInputs(desired(spec).build(), List.of(running()), k -> null,
                id -> ProbeVerdict.probing("starting"), idling(quiet(ENDPOINT.url(), 60), Map.of())), NOW);

        assertThat(only(plan).phase()).isEqualTo(Phase.Starting);
        assertThat(only(plan).actions()).isEmpty();
    }

    @Test
    void recentWakeRequestCountsAsUse() {
        assertRunning(decide(spec, running(), quiet(ENDPOINT.url(), 11), Map.of(ALICE, NOW.minusSeconds(60))));
    }

    @Test
    void specTimeoutOverridesTheConfiguredOneWhichAppliesToSpecsWithout() {
        AppSpec withoutTimeout = specOf(ALICE).build();
        Idling fiveMinutes = new Idling(true, Optional.of(Duration.ofMinutes(5)), quiet(ENDPOINT.url(), 7),
                key -> Optional.empty());

        assertThat(decide(withoutTimeout, running(), fiveMinutes).phase()).isEqualTo(Phase.Idle);
        assertRunning(decide(spec, running(), fiveMinutes));
    }

    @Test
    void withoutTheProxyNoAppIsCulledAndStoppedOnesRestartAsBefore() {
        Idling off = Idling.OFF;

        assertRunning(decide(spec, running(), off));
        Decision stopped = decide(spec, exited(), off);
        assertThat(stopped.phase()).isEqualTo(Phase.Restarting);
        assertThat(stopped.actions()).extracting(Action::kind).containsExactly(Action.Kind.RESTART);
    }

    @Test
    void stoppedContainerThisControllerDidNotStartIsIdleUntilAskedFor() {
        Decision decision = decide(spec, exited(), quiet(WAKE_PAGE, 60), Map.of());

        assertThat(decision.phase()).isEqualTo(Phase.Idle);
        assertThat(decision.actions()).isEmpty();
        assertThat(decision.container()).isPresent();
    }

    @Test
    void stoppedContainerThisControllerStartedCrashedAndRestartsAsItsPolicySays() {
        ObservedContainer crashed = exited();
        KeyHistory started = new KeyHistory(0, Optional.empty(), Optional.empty(), Optional.of(crashed.id()),
                Optional.empty());

        Plan plan = PLANNER.plan(new PlanInputs(desired(spec).build(), List.of(crashed), k -> started,
                id -> ProbeVerdict.READY, idling(ProxyActivity.NONE, Map.of())), NOW);

        assertThat(only(plan).phase()).isEqualTo(Phase.Restarting);
        assertThat(only(plan).actions()).extracting(Action::kind).containsExactly(Action.Kind.RESTART);
    }

    @Test
    void idleAppAskedForWithinItsTimeoutIsStarted() {
        Instant asked = NOW.minusSeconds(1);

        Decision decision = decide(spec, exited(), ProxyActivity.NONE, Map.of(ALICE, asked));

        assertThat(decision.phase()).isEqualTo(Phase.Restarting);
        assertThat(decision.actions()).extracting(Action::kind).containsExactly(Action.Kind.START);
        assertThat(decision.message()).isEqualTo("woken: a request at " + asked + " asked for it");
    }

    @Test
    void wakeRequestOlderThanTheTimeoutStartsNothing() {
        Decision decision = decide(spec, exited(), ProxyActivity.NONE, Map.of(ALICE, NOW.minus(Duration.ofMinutes(11))));

        assertThat(decision.phase()).isEqualTo(Phase.Idle);
        assertThat(decision.actions()).isEmpty();
    }

    @Test
    void idleAppWhoseSpecChangedIsRecreatedWhenWokenAndNotBefore() {
        ObservedContainer stale = containerOf(ALICE).state(ContainerState.EXITED).hash("0ld0ld0ld").build();

        Decision asleep = decide(spec, stale, ProxyActivity.NONE, Map.of());
        Decision woken = decide(spec, stale, ProxyActivity.NONE, Map.of(ALICE, NOW));

        assertThat(asleep.phase()).isEqualTo(Phase.Idle);
        assertThat(asleep.actions()).isEmpty();
        assertThat(asleep.message()).contains("recreated when it wakes");
        assertThat(woken.phase()).isEqualTo(Phase.Recreating);
        assertThat(woken.actions()).singleElement().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(Action.Kind.RECREATE);
            assertThat(action.urlId()).contains(stale.urlId());
        });
    }

    @Test
    void suspendedIdleAppIsNeverWoken() {
        AppSpec suspended = specOf(ALICE).idleTimeout(TIMEOUT).suspend().build();

        Decision decision = decide(suspended, exited(), ProxyActivity.NONE, Map.of(ALICE, NOW));

        assertThat(decision.phase()).isEqualTo(Phase.Suspended);
        assertThat(decision.actions()).isEmpty();
    }

    @Test
    void idleAppWhoseSpecFileBrokeIsNeverWoken() {
        Plan plan = PLANNER.plan(new PlanInputs(desired(spec).problem(problem("alice.yaml", "bad", ALICE)).build(),
                List.of(exited()), k -> null, id -> ProbeVerdict.READY, idling(ProxyActivity.NONE, Map.of(ALICE, NOW))),
                NOW);

        assertThat(only(plan).phase()).isEqualTo(Phase.Invalid);
        assertThat(only(plan).actions()).isEmpty();
        assertThat(only(plan).message()).startsWith("kept idle: its spec file alice.yaml is broken");
    }

    @Test
    void idleAppWhoseSpecIsGoneIsRemoved() {
        Plan plan = PLANNER.plan(new PlanInputs(desired(specOf(new AppKey("bob", "other")).build()).build(),
                List.of(exited()), k -> null, id -> ProbeVerdict.READY, idling(ProxyActivity.NONE, Map.of(ALICE, NOW))),
                NOW);

        Decision alice = plan.decisions().stream().filter(d -> d.key().equals(ALICE)).findFirst().orElseThrow();
        assertThat(alice.phase()).isEqualTo(Phase.Removing);
        assertThat(alice.actions()).extracting(Action::kind).containsExactly(Action.Kind.REMOVE);
    }

    private static void assertRunning(Decision decision) {
        assertThat(decision.phase()).isEqualTo(Phase.Running);
        assertThat(decision.actions()).isEmpty();
    }

    private ObservedContainer running() {
        return containerOf(ALICE).hash(HASH.apply(spec)).endpoint(ENDPOINT).build();
    }

    private ObservedContainer exited() {
        return containerOf(ALICE).hash(HASH.apply(spec)).state(ContainerState.EXITED).exitCode(143).build();
    }

    /** What the proxy says when the route at alice's urlpath, leading to {@code target}, was quiet for that long. */
    private ProxyActivity quiet(String target, long minutes) {
        String urlpath = spec.urlpath(running().urlId());
        return new ProxyActivity(NOW, Map.of(urlpath, new QuietRoute(target, NOW.minus(Duration.ofMinutes(minutes)))));
    }

    private static Idling idling(ProxyActivity activity, Map<AppKey, Instant> wakes) {
        return new Idling(true, Optional.empty(), activity, key -> Optional.ofNullable(wakes.get(key)));
    }

    private static Decision decide(AppSpec app, ObservedContainer container, ProxyActivity activity,
            Map<AppKey, Instant> wakes) {
        return decide(app, container, idling(activity, wakes));
    }

    private static Decision decide(AppSpec app, ObservedContainer container, Idling idling) {
        return only(PLANNER.plan(new PlanInputs(desired(app).build(), List.of(container), k -> null,
                id -> ProbeVerdict.READY, idling), NOW));
    }
}
