package io.remoteappmanager.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.planner.Action;
import io.remoteappmanager.planner.ActionOutcome;
import io.remoteappmanager.planner.AppVersion;
import io.remoteappmanager.planner.PlanFixture;
import io.remoteappmanager.time.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The work loop's one switch: what each kind of attempt leaves in the key's history, back-off and status news. */
class KeyWorkersTest {

    static final AppKey KEY = new AppKey("alice", "paraview");
    static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");
    static final AppSpec SPEC = PlanFixture.spec(KEY);
    static final ObservedContainer RUNNING = PlanFixture.runningFor(SPEC);
    static final Optional<AppVersion> VERSION = Optional.of(new AppVersion(RUNNING.specHash(), Optional.empty()));

    final KeyHistories histories = new KeyHistories(new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5)));
    final LastActions lastActions = new LastActions();
    final List<String> triggers = new ArrayList<>();
    final List<String> forgotten = new ArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    KeyWorkers workers;

    @AfterEach
    void close() {
        workers.close();
    }

    @Test
    void aKeyWhoseActionFailsGetsExactlyOneHistoryEntryAndOneBackOffStep() throws Exception {
        start(key -> KeyResult.acted(key, VERSION, List.of(failed(Action.create(SPEC, Optional.empty(), "no container"),
                "create failed: boom"))));

        KeyResult result = attempt();

        assertThat(result.kind()).isEqualTo(KeyResult.Kind.FAILED);
        assertThat(attempts).as("decided and acted once").hasValue(1);
        assertThat(histories.history(KEY).attempts()).as("one history entry").isEqualTo(1);
        assertThat(histories.history(KEY).notBefore()).as("one back-off step: the first delay")
                .contains(T0.plusSeconds(10));
        assertThat(histories.history(KEY).lastError()).contains("create failed: boom");
        assertThat(lastActions.drain().get(KEY)).extracting(ActionOutcome::failed).containsExactly(true);
        assertThat(triggers).as("the next pass puts the failure into status").containsExactly("finished " + KEY);

        attempt();
        assertThat(histories.history(KEY).attempts()).as("a second failure is a second step").isEqualTo(2);
        assertThat(histories.history(KEY).notBefore()).contains(T0.plusSeconds(20));
    }

    @Test
    void aRemovalForNeverBecomingReadyCountsAsTheKeysFailureAlthoughItWentThrough() throws Exception {
        start(key -> KeyResult.acted(key, VERSION, List.of(done(Action.removeNotReady(KEY, RUNNING, "never answered"),
                Optional.empty()))));

        assertThat(attempt().kind()).isEqualTo(KeyResult.Kind.FAILED);
        assertThat(histories.history(KEY).attempts()).isEqualTo(1);
        assertThat(histories.history(KEY).lastError()).contains("never answered");
    }

    @Test
    void aCrashRestartCountsTowardsTheBackOffAndForgetsTheOldVerdict() throws Exception {
        start(key -> KeyResult.acted(key, VERSION, List.of(done(Action.restart(KEY, RUNNING, "exited"),
                Optional.of(RUNNING.id())))));

        assertThat(attempt().kind()).isEqualTo(KeyResult.Kind.ACTED);
        assertThat(histories.history(KEY).attempts()).isEqualTo(1);
        assertThat(histories.history(KEY).lastError()).isEmpty();
        assertThat(histories.history(KEY).started(RUNNING.id())).isTrue();
        assertThat(forgotten).containsExactly(RUNNING.id());
    }

    @Test
    void aCrashRestartOfANewSpecCountsFromZeroNotFromTheOldSpecsBackOff() throws Exception {
        Optional<AppVersion> old = Optional.of(new AppVersion("old-spec", Optional.empty()));
        for (int i = 0; i < 5; i++) {
            histories.restarted(KEY, old, "c-old", T0.minusSeconds(60));
        }
        start(key -> KeyResult.acted(key, VERSION, List.of(done(Action.restart(KEY, RUNNING, "exited"),
                Optional.of(RUNNING.id())))));

        attempt();

        assertThat(histories.history(KEY).attempts()).as("the new spec's first restart").isEqualTo(1);
        assertThat(histories.history(KEY).notBefore()).as("the initial back-off").contains(T0.plusSeconds(10));
        assertThat(histories.history(KEY).version()).isEqualTo(VERSION);
    }

    @Test
    void aSuccessfulCreateClearsTheErrorAndRemembersItsContainer() throws Exception {
        histories.failed(KEY, VERSION, "earlier", T0.minusSeconds(60));
        start(key -> KeyResult.acted(key, VERSION, List.of(done(Action.create(SPEC, Optional.empty(), "no container"),
                Optional.of("c-new")))));

        assertThat(attempt().kind()).isEqualTo(KeyResult.Kind.ACTED);
        assertThat(histories.history(KEY).lastError()).isEmpty();
        assertThat(histories.history(KEY).started("c-new")).isTrue();
    }

    @Test
    void anAttemptThatThrowsBacksOffLikeAFailedAction() throws Exception {
        start(key -> {
            throw new IllegalStateException("a bug");
        });

        KeyResult result = attempt();

        assertThat(result.kind()).isEqualTo(KeyResult.Kind.FAILED);
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("a bug"));
        assertThat(histories.history(KEY).attempts()).isEqualTo(1);
    }

    @Test
    void nothingToDoLeavesNoTraceAndAsksForNoPass() throws Exception {
        start(KeyResult::nothingToDo);

        assertThat(attempt().kind()).isEqualTo(KeyResult.Kind.NOTHING_TO_DO);
        assertThat(histories.history(KEY).attempts()).isZero();
        assertThat(lastActions.drain()).isEmpty();
        assertThat(triggers).isEmpty();
    }

    private void start(Function<AppKey, KeyResult> reconciler) {
        Function<AppKey, KeyResult> counted = key -> {
            attempts.incrementAndGet();
            return reconciler.apply(key);
        };
        workers = new KeyWorkers(counted, histories, forgotten::add, lastActions, triggers::add, 1,
                new SimpleMeterRegistry(), Clock.fixed(T0, ZoneOffset.UTC));
        workers.start();
    }

    private KeyResult attempt() throws Exception {
        return workers.submit(KEY).get(10, TimeUnit.SECONDS);
    }

    private static ActionOutcome failed(Action action, String error) {
        return new ActionOutcome(action, ActionOutcome.Result.FAILED, Optional.of(error), Optional.empty());
    }

    private static ActionOutcome done(Action action, Optional<String> started) {
        return new ActionOutcome(action, ActionOutcome.Result.DONE, Optional.empty(), started);
    }
}
