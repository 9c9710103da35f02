package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.HealthStatus;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.model.SpecOrigin;
import io.remoteappmanager.model.SpecProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/** Tiny builders for planner inputs, so each test states only what its rule is about (the reconcile tests borrow a spec and a container). */
public final class PlanFixture {

    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    static final AppKey ALICE = new AppKey("alice", "paraview");
    static final AppKey BOB = new AppKey("bob", "jupyter");

    /** Stands in for ContainerTemplate.specHash: covers what would run, not where the document sits. */
    static final Function<AppSpec, String> HASH = s -> String.format("%08x%08x",
            s.image().hashCode(), Objects.hash(s.urlId(), s.environment(), s.command(), s.volumes()));

    private PlanFixture() {}

    public static AppSpec spec(AppKey key) {
        return spec(key, "simphony/paraview:5.4");
    }

    static AppSpec spec(AppKey key, String image) {
        return new SpecBuilder(key).image(image).build();
    }

    static SpecBuilder specOf(AppKey key) {
        return new SpecBuilder(key);
    }

    static ContainerBuilder containerOf(AppKey key) {
        return new ContainerBuilder(key);
    }

    /** A running container that matches {@code spec}. */
    public static ObservedContainer runningFor(AppSpec spec) {
        return containerOf(spec.key()).hash(HASH.apply(spec)).source(spec.origin().file()).build();
    }

    static DesiredBuilder desired(AppSpec... apps) {
        DesiredBuilder builder = new DesiredBuilder();
        for (AppSpec app : apps) {
            builder.apps.put(app.key(), app);
        }
        return builder;
    }

    static Plan plan(DesiredBuilder desired, ObservedContainer... observed) {
        return plan(new Planner(false, false, HASH), desired, Map.of(), observed);
    }

    static Plan plan(Planner planner, DesiredBuilder desired, Map<AppKey, KeyHistory> history,
            ObservedContainer... observed) {
        return plan(planner, desired, history, Map.of(), observed);
    }

    /** A plan where the containers named in {@code readiness} have that verdict, and every other one is ready. */
    static Plan plan(Planner planner, DesiredBuilder desired, Map<AppKey, KeyHistory> history,
            Map<String, ProbeVerdict> readiness, ObservedContainer... observed) {
        return planner.plan(new PlanInputs(desired.build(), List.of(observed), history::get,
                c -> readiness.getOrDefault(c.id(), ProbeVerdict.READY)), NOW);
    }

    static Decision only(Plan plan) {
        if (plan.decisions().size() != 1) {
            throw new AssertionError("expected one decision, got " + plan.decisions());
        }
        return plan.decisions().get(0);
    }

    /** History of a key waiting {@code seconds} more after {@code attempts} tries, failed with {@code error}. */
    static KeyHistory waiting(int attempts, long seconds, String error) {
        return new KeyHistory(attempts, Optional.of(NOW.plusSeconds(seconds)), Optional.ofNullable(error),
                Optional.empty(), Optional.empty());
    }

    static SpecProblem problem(String file, String message, AppKey key) {
        return new SpecProblem(SpecProblem.Kind.INVALID, file, 3, message, Optional.ofNullable(key));
    }

    /** Builds an {@link AppSpec} with the defaults a file of {@code <user>.yaml} would give. */
    static final class SpecBuilder {
        private final AppKey key;
        private String image = "simphony/paraview:5.4";
        private Optional<String> urlId = Optional.empty();
        private RestartPolicy restart = RestartPolicy.Always;
        private boolean suspend;
        private int line = 1;
        private AppSpec.PullPolicy pull = AppSpec.PullPolicy.IfNotPresent;
        private Optional<AppSpec.Liveness> liveness = Optional.empty();
        private Optional<Duration> idleTimeout = Optional.empty();

        private SpecBuilder(AppKey key) {
            this.key = key;
        }

        SpecBuilder image(String value) { image = value; return this; }
        SpecBuilder urlId(String value) { urlId = Optional.of(value); return this; }
        SpecBuilder restart(RestartPolicy value) { restart = value; return this; }
        SpecBuilder suspend() { suspend = true; return this; }
        SpecBuilder line(int value) { line = value; return this; }
        SpecBuilder pull(AppSpec.PullPolicy value) { pull = value; return this; }
        SpecBuilder liveness() { liveness = Optional.of(AppSpec.Liveness.DEFAULTS); return this; }
        SpecBuilder idleTimeout(Duration value) { idleTimeout = Optional.of(value); return this; }

        AppSpec build() {
            String name = key.user() + "-" + key.mappingId();
            return new AppSpec(name, key.user(), image, key.mappingId(), "/user/" + key.user(), urlId,
                    OptionalInt.empty(), Map.of(), Map.of(), List.of(), AppSpec.Resources.DEFAULTS, restart,
                    pull, suspend, new SpecOrigin(key.user() + ".yaml", name, line), AppSpec.Readiness.DEFAULTS,
                    idleTimeout, AppSpec.Placement.DEFAULTS, liveness, Map.of());
        }
    }

    /** Builds an {@link ObservedContainer}: running, created at {@code NOW - 1h}, with a stale hash. */
    static final class ContainerBuilder {
        private final AppKey key;
        private String id;
        private ContainerState state = ContainerState.RUNNING;
        private OptionalInt exitCode = OptionalInt.empty();
        private String hash = "0000000000000000";
        private String urlId = "0123456789abcdef0123456789abcdef";
        private Optional<String> source;
        private Instant created = NOW.minus(Duration.ofHours(1));
        private Optional<Endpoint> endpoint = Optional.empty();
        private Optional<String> detail = Optional.empty();
        private int restarts;
        private HealthStatus health = HealthStatus.NONE;
        private Optional<String> imageDigest = Optional.empty();

        private ContainerBuilder(AppKey key) {
            this.key = key;
            this.id = (key.user() + key.mappingId() + "0000000000000000").substring(0, 16) + "cafe";
            this.source = Optional.of(key.user() + ".yaml");
        }

        ContainerBuilder id(String value) { id = value; return this; }
        ContainerBuilder state(ContainerState value) { state = value; return this; }
        ContainerBuilder exitCode(int value) { exitCode = OptionalInt.of(value); return this; }
        ContainerBuilder hash(String value) { hash = value; return this; }
        ContainerBuilder urlId(String value) { urlId = value; return this; }
        ContainerBuilder source(String value) { source = Optional.ofNullable(value); return this; }
        ContainerBuilder createdMinutesAgo(long value) { created = NOW.minus(Duration.ofMinutes(value)); return this; }
        ContainerBuilder endpoint(Endpoint value) { endpoint = Optional.of(value); return this; }
        ContainerBuilder detail(String value) { detail = Optional.of(value); return this; }
        ContainerBuilder restarts(int value) { restarts = value; return this; }
        ContainerBuilder health(HealthStatus value) { health = value; return this; }
        ContainerBuilder imageDigest(String value) { imageDigest = Optional.of(value); return this; }

        ObservedContainer build() {
            return new ObservedContainer(id, "remoteexec-" + key.user() + "-" + key.mappingId(), key, state,
                    "simphony/paraview:5.4", hash, urlId, Optional.empty(), source, Optional.empty(), created,
                    endpoint, List.of(), exitCode, Optional.empty(), Optional.empty(), detail, restarts, health,
                    imageDigest, "sha256:" + hash);
        }
    }

    /** Builds a {@link DesiredState} from a usable directory unless told otherwise. */
    static final class DesiredBuilder {
        private final Map<AppKey, AppSpec> apps = new HashMap<>();
        private final List<SpecProblem> problems = new ArrayList<>();
        private final Set<AppKey> conflicts = new HashSet<>();
        private final Set<String> protectedSources = new HashSet<>();
        private boolean usable = true;

        DesiredBuilder problem(SpecProblem value) { problems.add(value); return this; }
        DesiredBuilder protect(String file) { protectedSources.add(file); return this; }
        DesiredBuilder unusable() { usable = false; return this; }

        DesiredBuilder conflict(AppKey key, String... files) {
            conflicts.add(key);
            for (String file : files) {
                problems.add(new SpecProblem(SpecProblem.Kind.CONFLICT, file, 1, "two documents claim " + key,
                        Optional.of(key)));
            }
            return this;
        }

        DesiredState build() {
            return new DesiredState(apps, problems, conflicts, protectedSources, usable, Set.of());
        }
    }
}
